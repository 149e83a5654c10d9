/** Plane geometry for layout tests: where the flowchart's arrows cross. */

export interface Pt {
  x: number;
  y: number;
}

type Segment = [Pt, Pt];

function segments(points: readonly Pt[]): Segment[] {
  return points.slice(1).map((p, i) => [points[i]!, p]);
}

const cross = (o: Pt, a: Pt, b: Pt) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Two segments cross at a point inside both (touching ends or running along each other do not count). */
export function segmentsCross([a, b]: Segment, [c, d]: Segment): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  const eps = 1e-6;
  return (
    ((d1 > eps && d2 < -eps) || (d1 < -eps && d2 > eps)) &&
    ((d3 > eps && d4 < -eps) || (d3 < -eps && d4 > eps))
  );
}

/** How many times two polylines cross each other. */
export function polylineCrossings(a: readonly Pt[], b: readonly Pt[]): number {
  let n = 0;
  for (const s of segments(a)) for (const t of segments(b)) if (segmentsCross(s, t)) n++;
  return n;
}

/** Crossings between every pair of routes, and those that involve a route in `special`. */
export function countCrossings(routes: Record<string, readonly Pt[]>, special: ReadonlySet<string>) {
  const ids = Object.keys(routes);
  let total = 0;
  let onSpecial = 0;
  const pairs: string[] = [];
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const n = polylineCrossings(routes[ids[i]!]!, routes[ids[j]!]!);
      if (n === 0) continue;
      total += n;
      pairs.push(`${ids[i]} × ${ids[j]}`);
      if (special.has(ids[i]!) || special.has(ids[j]!)) onSpecial += n;
    }
  return { total, onSpecial, pairs };
}
