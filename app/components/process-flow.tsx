import {
  BaseEdge,
  Controls,
  EdgeLabelRenderer,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  type Edge,
  type EdgeProps,
  type Node,
  type NodeProps,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo } from "react";
import { Link } from "@remix-run/react";
import { flowAriaLabels, flowEdgeLabel, processTexts, proposalCount } from "~/domain/texts/process";
import {
  polylinePath,
  type FlowchartProps,
  type FlowEdge,
  type FlowPoint,
  type FlowState,
  type FlowTextBox,
} from "./process-flowchart";

/**
 * The flowchart in React Flow, for zoom and pan: the same nodes, the same ELK positions and
 * routes as the server's SVG, only drawn in the browser. Loaded lazily (its default export is
 * the module a `React.lazy` import gets), so React Flow's code and CSS reach only this page.
 */

type StateNode = Node<
  { label: string; lines: string[]; count: number; href: string; final: boolean },
  "state"
>;
type LaneNode = Node<{ lines: string[]; headerWidth: number; odd: boolean }, "lane">;
type NoteNode = Node<{ lines: string[]; linkLength: number }, "note">;
type RoutedEdge = Edge<{ points: FlowPoint[]; label: FlowTextBox | null }, "routed">;

// React Flow only draws an edge between handles; these are invisible, the route comes from ELK.
const hiddenHandle = { opacity: 0, pointerEvents: "none" } as const;

function StateBox({ data, width, height }: NodeProps<StateNode>) {
  return (
    <>
      <Handle type="target" position={Position.Top} isConnectable={false} style={hiddenHandle} />
      <Link
        to={data.href}
        className={`fc-flow-node nopan${data.final ? " final" : ""}`}
        style={{ width, height }}
      >
        {/* The visible words are the link's name; the spaces keep them apart when read out. */}
        <span>
          {data.lines.map((line, i) => (
            <span key={i} style={{ display: "block" }}>
              {line}{" "}
            </span>
          ))}
        </span>{" "}
        <span className="count">{proposalCount(data.count)}</span>
      </Link>
      <Handle type="source" position={Position.Bottom} isConnectable={false} style={hiddenHandle} />
    </>
  );
}

function LaneBand({ data, width, height }: NodeProps<LaneNode>) {
  return (
    <div className={`fc-flow-lane${data.odd ? " odd" : ""}`} style={{ width, height }}>
      <span style={{ width: data.headerWidth }}>
        {data.lines.map((line, i) => (
          <span key={i} style={{ display: "block" }}>
            {line}
          </span>
        ))}
      </span>
    </div>
  );
}

function NoteBox({ data, width, height }: NodeProps<NoteNode>) {
  return (
    <>
      <div className="fc-flow-note" style={{ width, height }}>
        {data.lines.join(" ")}
      </div>
      {/* The arrow from the note down to the state it leads to (the server's route, relative to the note). */}
      <svg className="fc-flow-note-link" aria-hidden="true" width={width} height={data.linkLength + 2}>
        <line x1={(width ?? 0) / 2} y1={0} x2={(width ?? 0) / 2} y2={data.linkLength - 1} />
        <path d={`M${(width ?? 0) / 2 - 4},${data.linkLength - 6} l4,6 l4,-6 z`} />
      </svg>
    </>
  );
}

function RoutedEdgeLine({ id, data, markerEnd }: EdgeProps<RoutedEdge>) {
  if (!data || data.points.length < 2) return null;
  const label = data.label;
  return (
    <>
      <BaseEdge id={id} path={polylinePath(data.points)} markerEnd={markerEnd} className="fc-edge" />
      {label ? (
        <EdgeLabelRenderer>
          <div
            className="fc-flow-edge-label"
            aria-hidden="true"
            style={{ transform: `translate(${label.x}px, ${label.y}px)`, width: label.width }}
          >
            {label.lines.map((line, i) => (
              <span key={i} style={{ display: "block" }}>
                {line}
              </span>
            ))}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

const nodeTypes = { state: StateBox, lane: LaneBand, note: NoteBox };
const edgeTypes = { routed: RoutedEdgeLine };

type Layout = FlowchartProps["layout"];

/** The lanes as background nodes, then the states at ELK's positions. */
function flowNodes(layout: Layout, states: FlowState[]): (StateNode | LaneNode | NoteNode)[] {
  const lanes: LaneNode[] = layout.lanes.map((lane, i) => ({
    id: `lane-${lane.key}`,
    type: "lane",
    position: { x: lane.x, y: lane.y },
    width: lane.width,
    height: lane.height,
    data: { lines: lane.lines, headerWidth: layout.laneHeaderWidth, odd: i % 2 === 1 },
    draggable: false,
    selectable: false,
    focusable: false,
    zIndex: -1,
  }));
  const boxes: StateNode[] = states.flatMap((state) => {
    const box = layout.nodes[state.id];
    if (!box) return [];
    const { label, count, href, final } = state;
    return [
      {
        id: state.id,
        type: "state",
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        data: { label, lines: box.lines, count, href, final },
      },
    ];
  });
  const notes: NoteNode[] = Object.entries(layout.notes).map(([id, note]) => ({
    id,
    type: "note",
    position: { x: note.x, y: note.y },
    width: note.width,
    height: note.height,
    data: {
      lines: note.lines,
      linkLength: note.link.length > 1 ? note.link.at(-1)!.y - note.link[0]!.y : 0,
    },
    draggable: false,
    selectable: false,
    focusable: false,
  }));
  return [...lanes, ...notes, ...boxes];
}

/** The edges along ELK's routes, each named for assistive technology in Norwegian. */
function routedEdges(layout: Layout, states: FlowState[], edges: FlowEdge[]): RoutedEdge[] {
  const labelOf = new Map(states.map((s) => [s.id, s.label]));
  return edges.flatMap((edge): RoutedEdge[] => {
    const route = layout.edges[edge.id];
    if (!route) return [];
    const from = labelOf.get(edge.from) ?? edge.from;
    const to = labelOf.get(edge.to) ?? edge.to;
    return [
      {
        id: edge.id,
        source: edge.from,
        target: edge.to,
        type: "routed",
        data: route,
        ariaLabel: flowEdgeLabel(edge.label, from, to),
        markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: "#5d6976" },
      },
    ];
  });
}

export default function ProcessFlow({ layout, states, edges, labelledBy }: Omit<FlowchartProps, "idPrefix">) {
  // React Flow re-measures whatever arrives anew; the chart is fixed, so it is built once.
  const nodes = useMemo(() => flowNodes(layout, states), [layout, states]);
  const flowEdges = useMemo(() => routedEdges(layout, states, edges), [layout, states, edges]);

  return (
    <>
      <p className="small muted">{processTexts.interactiveHint}</p>
      <div
        className="flowchart-flow"
        // The frame has the chart's proportions at the page's width, so fitting it in shows it whole.
        style={{
          aspectRatio: `${Math.ceil(layout.width)} / ${Math.ceil(layout.height)}`,
          maxWidth: Math.ceil(layout.width),
        }}
      >
        <ReactFlow<StateNode | LaneNode | NoteNode, RoutedEdge>
          aria-labelledby={labelledBy}
          nodes={nodes}
          edges={flowEdges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          // The whole chart on load, at any screen width; zoom in from there.
          fitView
          fitViewOptions={{ padding: 0.01 }}
          minZoom={0.2}
          maxZoom={2.5}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable={false}
          // The page keeps scrolling under the wheel; zoom is the buttons or a pinch.
          zoomOnScroll={false}
          preventScrolling={false}
          ariaLabelConfig={flowAriaLabels}
        >
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </>
  );
}
