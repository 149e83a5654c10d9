import { and, assign, setup, transition, type SnapshotFrom } from "xstate";

/**
 * The proposal process (innspillsprosessen): the single source of truth for what may happen
 * to a proposal, who may make it happen and what the step must carry. The flowchart, the
 * buttons, the server's checks and the tests all read this machine. Pure: no I/O.
 */

export type Lane = "submitter" | "rorikt" | "group" | "committee" | "board";

export type ProposalState =
  | "draft"
  | "submitted"
  | "groupReview"
  | "awaitingSubmitter"
  | "committeeReview"
  | "boardReview"
  | "approved"
  | "inProgress"
  | "completed"
  | "rejected"
  | "withdrawn"
  | "merged"
  | "redirected"
  | "cancelled";

/** Who is acting, as far as the process cares. Computed by the server from the session and the organisation. */
export interface ProcessActor {
  userId: number;
  /** The actor wrote this proposal. */
  isSubmitter: boolean;
  /** ROR-IKT coordinator (service development staff). */
  isCoordinator: boolean;
  /** Leader of any specialist group (may route submitted proposals). */
  isAnyGroupLeader: boolean;
  /** Role in the proposal's assigned group today, if any. */
  groupRole: "leader" | "member" | null;
  /** Set when the decision is recorded in a meeting, as a protocol item of that body. */
  meeting: { body: "committee" | "board"; protocolItemId: number } | null;
}

/** Facts about the proposal that guards need, computed by the server. */
export interface ProposalFacts {
  groupId: number | null;
  assessmentComplete: boolean;
  subGoalCount: number;
}

export type ProposalEventType =
  | "SUBMIT"
  | "WITHDRAW"
  | "ASSIGN"
  | "MOVE_GROUP"
  | "MERGE"
  | "REDIRECT"
  | "REQUEST_INFO"
  | "SUPPLEMENT"
  | "RECOMMEND"
  | "GROUP_REJECT"
  | "COMMITTEE_RECOMMEND"
  | "COMMITTEE_APPROVE"
  | "COMMITTEE_RETURN"
  | "COMMITTEE_DEFER"
  | "COMMITTEE_REJECT"
  | "BOARD_APPROVE"
  | "BOARD_REJECT"
  | "BOARD_RETURN"
  | "BOARD_DEFER"
  | "START"
  | "COMPLETE"
  | "CANCEL";

export interface ProposalEvent {
  type: ProposalEventType;
  actor: ProcessActor;
  reason?: string;
  groupId?: number;
  targetId?: number;
}

export interface StateMeta {
  /** May hold {committee}/{board} ({Committee}/{Board} capitalised): the body names valid at the time, see `bodyText`. */
  label: string;
  lane: Lane;
  /** One line: what happens now, for the proposal page and the flowchart. */
  now: string;
  final?: boolean;
}

const hasText = (value: string | undefined) => typeof value === "string" && value.trim().length > 0;

export const proposalMachine = setup({
  types: {
    context: {} as ProposalFacts,
    events: {} as ProposalEvent,
    input: {} as ProposalFacts,
  },
  guards: {
    bySubmitter: ({ event }) => event.actor.isSubmitter,
    byRouter: ({ event }) => event.actor.isCoordinator || event.actor.isAnyGroupLeader,
    byCoordinator: ({ event }) => event.actor.isCoordinator,
    byGroup: ({ event }) => event.actor.groupRole !== null,
    byGroupLeaderOrCoordinator: ({ event }) =>
      event.actor.isCoordinator || event.actor.groupRole === "leader",
    inCommitteeMeeting: ({ event }) => event.actor.meeting?.body === "committee",
    inBoardMeeting: ({ event }) => event.actor.meeting?.body === "board",
    hasReason: ({ event }) => hasText(event.reason),
    hasGroup: ({ event }) => typeof event.groupId === "number",
    hasOtherGroup: ({ context, event }) =>
      typeof event.groupId === "number" && event.groupId !== context.groupId,
    hasTarget: ({ event }) => typeof event.targetId === "number",
    assessedAndLinked: ({ context }) => context.assessmentComplete && context.subGoalCount >= 1,
  },
  actions: {
    // Assigning or moving records the group in the machine's facts, which the command writes back.
    setGroup: assign({ groupId: ({ context, event }) => event.groupId ?? context.groupId }),
  },
}).createMachine({
  id: "proposal",
  initial: "draft",
  context: ({ input }) => input,
  states: {
    draft: {
      meta: { label: "Utkast", lane: "submitter", now: "Innsenderen skriver innspillet og sender det inn." },
      on: { SUBMIT: { target: "submitted", guard: "bySubmitter" } },
    },
    submitted: {
      meta: {
        label: "Mottatt",
        lane: "rorikt",
        now: "ROR-IKT eller en faggruppeleder fordeler innspillet til en faggruppe.",
      },
      on: {
        ASSIGN: { target: "groupReview", guard: and(["byRouter", "hasGroup"]), actions: "setGroup" },
        REDIRECT: { target: "redirected", guard: and(["byRouter", "hasReason"]) },
        MERGE: { target: "merged", guard: and(["byRouter", "hasTarget"]) },
        WITHDRAW: { target: "withdrawn", guard: and(["bySubmitter", "hasReason"]) },
      },
    },
    groupReview: {
      meta: {
        label: "Til vurdering i faggruppe",
        lane: "group",
        now: "Faggruppen vurderer verdi, kostnad, gevinstplan og kobling til strategien.",
      },
      on: {
        REQUEST_INFO: { target: "awaitingSubmitter", guard: and(["byGroup", "hasReason"]) },
        RECOMMEND: { target: "committeeReview", guard: and(["byGroup", "assessedAndLinked"]) },
        GROUP_REJECT: { target: "rejected", guard: and(["byGroup", "hasReason"]) },
        MOVE_GROUP: {
          target: "groupReview",
          guard: and(["byGroupLeaderOrCoordinator", "hasOtherGroup"]),
          actions: "setGroup",
        },
        MERGE: { target: "merged", guard: and(["byGroupLeaderOrCoordinator", "hasTarget"]) },
        WITHDRAW: { target: "withdrawn", guard: and(["bySubmitter", "hasReason"]) },
      },
    },
    awaitingSubmitter: {
      meta: {
        label: "Venter på innsender",
        lane: "submitter",
        now: "Faggruppen har bedt om mer informasjon. Innsenderen svarer.",
      },
      on: {
        SUPPLEMENT: { target: "groupReview", guard: and(["bySubmitter", "hasReason"]) },
        WITHDRAW: { target: "withdrawn", guard: and(["bySubmitter", "hasReason"]) },
      },
    },
    committeeReview: {
      meta: {
        label: "Til behandling i {committee}",
        lane: "committee",
        now: "{Committee} behandler innspillet i et møte og gir sin innstilling.",
      },
      on: {
        COMMITTEE_RECOMMEND: { target: "boardReview", guard: "inCommitteeMeeting" },
        COMMITTEE_APPROVE: { target: "approved", guard: "inCommitteeMeeting" },
        COMMITTEE_RETURN: { target: "groupReview", guard: and(["inCommitteeMeeting", "hasReason"]) },
        COMMITTEE_DEFER: { target: "committeeReview", guard: "inCommitteeMeeting" },
        COMMITTEE_REJECT: { target: "rejected", guard: and(["inCommitteeMeeting", "hasReason"]) },
        WITHDRAW: { target: "withdrawn", guard: and(["bySubmitter", "hasReason"]) },
      },
    },
    boardReview: {
      meta: {
        label: "Til behandling i {board}",
        lane: "board",
        now: "{Board} behandler innspillet som en nummerert sak i et møte.",
      },
      on: {
        BOARD_APPROVE: { target: "approved", guard: "inBoardMeeting" },
        BOARD_REJECT: { target: "rejected", guard: and(["inBoardMeeting", "hasReason"]) },
        BOARD_RETURN: { target: "committeeReview", guard: and(["inBoardMeeting", "hasReason"]) },
        BOARD_DEFER: { target: "boardReview", guard: "inBoardMeeting" },
        WITHDRAW: { target: "withdrawn", guard: and(["bySubmitter", "hasReason"]) },
      },
    },
    approved: {
      meta: { label: "Vedtatt", lane: "rorikt", now: "ROR-IKT planlegger og starter gjennomføringen." },
      on: {
        START: { target: "inProgress", guard: "byCoordinator" },
        CANCEL: { target: "cancelled", guard: and(["byCoordinator", "hasReason"]) },
      },
    },
    inProgress: {
      meta: {
        label: "Under gjennomføring",
        lane: "rorikt",
        now: "Arbeidet pågår. Når det er ferdig, rapporteres resultater og realiserte gevinster.",
      },
      on: {
        COMPLETE: { target: "completed", guard: "byGroupLeaderOrCoordinator" },
        CANCEL: { target: "cancelled", guard: and(["byCoordinator", "hasReason"]) },
      },
    },
    completed: {
      type: "final",
      meta: {
        label: "Gjennomført",
        lane: "rorikt",
        now: "Arbeidet er ferdig og tas med i årsrapporten.",
        final: true,
      },
    },
    rejected: {
      type: "final",
      meta: {
        label: "Avslått",
        lane: "rorikt",
        now: "Avsluttet. Begrunnelsen står i historikken.",
        final: true,
      },
    },
    withdrawn: {
      type: "final",
      meta: { label: "Trukket", lane: "submitter", now: "Avsluttet av innsenderen.", final: true },
    },
    merged: {
      type: "final",
      meta: {
        label: "Slått sammen",
        lane: "rorikt",
        now: "Avsluttet: slått sammen med et annet innspill, som behandles videre.",
        final: true,
      },
    },
    redirected: {
      type: "final",
      meta: {
        label: "Sendt til Kundeservice",
        lane: "rorikt",
        now: "Avsluttet: dette er en brukerstøttesak og er sendt til Kundeservice.",
        final: true,
      },
    },
    cancelled: {
      type: "final",
      meta: {
        label: "Avbrutt",
        lane: "rorikt",
        now: "Gjennomføringen ble avbrutt. Begrunnelsen står i historikken.",
        final: true,
      },
    },
  },
});

export type ProposalSnapshot = SnapshotFrom<typeof proposalMachine>;

export const proposalStates = Object.keys(proposalMachine.config.states ?? {}) as ProposalState[];

export function isProposalState(value: string): value is ProposalState {
  return (proposalStates as string[]).includes(value);
}

/** Metadata (label, lane, what happens now) of a state. */
export function stateMeta(state: ProposalState): StateMeta {
  return proposalMachine.config.states![state]!.meta as StateMeta;
}

/** States that end the process. */
export const finalStates = proposalStates.filter((s) => stateMeta(s).final);

/** A snapshot of the machine at a stored state, with the facts the guards need. */
export function snapshotAt(state: ProposalState, facts: ProposalFacts): ProposalSnapshot {
  return proposalMachine.resolveState({ value: state, context: facts });
}

export type Decision =
  { ok: true; to: ProposalState; facts: ProposalFacts } | { ok: false; why: "not-in-state" | "refused" };

/**
 * Decides an event for a proposal in a stored state. "not-in-state": the event does not exist
 * there (the proposal has moved on); "refused": a guard said no (who, or what the event carries).
 */
export function decide(
  state: ProposalState,
  facts: ProposalFacts,
  event: ProposalEvent,
  snapshot: ProposalSnapshot = snapshotAt(state, facts),
): Decision {
  const events = snapshot._nodes.flatMap((n) => n.ownEvents);
  if (!events.includes(event.type)) return { ok: false, why: "not-in-state" };
  if (!snapshot.can(event)) return { ok: false, why: "refused" };
  const [next] = transition(proposalMachine, snapshot, event);
  return { ok: true, to: next.value as ProposalState, facts: next.context };
}

/** Event types that exist in a state, regardless of who acts. */
export function eventsInState(state: ProposalState): ProposalEventType[] {
  const node = proposalMachine.config.states![state]!;
  return Object.keys(node.on ?? {}) as ProposalEventType[];
}

export interface AvailableEvent {
  type: ProposalEventType;
  /** Allowed for this actor, but the proposal does not meet the event's conditions yet. */
  blocked: boolean;
}

/**
 * The events this actor may send now, asked of the machine with a well-formed payload
 * (a reason, another group, a target), so the page shows exactly the actions the server accepts.
 */
export function availableEvents(
  state: ProposalState,
  facts: ProposalFacts,
  actor: ProcessActor,
): AvailableEvent[] {
  const now = snapshotAt(state, facts);
  const ready = snapshotAt(state, {
    ...facts,
    assessmentComplete: true,
    subGoalCount: Math.max(1, facts.subGoalCount),
  });
  return eventsInState(state).flatMap((type): AvailableEvent[] => {
    const event = wellFormed(type, actor);
    if (now.can(event)) return [{ type, blocked: false }];
    if (ready.can(event)) return [{ type, blocked: true }];
    return [];
  });
}

/**
 * One event of `availableEvents`, without asking about the others (the server's check per request).
 * `snapshot` is the proposal's (`snapshotAt(state, facts)`), when the caller has made it already.
 */
export function availableEvent(
  state: ProposalState,
  facts: ProposalFacts,
  actor: ProcessActor,
  type: ProposalEventType,
  snapshot?: ProposalSnapshot,
): AvailableEvent | undefined {
  if (!eventsInState(state).includes(type)) return undefined;
  const event = wellFormed(type, actor);
  if ((snapshot ?? snapshotAt(state, facts)).can(event)) return { type, blocked: false };
  const ready = { ...facts, assessmentComplete: true, subGoalCount: Math.max(1, facts.subGoalCount) };
  if (snapshotAt(state, ready).can(event)) return { type, blocked: true };
  return undefined;
}

/** An event with a placeholder for every payload field, to ask whether an actor may send it at all. */
function wellFormed(type: ProposalEventType, actor: ProcessActor): ProposalEvent {
  return { type, actor, reason: "…", groupId: -1, targetId: -1 };
}

/** The names of the committee and the board valid at a date, from the organisation data. */
export interface BodyNames {
  committee: string;
  board: string;
}

/** Fills {committee}/{board} (lower-case first letter) and {Committee}/{Board} in a process text. */
export function bodyText(text: string, names: BodyNames): string {
  const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
  const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return text
    .replaceAll("{committee}", lower(names.committee))
    .replaceAll("{board}", lower(names.board))
    .replaceAll("{Committee}", upper(names.committee))
    .replaceAll("{Board}", upper(names.board));
}

/** States that record a decision on the proposal (its decided_at is set on entering them). */
export function isDecision(state: ProposalState): boolean {
  return state === "approved" || state === "rejected";
}
