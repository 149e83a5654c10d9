import { and, setup, transition, type SnapshotFrom } from "xstate";
import { mayOrganiseMeetings, type BodyActor } from "./policy";

/**
 * A meeting's life (møte): planned, notice published, held, protocol approved, protocol
 * published, or cancelled. The single source of truth for what may be done to a meeting in
 * which status and by whom; the meeting page's buttons, the commands and the tests read it.
 * Pure: no I/O.
 */

/** The statuses of a meeting; the database's `meeting.status` column holds one of these. */
export type MeetingStatus =
  "planned" | "noticePublished" | "held" | "protocolApproved" | "protocolPublished" | "cancelled";

/** Who acts, as far as meetings care. Computed by the server from the session and the organisation. */
export interface MeetingActor extends BodyActor {
  userId: number;
}

/** Facts about the meeting that guards need, computed by the server. */
export interface MeetingFacts {
  caseCount: number;
  undecidedCount: number;
  /** The meeting's start (Oslo wall-clock time) has come: before it, nothing is recorded as held. */
  started: boolean;
  /** Signers of the protocol who have not signed yet: it is final, and may be published, at 0. */
  unsignedCount: number;
}

export type MeetingEventType =
  | "EDIT"
  | "ADD_CASE"
  | "EDIT_CASE"
  | "REMOVE_CASE"
  | "PUBLISH_NOTICE"
  | "RECORD_ATTENDANCE"
  | "DECLARE_CONFLICT"
  | "RECORD_DECISION"
  | "APPROVE_PROTOCOL"
  | "PUBLISH_PROTOCOL"
  | "ADD_ADDENDUM"
  | "CANCEL";

export interface MeetingEvent {
  type: MeetingEventType;
  actor: MeetingActor;
  /** RECORD_ATTENDANCE: how many are present (members and substitutes) after recording. */
  presentCount?: number;
  reason?: string;
}

export interface MeetingStateMeta {
  label: string;
  /** One line: what happens now. */
  now: string;
  /** The notice and its agenda are public in this status (if the body's papers are public). */
  noticePublic: boolean;
  /** The protocol is public in this status. */
  protocolPublic: boolean;
  final?: boolean;
}

const hasText = (value: string | undefined) => typeof value === "string" && value.trim().length > 0;

export const meetingMachine = setup({
  types: {
    context: {} as MeetingFacts,
    events: {} as MeetingEvent,
    input: {} as MeetingFacts,
  },
  guards: {
    byOrganiser: ({ event }) => mayOrganiseMeetings(event.actor),
    hasCases: ({ context }) => context.caseCount >= 1,
    everyCaseDecided: ({ context }) => context.caseCount >= 1 && context.undecidedCount === 0,
    somebodyPresent: ({ event }) => (event.presentCount ?? 0) >= 1,
    hasReason: ({ event }) => hasText(event.reason),
    hasStarted: ({ context }) => context.started,
    allSigned: ({ context }) => context.unsignedCount === 0,
  },
}).createMachine({
  id: "meeting",
  initial: "planned",
  context: ({ input }) => input,
  states: {
    planned: {
      meta: {
        label: "Planlagt",
        now: "Sakslisten settes opp. Når innkallingen publiseres, får sakene nummer.",
        noticePublic: false,
        protocolPublic: false,
      },
      on: {
        EDIT: { target: "planned", guard: "byOrganiser" },
        ADD_CASE: { target: "planned", guard: "byOrganiser" },
        EDIT_CASE: { target: "planned", guard: "byOrganiser" },
        REMOVE_CASE: { target: "planned", guard: "byOrganiser" },
        PUBLISH_NOTICE: { target: "noticePublished", guard: and(["byOrganiser", "hasCases"]) },
        CANCEL: { target: "cancelled", guard: and(["byOrganiser", "hasReason"]) },
      },
    },
    noticePublished: {
      meta: {
        label: "Innkalling publisert",
        // Published on the site; notices are not e-mailed (yet), so "sendt" would not be true.
        now: "Innkallingen er publisert. I møtet registreres fremmøte, inhabilitet og vedtak.",
        noticePublic: true,
        protocolPublic: false,
      },
      on: {
        EDIT: { target: "noticePublished", guard: "byOrganiser" },
        // A case sent out after the notice gets its number at once.
        ADD_CASE: { target: "noticePublished", guard: "byOrganiser" },
        EDIT_CASE: { target: "noticePublished", guard: "byOrganiser" },
        DECLARE_CONFLICT: { target: "noticePublished", guard: "byOrganiser" },
        RECORD_ATTENDANCE: { target: "held", guard: and(["byOrganiser", "hasStarted", "somebodyPresent"]) },
        CANCEL: { target: "cancelled", guard: and(["byOrganiser", "hasReason"]) },
      },
    },
    held: {
      meta: {
        label: "Avholdt",
        now: "Møtet er satt. Vedtakene føres i protokollen, som godkjennes når alle saker er behandlet.",
        noticePublic: true,
        protocolPublic: false,
      },
      on: {
        ADD_CASE: { target: "held", guard: "byOrganiser" },
        EDIT_CASE: { target: "held", guard: "byOrganiser" },
        RECORD_ATTENDANCE: { target: "held", guard: and(["byOrganiser", "hasStarted", "somebodyPresent"]) },
        DECLARE_CONFLICT: { target: "held", guard: "byOrganiser" },
        RECORD_DECISION: { target: "held", guard: and(["byOrganiser", "hasStarted"]) },
        APPROVE_PROTOCOL: { target: "protocolApproved", guard: and(["byOrganiser", "everyCaseDecided"]) },
      },
    },
    protocolApproved: {
      meta: {
        label: "Protokoll godkjent",
        now: "Protokollen er godkjent og kan ikke endres. Rettelser føres som datert tillegg.",
        noticePublic: true,
        protocolPublic: false,
      },
      on: {
        PUBLISH_PROTOCOL: { target: "protocolPublished", guard: and(["byOrganiser", "allSigned"]) },
        ADD_ADDENDUM: { target: "protocolApproved", guard: "byOrganiser" },
      },
    },
    protocolPublished: {
      meta: {
        label: "Protokoll publisert",
        now: "Protokollen er publisert. Rettelser føres som datert tillegg.",
        noticePublic: true,
        protocolPublic: true,
      },
      on: {
        ADD_ADDENDUM: { target: "protocolPublished", guard: "byOrganiser" },
      },
    },
    cancelled: {
      type: "final",
      meta: {
        label: "Avlyst",
        now: "Møtet er avlyst. Sakene kan settes opp i et annet møte.",
        noticePublic: false,
        protocolPublic: false,
        final: true,
      },
    },
  },
});

export type MeetingSnapshot = SnapshotFrom<typeof meetingMachine>;

export const meetingStatuses = Object.keys(meetingMachine.config.states ?? {}) as MeetingStatus[];

export function isMeetingStatus(value: string): value is MeetingStatus {
  return (meetingStatuses as string[]).includes(value);
}

/** Label, what happens now, and what is public, for a status. */
export function meetingStateMeta(status: MeetingStatus): MeetingStateMeta {
  return meetingMachine.config.states![status]!.meta as MeetingStateMeta;
}

/** Statuses in which the protocol can no longer change (only dated addenda may be added). */
export const frozenStatuses: MeetingStatus[] = ["protocolApproved", "protocolPublished"];

function snapshotAt(status: MeetingStatus, facts: MeetingFacts): MeetingSnapshot {
  return meetingMachine.resolveState({ value: status, context: facts });
}

/** Event types that exist in a status, regardless of who acts. */
export function meetingEventsInState(status: MeetingStatus): MeetingEventType[] {
  return Object.keys(meetingMachine.config.states![status]!.on ?? {}) as MeetingEventType[];
}

export type MeetingDecision =
  { ok: true; to: MeetingStatus } | { ok: false; why: "not-in-state" | "refused" };

/**
 * Decides an event for a meeting in a stored status. "not-in-state": it cannot happen in this
 * status (e.g. a change to an approved protocol); "refused": a guard said no (who, or a fact
 * such as a notice without cases or undecided cases at approval).
 */
export function decideMeeting(
  status: MeetingStatus,
  facts: MeetingFacts,
  event: MeetingEvent,
): MeetingDecision {
  if (!meetingEventsInState(status).includes(event.type)) return { ok: false, why: "not-in-state" };
  const snapshot = snapshotAt(status, facts);
  if (!snapshot.can(event)) return { ok: false, why: "refused" };
  const [next] = transition(meetingMachine, snapshot, event);
  return { ok: true, to: next.value as MeetingStatus };
}

export interface AvailableMeetingEvent {
  type: MeetingEventType;
  /** The actor may, but the meeting does not meet the conditions yet (no cases, undecided cases). */
  blocked: boolean;
}

/** The events this actor may send now, asked of the machine, so the page shows what the server accepts. */
export function availableMeetingEvents(
  status: MeetingStatus,
  facts: MeetingFacts,
  actor: MeetingActor,
): AvailableMeetingEvent[] {
  const wellFormed = (type: MeetingEventType): MeetingEvent => ({
    type,
    actor,
    presentCount: 1,
    reason: "…",
  });
  const ready: MeetingFacts = {
    caseCount: Math.max(1, facts.caseCount),
    undecidedCount: 0,
    started: true,
    unsignedCount: 0,
  };
  return meetingEventsInState(status).flatMap((type): AvailableMeetingEvent[] => {
    if (snapshotAt(status, facts).can(wellFormed(type))) return [{ type, blocked: false }];
    if (snapshotAt(status, ready).can(wellFormed(type))) return [{ type, blocked: true }];
    return [];
  });
}
