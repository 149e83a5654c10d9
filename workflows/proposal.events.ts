import type { ProposalEventType } from "./proposal.machine";

/**
 * What each event carries and how it is offered: the structure only. Its words (button label,
 * field label) and the payload's messages are in app/domain/texts/proposal-events.ts, keyed by
 * the event; the payload schema is app/domain/proposal-event.schema.ts.
 */
export interface EventSpec {
  /** The field a user fills, if any. */
  field?: EventField;
  /** Taken in a meeting, as a protocol item: not offered as a button on the proposal page. */
  inMeeting?: "committee" | "board";
  /** Destructive or closing: styled as such. */
  closing?: boolean;
  /** Has its own form page at /innspill/:id/<page> (it carries more than one field). */
  page?: string;
}

/** The payload field an event may need. */
export type EventField = "reason" | "groupId" | "targetId";

const specs = {
  SUBMIT: {},
  WITHDRAW: { field: "reason", closing: true },
  ASSIGN: { field: "groupId" },
  MOVE_GROUP: { field: "groupId" },
  MERGE: { field: "targetId", closing: true },
  REDIRECT: { field: "reason", closing: true },
  REQUEST_INFO: { field: "reason" },
  SUPPLEMENT: { field: "reason" },
  RECOMMEND: {},
  GROUP_REJECT: { field: "reason", closing: true },
  COMMITTEE_RECOMMEND: { inMeeting: "committee" },
  COMMITTEE_APPROVE: { inMeeting: "committee" },
  COMMITTEE_RETURN: { field: "reason", inMeeting: "committee" },
  COMMITTEE_DEFER: { inMeeting: "committee" },
  COMMITTEE_REJECT: { field: "reason", inMeeting: "committee", closing: true },
  BOARD_APPROVE: { inMeeting: "board" },
  BOARD_REJECT: { field: "reason", inMeeting: "board", closing: true },
  BOARD_RETURN: { field: "reason", inMeeting: "board" },
  BOARD_DEFER: { inMeeting: "board" },
  START: { page: "oppstart" },
  COMPLETE: { page: "avslutning" },
  CANCEL: { field: "reason", closing: true },
} as const satisfies Record<ProposalEventType, EventSpec>;

export const eventSpecs: Record<ProposalEventType, EventSpec> = specs;

/** The events whose form has a field (their texts must name it). */
export type EventWithField = {
  [E in ProposalEventType]: (typeof specs)[E] extends { field: EventField } ? E : never;
}[ProposalEventType];

/** Whether a stored event name (a history row's) is a process event. */
export function isProposalEvent(value: string): value is ProposalEventType {
  return Object.hasOwn(eventSpecs, value);
}
