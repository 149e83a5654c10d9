/**
 * How a specialist group scores a proposal. Pure. The priority bands' thresholds are data
 * (table priority_band); this module only applies them.
 */

export const criteria = [
  { key: "strategic_value", label: "Strategisk verdi", hint: "Hvor godt støtter det strategien?" },
  {
    key: "service_quality",
    label: "Tjenestekvalitet for brukerne",
    hint: "Blir tjenesten bedre for innbyggere eller ansatte?",
  },
  {
    key: "economic_benefit",
    label: "Økonomisk gevinst",
    hint: "Sparer det penger eller tid som kan tas ut?",
  },
  {
    key: "necessity",
    label: "Lovpålagt eller driftskritisk",
    hint: "Krever lov, forskrift eller driften dette?",
  },
  { key: "risk", label: "Risiko (lav risiko gir høy score)", hint: "5 = lav risiko, 1 = høy risiko." },
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
