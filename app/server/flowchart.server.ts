import ELK from "elkjs/lib/elk.bundled.js";
import type { ElkExtendedEdge, ElkLabel, ElkNode } from "elkjs/lib/elk-api";
import { countByState } from "#db/repositories/process.repository";
import {
  edgesFrom,
  processDrawing,
  processGraph,
  processVersion,
  type ProcessDrawing,
  type ProcessEdge,
  type ProcessNote,
} from "#workflows/proposal.graph";
import { bodyText, type BodyNames, type Lane, type ProposalState } from "#workflows/proposal.machine";
import { anyStepNote, laneActors, laneNames, needsText, whoDecides } from "~/domain/texts/process";
import { eventLabel } from "~/domain/texts/proposal-events";
import { keptUntilChange } from "./kept-until-change.server";
import { bodyNames } from "./process.server";

/**
 * The process flowchart's layout, computed on the server with ELK (layered, one partition per
 * lane), so the page is a finished drawing without JavaScript and React Flow only re-renders it.
 * Nothing here is placed by hand: boxes are sized from their text, ELK places and routes them.
 */

export interface Point {
  x: number;
  y: number;
}
export interface Box extends Point {
  width: number;
  height: number;
}
/** A box with its text broken into lines. */
export interface TextBox extends Box {
  lines: string[];
}
export interface LaneLayout extends Box {
  /** Unique per band: a lane may have two bands (ROR-IKT receives, and later carries out). */
  key: string;
  lane: Lane;
  name: string;
  /** The name broken to fit the lane header. */
  lines: string[];
}
/** A note, and the line from it to the state it leads to. */
export interface NoteLayout extends TextBox {
  link: Point[];
}
export interface EdgeLayout {
  points: Point[];
  label: TextBox | null;
}
export interface ChartLayout {
  width: number;
  height: number;
  /** Left edge of the drawing area; the lane names sit to its left. */
  laneHeaderWidth: number;
  lanes: LaneLayout[];
  nodes: Record<string, TextBox>;
  /** Notes standing for many arrows ("may withdraw at any step until the decision"), by note id. */
  notes: Record<string, NoteLayout>;
  edges: Record<string, EdgeLayout>;
}

/** Sizes of the full chart (/prosess) and of the compact diagram (proposal page). */
interface ChartStyle {
  nodeWidth: number;
  /** Characters per line of a state label. */
  nodeChars: number;
  lineHeight: number;
  /** Room under the label: the count (chart) or the "you are here" marker (diagram). */
  extraLines: number;
  padding: number;
  /** Characters per line of an edge label; 0 draws edges without labels. */
  edgeChars: number;
  edgeCharWidth: number;
  edgeLineHeight: number;
  laneHeaderWidth: number;
  /** Characters per line of a lane name. */
  laneChars: number;
  nodeSpacing: number;
  layerSpacing: number;
  noteChars: number;
}

const fullStyle: ChartStyle = {
  nodeWidth: 180,
  nodeChars: 19,
  lineHeight: 17,
  extraLines: 1,
  padding: 10,
  edgeChars: 16,
  edgeCharWidth: 6.4,
  edgeLineHeight: 14,
  laneHeaderWidth: 140,
  laneChars: 16,
  nodeSpacing: 28,
  layerSpacing: 22,
  noteChars: 26,
};

const compactStyle: ChartStyle = {
  nodeWidth: 132,
  nodeChars: 18,
  lineHeight: 14,
  extraLines: 1,
  padding: 6,
  edgeChars: 0,
  edgeCharWidth: 0,
  edgeLineHeight: 0,
  laneHeaderWidth: 112,
  laneChars: 16,
  nodeSpacing: 18,
  layerSpacing: 16,
  noteChars: 19,
};

/** Breaks a text into lines of at most `max` characters, at spaces (a longer word gets its own line). */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

const elk = new ELK();

/** Room between a note and the state it stands above, for the arrow between them. */
const noteGap = 14;

/** The note's text for an event drawn as one note: "Innsenderen kan velge «Trekk innspillet» i alle steg …". */
function noteLines(note: ProcessNote, names: BodyNames, style: ChartStyle): string[] {
  const graph = processGraph();
  const labelOf = (id: ProposalState) => bodyText(graph.nodes.find((n) => n.id === id)!.label, names);
  const text = bodyText(
    anyStepNote(
      whoDecides(note.deciders),
      eventLabel(note.event),
      labelOf(note.from[0]!),
      labelOf(note.from.at(-1)!),
    ),
    names,
  );
  return wrapText(text, style.noteChars);
}

/** The main path's arrows: drawn straight, and never turned around to break a cycle. */
const mainEdgeOptions: Record<string, string> = {
  "elk.layered.priority.straightness": "100",
  "elk.layered.priority.direction": "100",
};

async function layoutChart(names: BodyNames, style: ChartStyle): Promise<ChartLayout> {
  const graph = processGraph();
  const drawing = processDrawing(graph);
  const { mainPath, anchor } = drawing;
  const nodeLines = new Map(
    graph.nodes.map((n) => [n.id, wrapText(bodyText(n.label, names), style.nodeChars)]),
  );
  const edgeLines = new Map(
    drawing.edges.map((e) => [
      e.id,
      style.edgeChars > 0 ? wrapText(bodyText(eventLabel(e.event), names), style.edgeChars) : [],
    ]),
  );
  const notes = new Map(drawing.notes.map((n) => [n.id, noteLines(n, names, style)]));

  // The main path is one column; each of its steps gets a partition of its own, and the states that
  // leave it get the partition right after their step's, so they sit beside it, before the next step.
  const partition = (id: ProposalState) =>
    mainPath.includes(id) ? 2 * mainPath.indexOf(id) : 2 * mainPath.indexOf(anchor[id]) + 1;
  const ordered = [...graph.nodes].sort(
    (a, b) => partition(a.id) - partition(b.id) || Number(b.final) - Number(a.final),
  );
  // Fixed sides keep the drawing readable: the main path enters at the top and leaves at the bottom;
  // exits to the states beside it leave to the right; returns and shortcuts run on the left.
  const port = (id: ProposalState, side: "n" | "s" | "eOut" | "eIn" | "wOut" | "wIn") => `${id}:${side}`;
  const portSides = { n: "NORTH", s: "SOUTH", eOut: "EAST", eIn: "WEST", wOut: "EAST", wIn: "EAST" } as const;
  const noteOf = (id: ProposalState) => drawing.notes.find((note) => note.to === id);
  const noteHeight = (id: ProposalState) => {
    const note = noteOf(id);
    return note ? notes.get(note.id)!.length * style.edgeLineHeight + 2 * style.padding + noteGap : 0;
  };
  const children: ElkNode[] = ordered.flatMap((n): ElkNode[] => {
    const onMain = mainPath.includes(n.id);
    const box: ElkNode = {
      id: n.id,
      width: style.nodeWidth,
      // A note goes in its state's box, above the state: ELK makes room for it.
      height:
        (nodeLines.get(n.id)!.length + style.extraLines) * style.lineHeight +
        2 * style.padding +
        noteHeight(n.id),
      layoutOptions: {
        "elk.partitioning.partition": String(partition(n.id)),
        ...(onMain ? { "elk.portConstraints": "FIXED_SIDE" } : {}),
      },
      ports: onMain
        ? Object.entries(portSides).map(([side, elkSide]) => ({
            id: port(n.id, side as keyof typeof portSides),
            width: 1,
            height: 1,
            layoutOptions: { "elk.port.side": elkSide },
          }))
        : [],
    };
    return [box];
  });
  const ends = (e: ProcessEdge): { source: string; target: string; main: boolean } => {
    const from = mainPath.indexOf(e.from);
    const to = mainPath.indexOf(e.to);
    if (from >= 0 && to === from + 1)
      return { source: port(e.from, "s"), target: port(e.to, "n"), main: true };
    if (e.selfLoop) return { source: port(e.from, "eOut"), target: port(e.to, "eIn"), main: false };
    if (from >= 0 && to >= 0) return { source: port(e.from, "wOut"), target: port(e.to, "wIn"), main: false };
    if (from >= 0) return { source: port(e.from, "eOut"), target: e.to, main: false };
    if (to >= 0) return { source: e.from, target: port(e.to, "eIn"), main: false };
    return { source: e.from, target: e.to, main: false };
  };
  const elkLabel = (id: string) => {
    const lines = edgeLines.get(id)!;
    return lines.length > 0
      ? [
          {
            id: `${id}:label`,
            text: lines.join(" "),
            width: Math.ceil(Math.max(...lines.map((l) => l.length)) * style.edgeCharWidth) + 8,
            height: lines.length * style.edgeLineHeight + 4,
          },
        ]
      : [];
  };
  // A step out to a state beside the main path and the step back (ask the submitter, get the answer)
  // are one line with two names and an arrow at each end (edge grouping): two lines would cross.
  const back = new Map<string, ProcessEdge>();
  for (const e of drawing.edges) {
    const reverse = drawing.edges.find((r) => r.from === e.to && r.to === e.from);
    if (reverse && !mainPath.includes(e.from) && mainPath.includes(e.to)) back.set(reverse.id, e);
  }
  const pairedBack = new Set([...back.values()].map((e) => e.id));
  const edges: ElkExtendedEdge[] = drawing.edges
    .filter((e) => !pairedBack.has(e.id))
    .map((e) => {
      const { source, target, main } = ends(e);
      const pair = back.get(e.id);
      return {
        id: e.id,
        sources: [source],
        targets: [target],
        layoutOptions: main ? mainEdgeOptions : {},
        labels: [...elkLabel(e.id), ...(pair ? elkLabel(pair.id) : [])],
      };
    });

  const input: ElkNode = {
    id: "process",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "DOWN",
      "elk.partitioning.activate": "true",
      // The withdrawn state has no arrows (a note stands for them); it still belongs in its partition.
      "elk.separateConnectedComponents": "false",
      "elk.edgeRouting": "ORTHOGONAL",
      "elk.layered.nodePlacement.strategy": "NETWORK_SIMPLEX",
      // The main path first: model order keeps it in one column, left of what leaves it.
      "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
      "elk.layered.crossingMinimization.forceNodeModelOrder": "true",
      // Arrows into the same state share one end (edge grouping), e.g. the three "Avslå".
      "elk.layered.mergeEdges": "true",
      "elk.edgeLabels.placement": "CENTER",
      "elk.layered.edgeLabels.centerLabelPlacementStrategy": "MEDIAN_LAYER",
      "elk.spacing.nodeNode": String(style.nodeSpacing),
      "elk.layered.spacing.nodeNodeBetweenLayers": String(style.layerSpacing),
      "elk.spacing.edgeNode": "12",
      "elk.spacing.edgeEdge": "8",
      "elk.spacing.edgeLabel": "2",
      "elk.padding": "[top=16,left=16,bottom=16,right=16]",
    },
    children,
    edges,
  };
  const result = await elk.layout(input);

  const dx = style.laneHeaderWidth;
  const nodes: Record<string, TextBox> = {};
  const noteBoxes: Record<string, NoteLayout> = {};
  for (const n of result.children ?? []) {
    const box = { x: (n.x ?? 0) + dx, y: n.y ?? 0, width: n.width ?? 0, height: n.height ?? 0 };
    const id = n.id as ProposalState;
    const note = noteOf(id);
    const above = noteHeight(id);
    nodes[id] = { ...box, y: box.y + above, height: box.height - above, lines: nodeLines.get(id) ?? [] };
    if (note) {
      const centre = box.x + box.width / 2;
      noteBoxes[note.id] = {
        ...box,
        height: above - noteGap,
        lines: notes.get(note.id)!,
        link: [
          { x: centre, y: box.y + above - noteGap },
          { x: centre, y: box.y + above },
        ],
      };
    }
  }
  const edgeLayouts: Record<string, EdgeLayout> = {};
  for (const e of result.edges ?? []) {
    const points = (e.sections ?? [])
      .flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint])
      .map((p) => ({ x: p.x + dx, y: p.y }));
    const placed = (label: ElkLabel | undefined, id: string): TextBox | null =>
      label
        ? {
            x: (label.x ?? 0) + dx,
            y: label.y ?? 0,
            width: label.width ?? 0,
            height: label.height ?? 0,
            lines: edgeLines.get(id) ?? [],
          }
        : null;
    edgeLayouts[e.id] = { points, label: placed(e.labels?.[0], e.id) };
    const pair = back.get(e.id);
    if (pair) edgeLayouts[pair.id] = { points: [...points].reverse(), label: placed(e.labels?.[1], pair.id) };
  }

  const width = (result.width ?? 0) + dx;
  const height = result.height ?? 0;
  return {
    width,
    height,
    laneHeaderWidth: dx,
    lanes: laneBands(graph.nodes, nodes, drawing, names, width, height, style.laneChars),
    nodes,
    notes: noteBoxes,
    edges: edgeLayouts,
  };
}

/**
 * One band per run of the main path in the same lane (ROR-IKT receives, and later carries out),
 * spanning its steps and the states beside them; neighbouring bands meet halfway, tiling the drawing.
 */
function laneBands(
  graphNodes: { id: ProposalState; lane: Lane }[],
  nodes: Record<string, Box>,
  drawing: ProcessDrawing,
  names: BodyNames,
  width: number,
  height: number,
  laneChars: number,
): LaneLayout[] {
  const laneOf = new Map(graphNodes.map((n) => [n.id, n.lane]));
  const runs: { lane: Lane; steps: ProposalState[] }[] = [];
  for (const step of drawing.mainPath) {
    const lane = laneOf.get(step)!;
    if (runs.at(-1)?.lane === lane) runs.at(-1)!.steps.push(step);
    else runs.push({ lane, steps: [step] });
  }
  const spans = runs.map((run) => {
    const members = graphNodes.filter((n) => run.steps.includes(drawing.anchor[n.id]));
    const boxes = members.map((n) => nodes[n.id]!);
    const top = Math.min(...boxes.map((b) => b.y));
    const bottom = Math.max(...boxes.map((b) => b.y + b.height));
    return { lane: run.lane, top, bottom };
  });
  return spans.map((span, i) => {
    const y = i === 0 ? 0 : (spans[i - 1]!.bottom + span.top) / 2;
    const end = i === spans.length - 1 ? height : (span.bottom + spans[i + 1]!.top) / 2;
    const name = bodyText(laneNames[span.lane], names);
    return {
      key: `${span.lane}-${i}`,
      lane: span.lane,
      name,
      lines: wrapText(name, laneChars),
      x: 0,
      y,
      width,
      height: end - y,
    };
  });
}

const layouts = new Map<string, Promise<ChartLayout>>();

/**
 * The layout for these body names, computed once per version of the process (the machine) and
 * set of names (they change the labels' sizes): never per request.
 */
function cachedLayout(names: BodyNames, kind: "full" | "compact"): Promise<ChartLayout> {
  const key = `${processVersion()}:${kind}:${names.committee}:${names.board}`;
  let layout = layouts.get(key);
  if (!layout) {
    layout = layoutChart(names, kind === "full" ? fullStyle : compactStyle);
    layout.catch(() => layouts.delete(key));
    layouts.set(key, layout);
  }
  return layout;
}

/** The layout of the full flowchart; exported for tests. */
export function flowchartLayout(names: BodyNames): Promise<ChartLayout> {
  return cachedLayout(names, "full");
}

export interface ChartNode {
  id: ProposalState;
  label: string;
  lane: Lane;
  final: boolean;
}
export interface ChartEdge {
  id: string;
  from: ProposalState;
  to: ProposalState;
  label: string;
}

function chartNodes(names: BodyNames): ChartNode[] {
  return processGraph().nodes.map((n) => ({
    id: n.id,
    label: bodyText(n.label, names),
    lane: n.lane,
    final: n.final,
  }));
}

function chartEdges(names: BodyNames): ChartEdge[] {
  return processGraph().edges.map((e) => ({
    id: e.id,
    from: e.from,
    to: e.to,
    label: bodyText(eventLabel(e.event), names),
  }));
}

export interface FlowchartState extends ChartNode {
  count: number;
  now: string;
  /** Who acts in this state; null for a final state. */
  whoActs: string | null;
  href: string;
  ways: {
    id: string;
    label: string;
    to: ProposalState;
    toLabel: string;
    who: string;
    needs: string;
    inMeeting: boolean;
    selfLoop: boolean;
  }[];
}

/** The chart without its counts: the same for every request until the process or the names change. */
async function chartPage(names: BodyNames) {
  const layout = await flowchartLayout(names);
  const graph = processGraph();
  const nodes = chartNodes(names);
  const labelOf = new Map(nodes.map((n) => [n.id, n.label]));
  const states: Omit<FlowchartState, "count">[] = graph.nodes.map((n) => ({
    id: n.id,
    label: labelOf.get(n.id)!,
    lane: n.lane,
    final: n.final,
    now: bodyText(n.now, names),
    whoActs: n.final ? null : bodyText(laneActors[n.lane], names),
    href: `/innspill?status=${n.id}`,
    ways: edgesFrom(graph, n.id).map((e) => ({
      id: e.id,
      label: bodyText(eventLabel(e.event), names),
      to: e.to,
      toLabel: labelOf.get(e.to)!,
      who: bodyText(whoDecides(e.deciders), names),
      needs: needsText(e.needs),
      inMeeting: e.inMeeting !== null,
      selfLoop: e.selfLoop,
    })),
  }));
  return { states, edges: chartEdges(names), layout };
}

const chartPages = new Map<string, ReturnType<typeof chartPage>>();

/**
 * The number of proposals in each state, counted again only when the database has changed since
 * the last count (`keptUntilChange`): counting walks every proposal (2.7 ms at national scale), and
 * most views of /prosess follow no write. Exact: any commit, by any process, changes the stamp.
 */
function stateCounts(): Promise<Record<string, number>> {
  return keptUntilChange("flowchart:counts", countByState);
}

/**
 * Everything /prosess shows: the laid-out chart, and per state its label, count, who acts and
 * where it can go (the text version). Body names are today's, from the organisation data. Only
 * the counts are read per request (and kept until the database changes); the rest is made once
 * per process version and set of names. `drawing` names what the chart's drawing shows (process
 * version, names and counts): the page keeps its SVG under it (`provideMarkup`).
 */
export async function flowchartPage(): Promise<FlowchartPageData> {
  const [names, counts] = await Promise.all([bodyNames(), stateCounts()]);
  const key = `${processVersion()}:${names.committee}:${names.board}`;
  let page = chartPages.get(key);
  if (!page) {
    page = chartPage(names);
    page.catch(() => chartPages.delete(key));
    chartPages.set(key, page);
  }
  const { states, edges, layout } = await page;
  const counted = states.map((s): FlowchartState => ({ ...s, count: counts[s.id] ?? 0 }));
  return { states: counted, edges, layout, drawing: `${key}:${counted.map((s) => s.count).join(",")}` };
}

export interface FlowchartPageData {
  states: FlowchartState[];
  edges: ChartEdge[];
  layout: ChartLayout;
  /** What the drawing shows (process version, body names, counts): the same drawing for the same value. */
  drawing: string;
}

/** What `<ProcessDiagram>` needs; serialisable, so a loader can return it as is. */
export interface ProcessDiagramData {
  nodes: ChartNode[];
  edges: ChartEdge[];
  positions: ChartLayout;
  current: ProposalState;
  /** Visited states in order, the current one last. */
  path: ProposalState[];
}

/**
 * The compact process diagram for a proposal's page: the current state and the path it took
 * (its history's target states, oldest first). Body names default to today's.
 */
export async function processDiagram(
  current: ProposalState,
  path: readonly string[],
  names?: BodyNames,
): Promise<ProcessDiagramData> {
  const bodies = names ?? (await bodyNames());
  const graph = processGraph();
  const known = new Set<string>(graph.nodes.map((n) => n.id));
  const visited = path.filter((s): s is ProposalState => known.has(s));
  if (visited.at(-1) !== current) visited.push(current);
  return {
    nodes: chartNodes(bodies),
    edges: chartEdges(bodies),
    positions: await cachedLayout(bodies, "compact"),
    current,
    path: visited,
  };
}

/** A proposal's place in the process by the states' labels (what the page says in words). */
export function processPlace({ nodes, current, path }: ProcessDiagramData): {
  current: string;
  path: string[];
} {
  const labelOf = new Map<string, string>(nodes.map((n) => [n.id, n.label]));
  return { current: labelOf.get(current) ?? current, path: path.map((s) => labelOf.get(s) ?? s) };
}
