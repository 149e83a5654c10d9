import type { EventWithField } from "#workflows/proposal.events";
import type { ProposalEventType } from "#workflows/proposal.machine";

/** An event's words: its button and edge label, and the label of the field it needs (if any). */
type EventWords = {
  [E in ProposalEventType]: { label: string } & (E extends EventWithField ? { fieldLabel: string } : object);
};

/**
 * The process events in the words users read, keyed by event (the structure is
 * workflows/proposal.events.ts). Labels naming the committee or the board hold
 * {committee}/{board}, filled with `bodyText`.
 */
const events: EventWords = {
  SUBMIT: { label: "Send inn" },
  WITHDRAW: { label: "Trekk innspillet", fieldLabel: "Hvorfor trekkes innspillet?" },
  ASSIGN: { label: "Fordel til faggruppe", fieldLabel: "Faggruppe" },
  MOVE_GROUP: { label: "Flytt til annen faggruppe", fieldLabel: "Ny faggruppe" },
  MERGE: { label: "Slå sammen med annet innspill", fieldLabel: "Innspill det slås sammen med" },
  REDIRECT: { label: "Send til Kundeservice", fieldLabel: "Melding til innsenderen" },
  REQUEST_INFO: { label: "Be innsender om mer informasjon", fieldLabel: "Spørsmål til innsenderen" },
  SUPPLEMENT: { label: "Send svar til faggruppen", fieldLabel: "Ditt svar" },
  RECOMMEND: { label: "Anbefal til {committee}" },
  GROUP_REJECT: { label: "Avslå", fieldLabel: "Begrunnelse" },
  COMMITTEE_RECOMMEND: { label: "Innstill til {board}" },
  COMMITTEE_APPROVE: { label: "Vedta innenfor daglig leders fullmakt" },
  COMMITTEE_RETURN: { label: "Send tilbake til faggruppen", fieldLabel: "Begrunnelse" },
  COMMITTEE_DEFER: { label: "Utsett til senere møte" },
  COMMITTEE_REJECT: { label: "Avslå", fieldLabel: "Begrunnelse" },
  BOARD_APPROVE: { label: "Vedta" },
  BOARD_REJECT: { label: "Avslå", fieldLabel: "Begrunnelse" },
  BOARD_RETURN: { label: "Send tilbake til {committee}", fieldLabel: "Begrunnelse" },
  BOARD_DEFER: { label: "Utsett til senere møte" },
  START: { label: "Start gjennomføring" },
  COMPLETE: { label: "Meld som gjennomført" },
  CANCEL: { label: "Avbryt gjennomføringen", fieldLabel: "Begrunnelse" },
};

/** An event's label (with {committee}/{board} unfilled). */
export const eventLabel = (type: ProposalEventType): string => events[type].label;

/** The label of the field an event's form asks for; null for an event without one. */
export const eventFieldLabel = (type: ProposalEventType): string | null => {
  const words = events[type];
  return "fieldLabel" in words ? words.fieldLabel : null;
};

/** The process events' words, and why an event on a proposal was refused, as the proposal page shows it. */
export const proposalEventTexts = {
  blockedHint: "Krever en fullstendig vurdering og minst ett delmål i strategien.",
  chooseGroup: "Velg faggruppe",
  formGone: "Skjemaet kunne ikke behandles. Last siden på nytt og prøv igjen.",
  /** The payload's messages (app/domain/proposal-event.schema.ts). */
  payload: {
    reasonRequired: "Skriv en begrunnelse.",
    tooLong: "Teksten kan være høyst 5000 tegn.",
    groupRequired: "Velg en faggruppe.",
    targetRequired: "Oppgi nummeret på innspillet det skal slås sammen med.",
  },
  errors: {
    conflict: "Innspillet er endret av noen andre – last siden på nytt",
    /** Allowed for the user, but the proposal is not ready (only RECOMMEND has such conditions). */
    blocked: "Fullfør vurderingen og koble innspillet til minst ett delmål i strategien først.",
    /** START and COMPLETE record a project lead, dates and results: only their own forms may send them. */
    ownForm: "Bruk skjemaet for dette steget, det trenger flere opplysninger.",
    groupUnknown: "Velg en faggruppe fra listen.",
    mergeTargetUnknown: "Det finnes ikke noe innsendt innspill med det nummeret å slå sammen med.",
    notPossible: "Steget kan ikke tas med disse opplysningene.",
    invalidForm: "Ugyldig skjema.",
  },
} as const;
