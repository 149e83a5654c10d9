import { proposalCount } from "~/domain/texts/process";

/**
 * The process flowchart as plain SVG, from the server's ELK layout: what every visitor gets
 * without JavaScript, and the fallback while (or if) the zoomable version loads.
 * Shapes the browser-side React Flow version shares live here too, so both draw the same.
 */

export interface FlowPoint {
  x: number;
  y: number;
}
export interface FlowBox extends FlowPoint {
  width: number;
  height: number;
}
export interface FlowTextBox extends FlowBox {
  lines: string[];
}
export interface FlowLayout {
  width: number;
  height: number;
  laneHeaderWidth: number;
  lanes: (FlowBox & { key: string; lane: string; name: string; lines: string[] })[];
  nodes: Record<string, FlowTextBox>;
  notes: Record<string, FlowTextBox & { link: FlowPoint[] }>;
  edges: Record<string, { points: FlowPoint[]; label: FlowTextBox | null }>;
}
export interface FlowState {
  id: string;
  label: string;
  lane: string;
  final: boolean;
  count: number;
  href: string;
}
export interface FlowEdge {
  id: string;
  from: string;
  to: string;
  label: string;
}

export interface FlowchartProps {
  layout: FlowLayout;
  states: FlowState[];
  edges: FlowEdge[];
  /** Names the chart (id of an element holding the chart's name). */
  labelledBy: string;
  /** Prefix for ids inside the SVG (markers), unique on the page. */
  idPrefix?: string;
}

/** The id of the element that names the chart on /prosess (the server's SVG refers to it). */
export const FLOWCHART_NAME_ID = "flowchart-name";
/** The id under which /prosess's loader keeps the server's drawing for the document (`KeptMarkup`). */
export const FLOWCHART_MARKUP_ID = "process-flowchart";

/** An SVG path through the points of an orthogonally routed edge. */
export function polylinePath(points: readonly FlowPoint[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${round(p.x)},${round(p.y)}`).join(" ");
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Lines of a centred multi-line text inside a box, as tspans. */
export function TextLines({
  lines,
  box,
  lineHeight,
  top,
  className,
}: {
  lines: string[];
  box: FlowBox;
  lineHeight: number;
  top: number;
  className?: string;
}) {
  return (
    <text className={className} x={box.x + box.width / 2} textAnchor="middle">
      {lines.map((line, i) => (
        <tspan key={i} x={box.x + box.width / 2} y={box.y + top + (i + 0.8) * lineHeight}>
          {i > 0 ? ` ${line}` : line}
        </tspan>
      ))}
    </text>
  );
}

/** The chart as SVG: lanes with their names, edges with the action names, state boxes that link to the list. */
export function ProcessFlowchartSvg({ layout, states, edges, labelledBy, idPrefix = "fc" }: FlowchartProps) {
  const arrow = `${idPrefix}-arrow`;
  return (
    <svg
      className="flowchart-svg"
      viewBox={`0 0 ${Math.ceil(layout.width)} ${Math.ceil(layout.height)}`}
      // As wide as the page allows, never wider than drawn: the whole chart is in view on load.
      width="100%"
      style={{ maxWidth: `${Math.ceil(layout.width)}px` }}
      role="group"
      aria-labelledby={labelledBy}
    >
      <defs>
        <marker
          id={arrow}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" className="fc-arrow-head" />
        </marker>
      </defs>
      <g className="fc-lanes">
        {layout.lanes.map((lane, i) => (
          <g key={lane.key} className={`fc-lane ${i % 2 === 0 ? "even" : "odd"}`}>
            <rect x={lane.x} y={lane.y} width={lane.width} height={lane.height} />
            <line
              x1={layout.laneHeaderWidth}
              y1={lane.y}
              x2={layout.laneHeaderWidth}
              y2={lane.y + lane.height}
            />
            <TextLines
              className="fc-lane-name"
              lines={lane.lines}
              box={{ x: 0, y: lane.y, width: layout.laneHeaderWidth, height: lane.height }}
              lineHeight={17}
              top={(lane.height - lane.lines.length * 17) / 2}
            />
          </g>
        ))}
      </g>
      {/* The text version below says the same in words; here the lines would only repeat it. */}
      <g className="fc-edges" aria-hidden="true">
        {edges.map((edge) => {
          const route = layout.edges[edge.id];
          if (!route || route.points.length < 2) return null;
          return (
            <path
              key={edge.id}
              className="fc-edge"
              data-edge={edge.id}
              d={polylinePath(route.points)}
              markerEnd={`url(#${arrow})`}
            />
          );
        })}
        {edges.map((edge) => {
          const label = layout.edges[edge.id]?.label;
          if (!label) return null;
          return (
            <g key={edge.id} className="fc-edge-label">
              <rect x={label.x} y={label.y} width={label.width} height={label.height} rx={3} />
              <TextLines lines={label.lines} box={label} lineHeight={14} top={2} />
            </g>
          );
        })}
      </g>
      {Object.entries(layout.notes).map(([id, note]) => (
        <g key={id} className="fc-note">
          {note.link.length > 1 ? (
            <path className="fc-note-link" d={polylinePath(note.link)} markerEnd={`url(#${arrow})`} />
          ) : null}
          <rect x={note.x} y={note.y} width={note.width} height={note.height} rx={3} />
          <TextLines
            lines={note.lines}
            box={note}
            lineHeight={14}
            top={(note.height - note.lines.length * 14) / 2}
          />
        </g>
      ))}
      <g className="fc-nodes">
        {states.map((state) => {
          const box = layout.nodes[state.id];
          if (!box) return null;
          return (
            <a key={state.id} href={state.href} className={`fc-node${state.final ? " final" : ""}`}>
              <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={6} />
              {state.final ? (
                <rect
                  className="fc-node-inner"
                  x={box.x + 3}
                  y={box.y + 3}
                  width={box.width - 6}
                  height={box.height - 6}
                  rx={4}
                />
              ) : null}
              <TextLines className="fc-node-label" lines={box.lines} box={box} lineHeight={17} top={10} />
              <text
                className="fc-node-count"
                x={box.x + box.width / 2}
                y={box.y + box.height - 12}
                textAnchor="middle"
              >
                {/* The link's name is its visible words (WCAG 2.5.3); the space keeps label and count apart. */}
                {` ${proposalCount(state.count)}`}
              </text>
            </a>
          );
        })}
      </g>
    </svg>
  );
}
