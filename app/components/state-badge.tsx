/** A proposal's state as a coloured label; the text carries the meaning, the colour only repeats it. */
export function StateBadge({ state, label }: { state: string; label: string }) {
  return <span className={`badge state-${state}`}>{label}</span>;
}
