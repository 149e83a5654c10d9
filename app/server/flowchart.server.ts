import ELK from "elkjs/lib/elk.bundled.js";
import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";
import { countByState } from "#db/repositories/process.repository";
import { edgesFrom, laneOrder, processGraph } from "#workflows/proposal.graph";
import { bodyText, type BodyNames, type Lane, type ProposalState } from "#workflows/proposal.machine";
import { laneActors, laneNames, needsText, whoDecides } from "~/domain/texts/process";
import { eventLabel } from "~/domain/texts/proposal-events";
import { db } from "./db.server";
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
  lane: Lane;
  name: string;
  /** The name broken to fit the lane header. */
  lines: string[];
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
}

const fullStyle: ChartStyle = {
  nodeWidth: 196,
  nodeChars: 24,
  lineHeight: 17,
  extraLines: 1,
  padding: 10,
  edgeChars: 22,
  edgeCharWidth: 6.4,
  edgeLineHeight: 14,
  laneHeaderWidth: 156,
  laneChars: 16,
  nodeSpacing: 36,
  layerSpacing: 44,
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
  layerSpacing: 26,
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

async function layoutChart(names: BodyNames, style: ChartStyle): Promise<ChartLayout> {
  const graph = processGraph();
  const nodeLines = new Map(
    graph.nodes.map((n) => [n.id, wrapText(bodyText(n.label, names), style.nodeChars)]),
  );
  const edgeLines = new Map(
    graph.edges.map((e) => [
      e.id,
      style.edgeChars > 0 ? wrapText(bodyText(eventLabel(e.event), names), style.edgeChars) : [],
    ]),
  );

  const children: ElkNode[] = graph.nodes.map((n) => ({
    id: n.id,
    width: style.nodeWidth,
    height: (nodeLines.get(n.id)!.length + style.extraLines) * style.lineHeight + 2 * style.padding,
    layoutOptions: { "elk.partitioning.partition": String(laneOrder.indexOf(n.lane)) },
  }));
  const edges: ElkExtendedEdge[] = graph.edges.map((e) => {
    const lines = edgeLines.get(e.id)!;
    return {
      id: e.id,
      sources: [e.from],
      targets: [e.to],
      labels:
        lines.length > 0
          ? [
              {
                id: `${e.id}:label`,
                text: lines.join(" "),
                width: Math.ceil(Math.max(...lines.map((l) => l.length)) * style.edgeCharWidth) + 8,
                height: lines.length * style.edgeLineHeight + 4,
              },
            ]
          : [],
    };
  });

  const input: ElkNode = {
    id: "process",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "DOWN",
      // One partition per lane: lanes become bands, in the order of laneOrder.
      "elk.partitioning.activate": "true",
      "elk.edgeRouting": "ORTHOGONAL",
      "elk.layered.nodePlacement.strategy": "NETWORK_SIMPLEX",
      "elk.edgeLabels.placement": "CENTER",
      // An action's name sits near the state it leaves, where the reader starts following the arrow.
      "elk.layered.edgeLabels.centerLabelPlacementStrategy": "TAIL_LAYER",
      "elk.spacing.nodeNode": String(style.nodeSpacing),
      "elk.layered.spacing.nodeNodeBetweenLayers": String(style.layerSpacing),
      "elk.spacing.edgeNode": "14",
      "elk.spacing.edgeEdge": "10",
      "elk.spacing.edgeLabel": "3",
      "elk.padding": "[top=24,left=16,bottom=24,right=16]",
    },
    children,
    edges,
  };
  const result = await elk.layout(input);

  const dx = style.laneHeaderWidth;
  const nodes: Record<string, TextBox> = {};
  for (const n of result.children ?? []) {
    nodes[n.id] = {
      x: (n.x ?? 0) + dx,
      y: n.y ?? 0,
      width: n.width ?? 0,
      height: n.height ?? 0,
      lines: nodeLines.get(n.id as ProposalState) ?? [],
    };
  }
  const edgeLayouts: Record<string, EdgeLayout> = {};
  for (const e of result.edges ?? []) {
    const points = (e.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
    const label = e.labels?.[0];
    edgeLayouts[e.id] = {
      points: points.map((p) => ({ x: p.x + dx, y: p.y })),
      label: label
        ? {
            x: (label.x ?? 0) + dx,
            y: label.y ?? 0,
            width: label.width ?? 0,
            height: label.height ?? 0,
            lines: edgeLines.get(e.id) ?? [],
          }
        : null,
    };
  }

  const width = (result.width ?? 0) + dx;
  const height = result.height ?? 0;
  return {
    width,
    height,
    laneHeaderWidth: dx,
    lanes: laneBands(graph.nodes, nodes, names, width, height, style.laneChars),
    nodes,
    edges: edgeLayouts,
  };
}

/**
 * One band per lane that has states, spanning its states; neighbouring bands meet halfway
 * between their states, so the bands tile the drawing from top to bottom.
 */
function laneBands(
  graphNodes: { id: string; lane: Lane }[],
  nodes: Record<string, Box>,
  names: BodyNames,
  width: number,
  height: number,
  laneChars: number,
): LaneLayout[] {
  const spans = laneOrder.flatMap((lane) => {
    const boxes = graphNodes.filter((n) => n.lane === lane).map((n) => nodes[n.id]!);
    if (boxes.length === 0) return [];
    const top = Math.min(...boxes.map((b) => b.y));
    const bottom = Math.max(...boxes.map((b) => b.y + b.height));
    return [{ lane, top, bottom }];
  });
  return spans.map((span, i) => {
    const y = i === 0 ? 0 : (spans[i - 1]!.bottom + span.top) / 2;
    const end = i === spans.length - 1 ? height : (span.bottom + spans[i + 1]!.top) / 2;
    const name = bodyText(laneNames[span.lane], names);
    return { lane: span.lane, name, lines: wrapText(name, laneChars), x: 0, y, width, height: end - y };
  });
}

const layouts = new Map<string, Promise<ChartLayout>>();

/** The layout for these body names, computed once per set of names (they change the labels' sizes). */
function cachedLayout(names: BodyNames, kind: "full" | "compact"): Promise<ChartLayout> {
  const key = `${kind}:${names.committee}:${names.board}`;
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

/**
 * Everything /prosess shows: the laid-out chart, and per state its label, count, who acts and
 * where it can go (the text version). Body names are today's, from the organisation data.
 */
export async function flowchartPage() {
  const [names, counts] = await Promise.all([bodyNames(), countByState(db())]);
  const layout = await flowchartLayout(names);
  const graph = processGraph();
  const nodes = chartNodes(names);
  const labelOf = new Map(nodes.map((n) => [n.id, n.label]));
  const states: FlowchartState[] = graph.nodes.map((n) => ({
    id: n.id,
    label: labelOf.get(n.id)!,
    lane: n.lane,
    final: n.final,
    count: counts[n.id] ?? 0,
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

export type FlowchartPageData = Awaited<ReturnType<typeof flowchartPage>>;

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
