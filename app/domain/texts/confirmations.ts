import type { ProposalEventType } from "#workflows/proposal.machine";

/**
 * What the page says after an action succeeded, shown on the page the action leads to (with focus
 * moved to it). Body names hold {committee}/{board}, filled with the names valid today.
 */
export const proposalConfirmations: Record<
  ProposalEventType,
  (ctx: { group: string | null; mergedInto: number | null }) => string
> = {
  SUBMIT: () => "Innspillet er sendt inn.",
  WITHDRAW: () => "Innspillet er trukket.",
  ASSIGN: ({ group }) => (group ? `Innspillet er fordelt til ${group}.` : "Innspillet er fordelt."),
  MOVE_GROUP: ({ group }) => (group ? `Innspillet er flyttet til ${group}.` : "Innspillet er flyttet."),
  MERGE: ({ mergedInto }) =>
    mergedInto ? `Innspillet er slått sammen med innspill #${mergedInto}.` : "Innspillet er slått sammen.",
  REDIRECT: () => "Innspillet er sendt til Kundeservice, og innsenderen ser meldingen din.",
  REQUEST_INFO: () => "Spørsmålet er sendt til innsenderen.",
  SUPPLEMENT: () => "Svaret ditt er sendt til faggruppen.",
  RECOMMEND: () => "Innspillet er anbefalt til {committee}.",
  GROUP_REJECT: () => "Innspillet er avslått. Innsenderen ser begrunnelsen.",
  COMMITTEE_RECOMMEND: () => "Innstillingen til {board} er registrert.",
  COMMITTEE_APPROVE: () => "Innspillet er vedtatt innenfor daglig leders fullmakt.",
  COMMITTEE_RETURN: () => "Innspillet er sendt tilbake til faggruppen.",
  COMMITTEE_DEFER: () => "Saken er utsatt til et senere møte.",
  COMMITTEE_REJECT: () => "Innspillet er avslått.",
  BOARD_APPROVE: () => "Innspillet er vedtatt.",
  BOARD_REJECT: () => "Innspillet er avslått.",
  BOARD_RETURN: () => "Innspillet er sendt tilbake til {committee}.",
  BOARD_DEFER: () => "Saken er utsatt til et senere møte.",
  START: () => "Gjennomføringen er startet.",
  COMPLETE: () => "Innspillet er meldt som gjennomført.",
  CANCEL: () => "Gjennomføringen er avbrutt.",
};

/** Other steps on the proposal page, by the `melding` key. */
export const proposalPageConfirmations = {
  rapporttekst: "Teksten til årsrapporten er lagret.",
  folger: "Du følger nå innspillet. Du får varsel når det endrer seg.",
  "folger-ikke": "Du følger ikke lenger innspillet.",
} as const;

/** The meeting page's steps, by the form's intent. */
export const meetingConfirmations: Record<string, string> = {
  publishNotice: "Innkallingen er publisert.",
  approveProtocol: "Protokollen er godkjent og sendt til signering.",
  sign: "Du har signert protokollen.",
  publishProtocol: "Protokollen er publisert.",
  cancel: "Møtet er avlyst.",
  addendum: "Tillegget til protokollen er lagret.",
  removeCase: "Saken er tatt av sakslisten.",
  conflict: "Inhabiliteten er registrert.",
  addCase: "Saken er satt opp på sakslisten.",
  decision: "Vedtaket er registrert.",
  attendance: "Fremmøtet er lagret.",
  lagret: "Lagret.",
};

/** The confirmation for a meeting step (`?melding=<intent>`); unknown keys say nothing. */
export function meetingConfirmation(key: string | null): string | null {
  return key && Object.hasOwn(meetingConfirmations, key) ? meetingConfirmations[key]! : null;
}
