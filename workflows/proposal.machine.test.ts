import { describe, expect, it } from "vitest";
import { getShortestPaths, getSimplePaths } from "xstate/graph";
import {
  decide,
  eventsInState,
  finalStates,
  proposalMachine,
  proposalStates,
  snapshotAt,
  type ProcessActor,
  type ProposalEvent,
  type ProposalEventType,
  type ProposalFacts,
  type ProposalSnapshot,
  type ProposalState,
} from "./proposal.machine";

/** The assigned group is 1; payloads move to group 2. */
const readyFacts: ProposalFacts = { groupId: 1, assessmentComplete: true, subGoalCount: 1 };

const nobody: ProcessActor = {
  userId: 1,
  isSubmitter: false,
  isCoordinator: false,
  isAnyGroupLeader: false,
  groupRole: null,
  meeting: null,
};

/** Everyone the process tells apart, each with only the facts that make them who they are. */
const roles = {
  submitter: { ...nobody, isSubmitter: true },
  coordinator: { ...nobody, isCoordinator: true },
  groupLeader: { ...nobody, isAnyGroupLeader: true, groupRole: "leader" },
  groupMember: { ...nobody, groupRole: "member" },
  otherGroupLeader: { ...nobody, isAnyGroupLeader: true },
  employee: nobody,
  committeeInMeeting: { ...nobody, meeting: { body: "committee", protocolItemId: 7 } },
  boardInMeeting: { ...nobody, meeting: { body: "board", protocolItemId: 8 } },
  committeeMemberOutsideMeeting: nobody,
} satisfies Record<string, ProcessActor>;
type Role = keyof typeof roles;
const roleNames = Object.keys(roles) as Role[];

/** An event carrying everything any event may need. */
const wellFormed = (type: ProposalEventType, actor: ProcessActor): ProposalEvent => ({
  type,
  actor,
  reason: "Fordi.",
  groupId: 2,
  targetId: 99,
});

/** An actor every guard lets through, acting in a meeting of the body the event belongs to. */
function allPowerful(type: ProposalEventType): ProcessActor {
  const body = type.startsWith("BOARD_") ? "board" : "committee";
  return {
    userId: 1,
    isSubmitter: true,
    isCoordinator: true,
    isAnyGroupLeader: true,
    groupRole: "leader",
    meeting: { body, protocolItemId: 1 },
  };
}

const traversal = {
  input: readyFacts,
  events: (snapshot: ProposalSnapshot) =>
    eventsInState(snapshot.value as ProposalState).map((type) => wellFormed(type, allPowerful(type))),
  // States are told apart by their name: the facts (which group) do not make a new state.
  serializeState: (snapshot: ProposalSnapshot) => String(snapshot.value),
  serializeEvent: (event: ProposalEvent) => event.type,
};

const pathStates = (path: { steps: { state: ProposalSnapshot }[] }) =>
  path.steps.map((s) => String(s.state.value));

describe("reachability (xstate/graph)", () => {
  it("reaches every state from draft", () => {
    const reached = getShortestPaths(proposalMachine, traversal).map((p) => String(p.state.value));
    expect(new Set(reached)).toEqual(new Set(proposalStates));
    expect(proposalStates).toHaveLength(14);
  });

  it("can reach a final state from every state that is not final", () => {
    const open = proposalStates.filter((s) => !finalStates.includes(s));
    expect(open).toEqual([
      "draft",
      "submitted",
      "groupReview",
      "awaitingSubmitter",
      "committeeReview",
      "boardReview",
      "approved",
      "inProgress",
    ]);
    for (const state of open) {
      const reached = getShortestPaths(proposalMachine, {
        ...traversal,
        fromState: snapshotAt(state, readyFacts),
      }).map((p) => String(p.state.value) as ProposalState);
      expect(
        reached.filter((s) => finalStates.includes(s)),
        `${state} reaches no final state`,
      ).not.toHaveLength(0);
    }
  });

  it("final states have no way out", () => {
    for (const state of finalStates) expect(eventsInState(state)).toEqual([]);
    expect(finalStates).toEqual(["completed", "rejected", "withdrawn", "merged", "redirected", "cancelled"]);
  });

  it("never reaches board review without passing committee review", () => {
    const paths = getSimplePaths(proposalMachine, {
      ...traversal,
      toState: (snapshot) => snapshot.value === "boardReview",
    });
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      const states = pathStates(path);
      const board = states.indexOf("boardReview");
      expect(states.slice(0, board), states.join(" → ")).toContain("committeeReview");
    }
    // And every arrow into board review comes from committee review.
    for (const state of proposalStates) {
      for (const type of eventsInState(state)) {
        const decision = decide(state, readyFacts, wellFormed(type, allPowerful(type)));
        if (decision.ok && decision.to === "boardReview" && state !== "boardReview")
          expect(state).toBe("committeeReview");
      }
    }
  });

  it("reaches approval only through a committee or board decision in a meeting", () => {
    const paths = getSimplePaths(proposalMachine, {
      ...traversal,
      toState: (snapshot) => snapshot.value === "approved",
    });
    for (const path of paths) {
      const last = path.steps.at(-1)!.event.type;
      expect(["COMMITTEE_APPROVE", "BOARD_APPROVE"]).toContain(last);
    }
  });
});

/*
 * Who may send which event, in which state: the rules of the process as a table. Columns:
 *   sub = the submitter, coo = the ROR-IKT coordinator, gL = leader of the assigned group,
 *   gM = member of the assigned group, oL = leader of another group, emp = a plain employee,
 *   cM = the committee in a meeting, bM = the board in a meeting,
 *   cOut = a committee member outside a meeting.
 * Every event carries a reason, another group and a target; the assessment is complete.
 */
const Y = true;
const _ = false;
// prettier-ignore
const table: [ProposalState, ProposalEventType, ...boolean[]][] = [
  //                                         sub  coo  gL   gM   oL   emp  cM   bM   cOut
  ["draft",             "SUBMIT",              Y,   _,   _,   _,   _,   _,   _,   _,   _],
  ["submitted",         "ASSIGN",              _,   Y,   Y,   _,   Y,   _,   _,   _,   _],
  ["submitted",         "REDIRECT",            _,   Y,   Y,   _,   Y,   _,   _,   _,   _],
  ["submitted",         "MERGE",               _,   Y,   Y,   _,   Y,   _,   _,   _,   _],
  ["submitted",         "WITHDRAW",            Y,   _,   _,   _,   _,   _,   _,   _,   _],
  ["groupReview",       "REQUEST_INFO",        _,   _,   Y,   Y,   _,   _,   _,   _,   _],
  ["groupReview",       "RECOMMEND",           _,   _,   Y,   Y,   _,   _,   _,   _,   _],
  ["groupReview",       "GROUP_REJECT",        _,   _,   Y,   Y,   _,   _,   _,   _,   _],
  ["groupReview",       "MOVE_GROUP",          _,   Y,   Y,   _,   _,   _,   _,   _,   _],
  ["groupReview",       "MERGE",               _,   Y,   Y,   _,   _,   _,   _,   _,   _],
  ["groupReview",       "WITHDRAW",            Y,   _,   _,   _,   _,   _,   _,   _,   _],
  ["awaitingSubmitter", "SUPPLEMENT",          Y,   _,   _,   _,   _,   _,   _,   _,   _],
  ["awaitingSubmitter", "WITHDRAW",            Y,   _,   _,   _,   _,   _,   _,   _,   _],
  ["committeeReview",   "COMMITTEE_RECOMMEND", _,   _,   _,   _,   _,   _,   Y,   _,   _],
  ["committeeReview",   "COMMITTEE_APPROVE",   _,   _,   _,   _,   _,   _,   Y,   _,   _],
  ["committeeReview",   "COMMITTEE_RETURN",    _,   _,   _,   _,   _,   _,   Y,   _,   _],
  ["committeeReview",   "COMMITTEE_DEFER",     _,   _,   _,   _,   _,   _,   Y,   _,   _],
  ["committeeReview",   "COMMITTEE_REJECT",    _,   _,   _,   _,   _,   _,   Y,   _,   _],
  ["committeeReview",   "WITHDRAW",            Y,   _,   _,   _,   _,   _,   _,   _,   _],
  ["boardReview",       "BOARD_APPROVE",       _,   _,   _,   _,   _,   _,   _,   Y,   _],
  ["boardReview",       "BOARD_REJECT",        _,   _,   _,   _,   _,   _,   _,   Y,   _],
  ["boardReview",       "BOARD_RETURN",        _,   _,   _,   _,   _,   _,   _,   Y,   _],
  ["boardReview",       "BOARD_DEFER",         _,   _,   _,   _,   _,   _,   _,   Y,   _],
  ["boardReview",       "WITHDRAW",            Y,   _,   _,   _,   _,   _,   _,   _,   _],
  ["approved",          "START",               _,   Y,   _,   _,   _,   _,   _,   _,   _],
  ["approved",          "CANCEL",              _,   Y,   _,   _,   _,   _,   _,   _,   _],
  ["inProgress",        "COMPLETE",            _,   Y,   Y,   _,   _,   _,   _,   _,   _],
  ["inProgress",        "CANCEL",              _,   Y,   _,   _,   _,   _,   _,   _,   _],
];

describe("who may send each event (decide)", () => {
  it("the table lists every transition of the machine, and nothing else", () => {
    const inMachine = proposalStates.flatMap((s) => eventsInState(s).map((e) => `${s} ${e}`));
    expect(table.map(([s, e]) => `${s} ${e}`).sort()).toEqual(inMachine.sort());
    for (const row of table) expect(row).toHaveLength(2 + roleNames.length);
  });

  describe.each(table)("%s: %s", (state, type, ...allowed) => {
    it.each(roleNames.map((role, i) => [role, allowed[i]!] as const))(
      "%s → allowed: %s",
      (role, expected) => {
        const decision = decide(state, readyFacts, wellFormed(type, roles[role]));
        expect(decision.ok).toBe(expected);
        if (!decision.ok) expect(decision.why).toBe("refused");
      },
    );
  });

  it("every event is refused in a state it does not belong to", () => {
    const all = [...new Set(table.map(([, e]) => e))];
    for (const state of proposalStates) {
      for (const type of all.filter((e) => !eventsInState(state).includes(e))) {
        expect(decide(state, readyFacts, wellFormed(type, allPowerful(type)))).toEqual({
          ok: false,
          why: "not-in-state",
        });
      }
    }
  });

  it("a committee in a meeting cannot take the board's decisions, nor the board the committee's", () => {
    expect(decide("boardReview", readyFacts, wellFormed("BOARD_APPROVE", roles.committeeInMeeting)).ok).toBe(
      false,
    );
    expect(
      decide("committeeReview", readyFacts, wellFormed("COMMITTEE_APPROVE", roles.boardInMeeting)).ok,
    ).toBe(false);
  });
});

describe("what an event must carry", () => {
  const withReason = table.filter(([, type]) =>
    [
      "WITHDRAW",
      "REDIRECT",
      "REQUEST_INFO",
      "SUPPLEMENT",
      "GROUP_REJECT",
      "COMMITTEE_RETURN",
      "COMMITTEE_REJECT",
      "BOARD_REJECT",
      "BOARD_RETURN",
      "CANCEL",
    ].includes(type),
  );

  it.each(withReason)("%s %s: refused without a reason, or with only spaces", (state, type, ...allowed) => {
    const role = roleNames[allowed.indexOf(true)]!;
    const event = wellFormed(type, roles[role]);
    expect(decide(state, readyFacts, event).ok).toBe(true);
    expect(decide(state, readyFacts, { ...event, reason: undefined })).toEqual({ ok: false, why: "refused" });
    expect(decide(state, readyFacts, { ...event, reason: "   " })).toEqual({ ok: false, why: "refused" });
  });

  it("RECOMMEND needs a complete assessment and at least one strategy sub-goal", () => {
    const event = wellFormed("RECOMMEND", roles.groupLeader);
    expect(decide("groupReview", readyFacts, event).ok).toBe(true);
    expect(decide("groupReview", { ...readyFacts, assessmentComplete: false }, event)).toEqual({
      ok: false,
      why: "refused",
    });
    expect(decide("groupReview", { ...readyFacts, subGoalCount: 0 }, event)).toEqual({
      ok: false,
      why: "refused",
    });
  });

  it("ASSIGN needs a group, MOVE_GROUP another group than today's, MERGE a target", () => {
    const coordinator = roles.coordinator;
    const unassigned = { ...readyFacts, groupId: null };
    expect(
      decide("submitted", unassigned, { ...wellFormed("ASSIGN", coordinator), groupId: undefined }).ok,
    ).toBe(false);
    expect(
      decide("groupReview", readyFacts, { ...wellFormed("MOVE_GROUP", coordinator), groupId: 1 }).ok,
    ).toBe(false);
    expect(
      decide("submitted", unassigned, { ...wellFormed("MERGE", coordinator), targetId: undefined }).ok,
    ).toBe(false);
  });

  it("ASSIGN and MOVE_GROUP record the group in the facts the command writes back", () => {
    const assigned = decide(
      "submitted",
      { ...readyFacts, groupId: null },
      wellFormed("ASSIGN", roles.coordinator),
    );
    expect(assigned).toMatchObject({ ok: true, to: "groupReview", facts: { groupId: 2 } });
    const moved = decide("groupReview", readyFacts, {
      ...wellFormed("MOVE_GROUP", roles.groupLeader),
      groupId: 5,
    });
    expect(moved).toMatchObject({ ok: true, to: "groupReview", facts: { groupId: 5 } });
    // The facts passed in are not changed behind the caller's back.
    expect(readyFacts.groupId).toBe(1);
  });
});
