import { useId } from "react";

export interface Bar {
  label: string;
  value: number;
  /** Shown on the bar instead of the value (e.g. "12,5 d"). */
  valueLabel?: string;
}

const BRAND = "#0b4a75";
const INK = "#1c2430";
const LINE = "#d4dae1";

const short = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * A bar chart drawn on the server as SVG: columns (months, years) or horizontal bars
 * (categories). It is an image with a title and a description that states every value; the
 * table next to it carries the same numbers for reading, copying and screen readers.
 */
export function BarChart({
  title,
  description,
  bars,
  orientation = "horizontal",
}: {
  title: string;
  description: string;
  bars: Bar[];
  orientation?: "horizontal" | "vertical";
}) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const shown = (b: Bar) => b.valueLabel ?? String(b.value);
  if (orientation === "vertical") {
    const width = 640;
    const height = 240;
    const top = 24;
    const bottom = 28;
    const slot = (width - 20) / Math.max(1, bars.length);
    const barWidth = Math.max(4, Math.min(40, slot * 0.7));
    const plot = height - top - bottom;
    return (
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line x1={10} x2={width - 10} y1={top + plot} y2={top + plot} stroke={LINE} />
        {bars.map((b, i) => {
          const h = (b.value / max) * plot;
          const x = 10 + i * slot + (slot - barWidth) / 2;
          return (
            <g key={i}>
              <rect x={x} y={top + plot - h} width={barWidth} height={h} fill={BRAND} />
              <text x={x + barWidth / 2} y={top + plot - h - 6} textAnchor="middle" fontSize={12} fill={INK}>
                {shown(b)}
              </text>
              <text x={x + barWidth / 2} y={height - 8} textAnchor="middle" fontSize={12} fill={INK}>
                {short(b.label, 8)}
              </text>
            </g>
          );
        })}
      </svg>
    );
  }
  const width = 640;
  const labelWidth = 250;
  const row = 28;
  const height = Math.max(1, bars.length) * row + 12;
  const plot = width - labelWidth - 70;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="chart"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <line x1={labelWidth} x2={labelWidth} y1={4} y2={height - 4} stroke={LINE} />
      {bars.map((b, i) => {
        const w = (b.value / max) * plot;
        const y = 6 + i * row;
        return (
          <g key={i}>
            <text x={labelWidth - 8} y={y + 15} textAnchor="end" fontSize={13} fill={INK}>
              {short(b.label, 36)}
            </text>
            <rect x={labelWidth} y={y + 2} width={w} height={row - 10} fill={BRAND} />
            <text x={labelWidth + w + 6} y={y + 15} fontSize={13} fill={INK}>
              {shown(b)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
