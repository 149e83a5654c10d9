import { useId } from "react";
import { diagramTexts } from "~/domain/texts/process";
import { polylinePath, TextLines, type FlowLayout } from "./process-flowchart";

export interface ProcessDiagramProps {
  nodes: { id: string; label: string; lane: string; final: boolean }[];
  edges: { id: string; from: string; to: string; label: string }[];
  /** The compact layout from the server (`processDiagram` in flowchart.server.ts). */
  positions: FlowLayout;
  /** The state the proposal is in now. */
  current: string;
  /** The states it has been in, oldest first. */
  path: string[];
}

/** A proposal's place in the process by the states' labels: what `ProcessPathText` says. */
export interface ProcessPlace {
  current: string;
  /** The states it has been in, oldest first. */
  path: string[];
}

/** The proposal's place in the process in words: shown beside the drawing, which opens on request. */
export function ProcessPathText({ place }: { place: ProcessPlace }) {
  return <p className="process-path-text">{diagramTexts.description(place.current, place.path)}</p>;
}

/**
 * A small drawing of the whole process with this proposal's place in it: the current state
 * has a thick border and the words "Her er innspillet nå", visited states a tick and the
 * steps taken solid arrows (so nothing rests on colour alone). The figure caption says the
 * same in words.
 */
export function ProcessDiagram({ nodes, edges, positions, current, path }: ProcessDiagramProps) {
  const baseId = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const titleId = `${baseId}-title`;
  const captionId = `${baseId}-caption`;
  const visitedStates = new Set(path);
  const takenEdges = new Set(
    edges
      .filter((e) => path.some((state, i) => i > 0 && path[i - 1] === e.from && state === e.to))
      .map((e) => e.id),
  );
  const labelOf = new Map(nodes.map((n) => [n.id, n.label]));
  const currentLabel = labelOf.get(current) ?? current;
  const pathLabels = path.map((s) => labelOf.get(s) ?? s);
  // Taken steps drawn last, on top of the dashed ones they may cross.
  const orderedEdges = [...edges].sort((a, b) => Number(takenEdges.has(a.id)) - Number(takenEdges.has(b.id)));

  return (
    <figure className="process-diagram">
      <svg
        viewBox={`0 0 ${Math.ceil(positions.width)} ${Math.ceil(positions.height)}`}
        style={{ maxWidth: `${Math.ceil(positions.width)}px` }}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={captionId}
      >
        <title id={titleId}>{diagramTexts.title}</title>
        <defs>
          {(["visited", "other"] as const).map((kind) => (
            <marker
              key={kind}
              id={`${baseId}-arrow-${kind}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="6"
              markerHeight="6"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" className={`pd-arrow${kind === "visited" ? " visited" : ""}`} />
            </marker>
          ))}
        </defs>
        {positions.lanes.map((lane, i) => (
          <g key={lane.key} className={`pd-lane ${i % 2 === 0 ? "even" : "odd"}`}>
            <rect x={lane.x} y={lane.y} width={lane.width} height={lane.height} />
            <TextLines
              lines={lane.lines}
              box={{ x: 0, y: lane.y, width: positions.laneHeaderWidth, height: lane.height }}
              lineHeight={13}
              top={(lane.height - lane.lines.length * 13) / 2}
            />
          </g>
        ))}
        {orderedEdges.map((edge) => {
          const route = positions.edges[edge.id];
          if (!route || route.points.length < 2) return null;
          const taken = takenEdges.has(edge.id);
          return (
            <path
              key={edge.id}
              className={`pd-edge${taken ? " visited" : ""}`}
              d={polylinePath(route.points)}
              markerEnd={`url(#${baseId}-arrow-${taken ? "visited" : "other"})`}
            />
          );
        })}
        {Object.entries(positions.notes).map(([id, note]) => (
          <g key={id} className="pd-note">
            {note.link.length > 1 ? <path className="pd-edge" d={polylinePath(note.link)} /> : null}
            <rect x={note.x} y={note.y} width={note.width} height={note.height} rx={3} />
            <TextLines lines={note.lines} box={note} lineHeight={14} top={6} />
          </g>
        ))}
        {nodes.map((node) => {
          const box = positions.nodes[node.id];
          if (!box) return null;
          const isCurrent = node.id === current;
          const visited = visitedStates.has(node.id);
          const marker = isCurrent ? diagramTexts.here : visited ? `✓ ${diagramTexts.visited}` : null;
          return (
            <g
              key={node.id}
              className={`pd-node${isCurrent ? " current" : visited ? " visited" : ""}`}
              data-state={node.id}
            >
              <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={5} />
              <TextLines lines={box.lines} box={box} lineHeight={14} top={6} />
              {marker ? (
                <text
                  className="pd-marker"
                  x={box.x + box.width / 2}
                  y={box.y + box.height - 9}
                  textAnchor="middle"
                >
                  {marker}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption id={captionId}>
        <p>{diagramTexts.description(currentLabel, pathLabels)}</p>
        <ul className="legend">
          <li>{diagramTexts.legendCurrent}</li>
          <li>{diagramTexts.legendVisited}</li>
          <li>{diagramTexts.legendOther}</li>
        </ul>
      </figcaption>
    </figure>
  );
}
