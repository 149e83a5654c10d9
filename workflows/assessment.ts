/**
 * How a specialist group scores a proposal. Pure. The priority bands' thresholds are data
 * (table priority_band); this module only applies them.
 */

/** The criteria a group scores (1–5 each), in the form's order; their labels are in app/domain/texts/assessment.ts. */
export const criteria = [
  { key: "strategic_value" },
  { key: "service_quality" },
  { key: "economic_benefit" },
  { key: "necessity" },
  { key: "risk" },
] as const;

export type CriterionKey = (typeof criteria)[number]["key"];

export interface AssessmentValues {
  strategic_value: number | null;
  service_quality: number | null;
  economic_benefit: number | null;
  necessity: number | null;
  risk: number | null;
  adjustment: number;
  benefits_plan: string;
  cost_once: number | null;
  cost_yearly: number | null;
}

export interface PriorityBand {
  label: string;
  min_total: number;
}

/** Sum of the five scores plus the manual adjustment; null until every criterion is scored. */
export function assessmentTotal(a: AssessmentValues): number | null {
  const scores = criteria.map((c) => a[c.key]);
  if (scores.some((s) => s === null)) return null;
  return (scores as number[]).reduce((sum, s) => sum + s, 0) + a.adjustment;
}

/** The highest band whose threshold the total reaches. */
export function priorityBand(total: number | null, bands: PriorityBand[]): string | null {
  if (total === null) return null;
  const band = [...bands].sort((x, y) => y.min_total - x.min_total).find((b) => total >= b.min_total);
  return band?.label ?? null;
}

/** Complete: every criterion scored, a benefits plan written, and both cost estimates given. */
export function isAssessmentComplete(a: AssessmentValues | null | undefined): boolean {
  if (!a) return false;
  return (
    assessmentTotal(a) !== null &&
    a.benefits_plan.trim().length > 0 &&
    a.cost_once !== null &&
    a.cost_yearly !== null
  );
}
