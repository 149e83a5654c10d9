import { toDirectedGraph } from "xstate/graph";
import { eventSpecs } from "./proposal.events";
import {
  proposalMachine,
  proposalStates,
  snapshotAt,
  stateMeta,
  type Lane,
  type ProcessActor,
  type ProposalEvent,
  type ProposalEventType,
  type ProposalFacts,
  type ProposalState,
} from "./proposal.machine";

/**
 * The process as a graph, for the flowchart and the proposal page's diagram: derived from the
 * machine itself (xstate/graph's `toDirectedGraph`), never drawn a second time. Pure.
 */

/** The lanes of the flowchart, in the order they are drawn: who acts, from the proposal's start to its decision. */
export const laneOrder: readonly Lane[] = ["submitter", "rorikt", "group", "committee", "board"];

/**
 * The ways of acting on a proposal the machine tells apart. `groupLeader`/`groupMember` are
 * the leader and a member of the proposal's assigned group; `anyGroupLeader` leads another group.
 */
export type ProcessRole =
  "submitter" | "coordinator" | "groupLeader" | "groupMember" | "anyGroupLeader" | "committee" | "board";

export const processRoles: readonly ProcessRole[] = [
  "submitter",
  "coordinator",
  "groupLeader",
  "groupMember",
  "anyGroupLeader",
  "committee",
  "board",
];

/** The lane each role acts in. */
export const roleLane: Record<ProcessRole, Lane> = {
  submitter: "submitter",
  coordinator: "rorikt",
  groupLeader: "group",
  groupMember: "group",
  anyGroupLeader: "group",
  committee: "committee",
  board: "board",
};

/** What an event must carry or the proposal must meet: a payload field, or a complete assessment. */
export type EdgeNeed = "reason" | "groupId" | "targetId" | "assessment";

export interface ProcessNode {
  id: ProposalState;
  /** Norwegian; may hold {committee}/{board}, see `bodyText`. */
  label: string;
  lane: Lane;
  now: string;
  final: boolean;
}

export interface ProcessEdge {
  /** `from.EVENT`: unique, since a state has at most one transition per event. */
  id: string;
  from: ProposalState;
  to: ProposalState;
  /** The action; its label is looked up by event (app/domain/texts/proposal-events.ts). */
  event: ProposalEventType;
  /** Who may take this step, found by asking the machine's guards. */
  deciders: ProcessRole[];
  /** The lanes of the deciders, in lane order. */
  lanes: Lane[];
  needs: EdgeNeed[];
  /** Decided in a meeting of this body, as a protocol item. */
  inMeeting: "committee" | "board" | null;
  selfLoop: boolean;
}

export interface ProcessGraph {
  nodes: ProcessNode[];
  edges: ProcessEdge[];
}

const probeActor = (role: ProcessRole): ProcessActor => ({
  userId: 0,
  isSubmitter: role === "submitter",
  isCoordinator: role === "coordinator",
  isAnyGroupLeader: role === "groupLeader" || role === "anyGroupLeader",
  groupRole: role === "groupLeader" ? "leader" : role === "groupMember" ? "member" : null,
  meeting: role === "committee" || role === "board" ? { body: role, protocolItemId: 0 } : null,
});

/** A proposal that meets every condition, assigned to group 1. */
const readyFacts: ProposalFacts = { groupId: 1, assessmentComplete: true, subGoalCount: 1 };
const unreadyFacts: ProposalFacts = { groupId: 1, assessmentComplete: false, subGoalCount: 0 };
/** A payload with every field filled (another group than the assigned one). */
const fullPayload = { reason: "…", groupId: 2, targetId: 2 } as const;

function passes(
  state: ProposalState,
  facts: ProposalFacts,
  type: ProposalEventType,
  role: ProcessRole,
  payload: Partial<Pick<ProposalEvent, "reason" | "groupId" | "targetId">>,
): boolean {
  return snapshotAt(state, facts).can({ type, actor: probeActor(role), ...payload });
}

/** Who may send an event in a state, and what it needs: asked of the guards, role by role. */
function probe(state: ProposalState, type: ProposalEventType) {
  const deciders = processRoles.filter((role) => passes(state, readyFacts, type, role, fullPayload));
  const needs: EdgeNeed[] = [];
  const fields = ["reason", "groupId", "targetId"] as const;
  for (const field of fields) {
    const { [field]: _dropped, ...without } = fullPayload;
    if (deciders.some((role) => !passes(state, readyFacts, type, role, without))) needs.push(field);
  }
  if (deciders.some((role) => !passes(state, unreadyFacts, type, role, fullPayload)))
    needs.push("assessment");
  return { deciders, needs };
}

let cached: ProcessGraph | undefined;

/**
 * The process's states (with label, lane and final) and transitions (with the event and who
 * decides), in the machine's own order. Self-loops (move group, defer) included.
 */
export function processGraph(): ProcessGraph {
  if (cached) return cached;
  const digraph = toDirectedGraph(proposalMachine);
  const nodes: ProcessNode[] = [];
  const edges: ProcessEdge[] = [];
  for (const child of digraph.children) {
    const id = child.stateNode.key as ProposalState;
    const meta = stateMeta(id);
    nodes.push({ id, label: meta.label, lane: meta.lane, now: meta.now, final: meta.final === true });
    for (const edge of child.edges) {
      const event = edge.transition.eventType as ProposalEventType;
      const to = edge.target.key as ProposalState;
      const { deciders, needs } = probe(id, event);
      const spec = eventSpecs[event];
      edges.push({
        id: `${id}.${event}`,
        from: id,
        to,
        event,
        deciders,
        lanes: laneOrder.filter((lane) => deciders.some((role) => roleLane[role] === lane)),
        needs,
        inMeeting: spec.inMeeting ?? null,
        selfLoop: to === id,
      });
    }
  }
  // toDirectedGraph follows the machine's declaration order, as proposalStates does; keep them aligned.
  nodes.sort((a, b) => proposalStates.indexOf(a.id) - proposalStates.indexOf(b.id));
  cached = { nodes, edges };
  return cached;
}

/** The transitions out of a state. */
export function edgesFrom(graph: ProcessGraph, state: ProposalState): ProcessEdge[] {
  return graph.edges.filter((e) => e.from === state);
}

/** Events that leave from this many states or more to one target are drawn as one note, not as arrows. */
const noteThreshold = 3;

/** "The submitter may withdraw at any step until the decision": one event, many states, one target. */
export interface ProcessNote {
  id: string;
  event: ProposalEventType;
  to: ProposalState;
  /** The states it leaves from, in the machine's order. */
  from: ProposalState[];
  deciders: ProcessRole[];
}

/**
 * How the flowchart arranges the process, read from the graph (nothing placed by hand):
 * - `mainPath`: the longest way from the initial state to a final state without repeating a
 *   state (ties go to the state declared first): Utkast → … → Gjennomført, drawn as one line;
 * - `anchor`: every other state sits beside the last main-path step it can be reached from;
 * - `notes`: an event leaving from `noteThreshold` states or more to the same target (withdraw)
 *   becomes one note beside its target instead of one arrow per state;
 * - `edges`: the edges still drawn as arrows.
 */
export interface ProcessDrawing {
  mainPath: ProposalState[];
  anchor: Record<ProposalState, ProposalState>;
  notes: ProcessNote[];
  edges: ProcessEdge[];
}

let version: string | undefined;

/**
 * The process's version: a hash of the graph derived from the machine (states, labels, lanes,
 * transitions, who decides, what they need), so anything drawn from it can be kept per version
 * and is drawn anew when the machine changes. FNV-1a, 32 bits, in hex: pure and browser-safe.
 */
export function processVersion(): string {
  if (version) return version;
  const text = JSON.stringify(processGraph());
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (version = hash.toString(16).padStart(8, "0"));
}

let drawingCache: ProcessDrawing | undefined;

export function processDrawing(graph: ProcessGraph = processGraph()): ProcessDrawing {
  if (drawingCache && graph === cached) return drawingCache;
  const order = graph.nodes.map((n) => n.id);
  const finals = new Set(graph.nodes.filter((n) => n.final).map((n) => n.id));
  const out = new Map<ProposalState, ProposalState[]>();
  for (const e of graph.edges) if (!e.selfLoop) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);

  let best: ProposalState[] = [];
  const walk = (path: ProposalState[]) => {
    const last = path.at(-1)!;
    if (finals.has(last)) {
      const longer = path.length > best.length;
      const tieFirst = path.length === best.length && order.indexOf(last) < order.indexOf(best.at(-1)!);
      if (longer || tieFirst) best = [...path];
      return;
    }
    for (const next of out.get(last) ?? []) if (!path.includes(next)) walk([...path, next]);
  };
  walk([proposalMachine.config.initial as ProposalState]);

  const grouped = new Map<string, ProcessEdge[]>();
  for (const e of graph.edges) {
    const key = `${e.event}>${e.to}`;
    grouped.set(key, [...(grouped.get(key) ?? []), e]);
  }
  const notes: ProcessNote[] = [...grouped.values()]
    .filter((edges) => edges.length >= noteThreshold)
    .map((edges) => ({
      id: `note.${edges[0]!.event}`,
      event: edges[0]!.event,
      to: edges[0]!.to,
      from: edges.map((e) => e.from),
      deciders: [...new Set(edges.flatMap((e) => e.deciders))],
    }));
  const noted = new Set(notes.flatMap((n) => n.from.map((from) => `${from}.${n.event}`)));
  const edges = graph.edges.filter((e) => !noted.has(e.id));

  const anchor = {} as Record<ProposalState, ProposalState>;
  for (const id of order) {
    if (best.includes(id)) {
      anchor[id] = id;
      continue;
    }
    const sources = [
      ...edges.filter((e) => e.to === id && !e.selfLoop).map((e) => e.from),
      ...notes.filter((n) => n.to === id).flatMap((n) => n.from),
    ].filter((s) => best.includes(s));
    // Beside the last main step it leaves from, so the arrows from earlier steps run down beside the line.
    anchor[id] = sources.sort((a, b) => best.indexOf(b) - best.indexOf(a))[0] ?? best[0]!;
  }
  drawingCache = { mainPath: best, anchor, notes, edges };
  return drawingCache;
}
