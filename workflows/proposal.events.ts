import { z } from "zod";
import type { ProposalEventType } from "./proposal.machine";

/**
 * What each event carries, in the words users read. The payload schemas give the field
 * messages (400) before the machine is asked; the machine's guards check the same again.
 */
export interface EventSpec {
  /** Button and edge label (Norwegian); body names as in `bodyText`. */
  label: string;
  /** The field a user fills, if any. */
  field?: "reason" | "groupId" | "targetId";
  fieldLabel?: string;
  /** Taken in a meeting, as a protocol item: not offered as a button on the proposal page. */
  inMeeting?: "committee" | "board";
  /** Destructive or closing: styled as such. */
  closing?: boolean;
  /** Has its own form page at /innspill/:id/<page> (it carries more than one field). */
  page?: string;
}

export const eventSpecs: Record<ProposalEventType, EventSpec> = {
  SUBMIT: { label: "Send inn" },
  WITHDRAW: {
    label: "Trekk innspillet",
    field: "reason",
    fieldLabel: "Hvorfor trekkes innspillet?",
    closing: true,
  },
  ASSIGN: { label: "Fordel til faggruppe", field: "groupId", fieldLabel: "Faggruppe" },
  MOVE_GROUP: { label: "Flytt til annen faggruppe", field: "groupId", fieldLabel: "Ny faggruppe" },
  MERGE: {
    label: "Slå sammen med annet innspill",
    field: "targetId",
    fieldLabel: "Innspill det slås sammen med",
    closing: true,
  },
  REDIRECT: {
    label: "Send til Kundeservice",
    field: "reason",
    fieldLabel: "Melding til innsenderen",
    closing: true,
  },
  REQUEST_INFO: {
    label: "Be innsender om mer informasjon",
    field: "reason",
    fieldLabel: "Spørsmål til innsenderen",
  },
  SUPPLEMENT: { label: "Send svar til faggruppen", field: "reason", fieldLabel: "Ditt svar" },
  RECOMMEND: { label: "Anbefal til {committee}" },
  GROUP_REJECT: { label: "Avslå", field: "reason", fieldLabel: "Begrunnelse", closing: true },
  COMMITTEE_RECOMMEND: { label: "Innstill til {board}", inMeeting: "committee" },
  COMMITTEE_APPROVE: { label: "Vedta innenfor daglig leders fullmakt", inMeeting: "committee" },
  COMMITTEE_RETURN: {
    label: "Send tilbake til faggruppen",
    field: "reason",
    fieldLabel: "Begrunnelse",
    inMeeting: "committee",
  },
  COMMITTEE_DEFER: { label: "Utsett til senere møte", inMeeting: "committee" },
  COMMITTEE_REJECT: {
    label: "Avslå",
    field: "reason",
    fieldLabel: "Begrunnelse",
    inMeeting: "committee",
    closing: true,
  },
  BOARD_APPROVE: { label: "Vedta", inMeeting: "board" },
  BOARD_REJECT: {
    label: "Avslå",
    field: "reason",
    fieldLabel: "Begrunnelse",
    inMeeting: "board",
    closing: true,
  },
  BOARD_RETURN: {
    label: "Send tilbake til {committee}",
    field: "reason",
    fieldLabel: "Begrunnelse",
    inMeeting: "board",
  },
  BOARD_DEFER: { label: "Utsett til senere møte", inMeeting: "board" },
  START: { label: "Start gjennomføring", page: "oppstart" },
  COMPLETE: { label: "Meld som gjennomført", page: "avslutning" },
  CANCEL: { label: "Avbryt gjennomføringen", field: "reason", fieldLabel: "Begrunnelse", closing: true },
};

const reason = z
  .string({ error: "Skriv en begrunnelse." })
  .trim()
  .min(1, "Skriv en begrunnelse.")
  .max(5000, "Teksten kan være høyst 5000 tegn.");
const id = (message: string) => z.coerce.number({ error: message }).int(message).positive(message);

const payloadSchemas = {
  reason: z.object({ reason }),
  groupId: z.object({ groupId: id("Velg en faggruppe.") }),
  targetId: z.object({ targetId: id("Oppgi nummeret på innspillet det skal slås sammen med.") }),
  none: z.object({ reason: z.string().trim().max(5000, "Teksten kan være høyst 5000 tegn.").optional() }),
};

/** The payload an event needs, parsed from a form or a command call (schemas built once, not per call). */
export function payloadSchema(type: ProposalEventType) {
  return payloadSchemas[eventSpecs[type].field ?? "none"];
}
