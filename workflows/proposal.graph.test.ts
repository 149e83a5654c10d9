import { describe, expect, it } from "vitest";
import { eventSpecs } from "./proposal.events";
import { processDrawing, processGraph, processRoles, roleLane, type ProcessRole } from "./proposal.graph";
import {
  decide,
  proposalMachine,
  proposalStates,
  stateMeta,
  type ProcessActor,
  type ProposalEventType,
  type ProposalState,
} from "./proposal.machine";

/** The transitions as written in the machine's config: "from EVENT → to". */
function configTransitions(): string[] {
  return proposalStates.flatMap((from) => {
    const on = (proposalMachine.config.states![from]!.on ?? {}) as Record<
      string,
      { target?: string } | string
    >;
    return Object.entries(on).map(
      ([event, t]) => `${from} ${event} → ${typeof t === "string" ? t : t.target}`,
    );
  });
}

/** Independent of the graph module: each role's facts, spelled out. */
const actors: Record<ProcessRole, ProcessActor> = {
  submitter: {
    userId: 1,
    isSubmitter: true,
    isCoordinator: false,
    isAnyGroupLeader: false,
    groupRole: null,
    meeting: null,
  },
  coordinator: {
    userId: 1,
    isSubmitter: false,
    isCoordinator: true,
    isAnyGroupLeader: false,
    groupRole: null,
    meeting: null,
  },
  groupLeader: {
    userId: 1,
    isSubmitter: false,
    isCoordinator: false,
    isAnyGroupLeader: true,
    groupRole: "leader",
    meeting: null,
  },
  groupMember: {
    userId: 1,
    isSubmitter: false,
    isCoordinator: false,
    isAnyGroupLeader: false,
    groupRole: "member",
    meeting: null,
  },
  anyGroupLeader: {
    userId: 1,
    isSubmitter: false,
    isCoordinator: false,
    isAnyGroupLeader: true,
    groupRole: null,
    meeting: null,
  },
  committee: {
    userId: 1,
    isSubmitter: false,
    isCoordinator: false,
    isAnyGroupLeader: false,
    groupRole: null,
    meeting: { body: "committee", protocolItemId: 1 },
  },
  board: {
    userId: 1,
    isSubmitter: false,
    isCoordinator: false,
    isAnyGroupLeader: false,
    groupRole: null,
    meeting: { body: "board", protocolItemId: 1 },
  },
};

const ready = { groupId: 1, assessmentComplete: true, subGoalCount: 1 };
const payload = { reason: "Fordi.", groupId: 2, targetId: 9 };

describe("processGraph", () => {
  const graph = processGraph();

  it("has one node per machine state, with the state's label, lane and finality", () => {
    expect(graph.nodes.map((n) => n.id)).toEqual(proposalStates);
    for (const node of graph.nodes) {
      const meta = stateMeta(node.id);
      expect(node).toMatchObject({
        label: meta.label,
        lane: meta.lane,
        final: meta.final === true,
        now: meta.now,
      });
    }
    expect(graph.nodes.filter((n) => n.final).map((n) => n.id)).toEqual([
      "completed",
      "rejected",
      "withdrawn",
      "merged",
      "redirected",
      "cancelled",
    ]);
  });

  it("has exactly the machine's transitions as edges: each one, none invented", () => {
    const edges = graph.edges.map((e) => `${e.from} ${e.event} → ${e.to}`);
    expect([...edges].sort()).toEqual(configTransitions().sort());
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
    expect(graph.edges).toHaveLength(28);
  });

  it("starts and ends every edge in a machine state", () => {
    const states = new Set<ProposalState>(proposalStates);
    for (const edge of graph.edges) {
      expect(states.has(edge.from)).toBe(true);
      expect(states.has(edge.to)).toBe(true);
    }
  });

  it("keeps the self-loops (move to another group, defer)", () => {
    expect(
      graph.edges
        .filter((e) => e.selfLoop)
        .map((e) => e.id)
        .sort(),
    ).toEqual(["boardReview.BOARD_DEFER", "committeeReview.COMMITTEE_DEFER", "groupReview.MOVE_GROUP"]);
  });

  it("names as deciders exactly the roles the machine lets take the step", () => {
    for (const edge of graph.edges) {
      expect(edge.deciders.length, edge.id).toBeGreaterThan(0);
      for (const role of processRoles) {
        const decision = decide(edge.from, ready, { type: edge.event, actor: actors[role], ...payload });
        expect(decision.ok, `${edge.id} by ${role}`).toBe(edge.deciders.includes(role));
        if (decision.ok) expect(decision.to).toBe(edge.to);
      }
      expect(edge.lanes).toEqual([...new Set(edge.deciders.map((r) => roleLane[r]))].sort(byLane));
    }
  });

  it("says who decides in the terms of the process", () => {
    const by = (id: string) => graph.edges.find((e) => e.id === id)!;
    expect(by("draft.SUBMIT").deciders).toEqual(["submitter"]);
    expect(by("submitted.ASSIGN").deciders).toEqual(["coordinator", "groupLeader", "anyGroupLeader"]);
    expect(by("groupReview.RECOMMEND").deciders).toEqual(["groupLeader", "groupMember"]);
    expect(by("groupReview.MOVE_GROUP").deciders).toEqual(["coordinator", "groupLeader"]);
    expect(by("committeeReview.COMMITTEE_RECOMMEND")).toMatchObject({
      deciders: ["committee"],
      lanes: ["committee"],
      inMeeting: "committee",
    });
    expect(by("boardReview.BOARD_APPROVE")).toMatchObject({ deciders: ["board"], inMeeting: "board" });
    expect(by("approved.START").lanes).toEqual(["rorikt"]);
  });

  it("lists what each step needs, as the guards check it", () => {
    const needs = Object.fromEntries(graph.edges.map((e) => [e.id, e.needs]));
    expect(needs["groupReview.RECOMMEND"]).toEqual(["assessment"]);
    expect(needs["submitted.ASSIGN"]).toEqual(["groupId"]);
    expect(needs["groupReview.MOVE_GROUP"]).toEqual(["groupId"]);
    expect(needs["submitted.MERGE"]).toEqual(["targetId"]);
    expect(needs["draft.SUBMIT"]).toEqual([]);
    for (const edge of graph.edges) {
      // The form asks for the same field the guard needs.
      const field = eventSpecs[edge.event as ProposalEventType].field;
      expect(
        edge.needs.filter((n) => n !== "assessment"),
        edge.id,
      ).toEqual(field ? [field] : []);
    }
  });
});

const laneIndex = ["submitter", "rorikt", "group", "committee", "board"];
function byLane(a: string, b: string) {
  return laneIndex.indexOf(a) - laneIndex.indexOf(b);
}

describe("processDrawing", () => {
  it("finds the main path, from draft through both meetings to completed", () => {
    const drawing = processDrawing();
    expect(drawing.mainPath).toEqual([
      "draft",
      "submitted",
      "groupReview",
      "committeeReview",
      "boardReview",
      "approved",
      "inProgress",
      "completed",
    ]);
  });

  it("puts each other state beside the last main step it leaves from", () => {
    const { anchor } = processDrawing();
    expect(anchor.redirected).toBe("submitted");
    expect(anchor.awaitingSubmitter).toBe("groupReview");
    expect(anchor.merged).toBe("groupReview");
    expect(anchor.rejected).toBe("boardReview");
    expect(anchor.withdrawn).toBe("boardReview");
    expect(anchor.cancelled).toBe("inProgress");
  });

  it("draws withdrawing (possible in five steps) as one note, not five arrows", () => {
    const drawing = processDrawing();
    expect(drawing.notes).toEqual([
      {
        id: "note.WITHDRAW",
        event: "WITHDRAW",
        to: "withdrawn",
        from: ["submitted", "groupReview", "awaitingSubmitter", "committeeReview", "boardReview"],
        deciders: ["submitter"],
      },
    ]);
    expect(drawing.edges.some((e) => e.event === "WITHDRAW")).toBe(false);
    expect(drawing.edges).toHaveLength(processGraph().edges.length - 5);
  });
});
