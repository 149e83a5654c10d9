import { supportSummary } from "./support.server";
import { goalsOfProposal, selectableSubGoals } from "#db/repositories/assessment.repository";
import { getAssessment } from "#db/repositories/process.repository";
import { getProposalForViewer } from "#db/repositories/proposal.repository";
import { criteria } from "#workflows/assessment";
import { thisYear } from "#workflows/dates";
import { compareGoalNumbers, strategyStanding } from "#workflows/report";
import { assessmentTexts as A } from "~/domain/texts/assessment";
import { mayAssess, proposalActor } from "#workflows/policy";
import { forbidden, notFound, type CurrentUser } from "./auth.server";
import { db } from "./db.server";

/** The proposal, if this user may assess it now; 404 if it cannot be seen, 403 if it cannot be assessed. */
export async function assessableProposal(id: number, user: CurrentUser) {
  const proposal = await getProposalForViewer(db(), id, user.id);
  if (!proposal) notFound();
  if (!mayAssess(proposalActor(user, proposal), proposal)) forbidden();
  return proposal;
}

/**
 * The sub-goals an assessment may link to: those of every approved strategy, the goals of a
 * strategy in force this year (Oslo) first, then the others by strategy and goal number.
 */
export async function selectableGoals(now = new Date()) {
  const year = thisYear(now);
  const rank = (g: { period_from: number; period_to: number }) =>
    strategyStanding(g, year) === "current" ? 0 : 1;
  const goals = await selectableSubGoals(db());
  return goals
    .map((g) => ({ ...g, standing: strategyStanding(g, year) }))
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        b.period_from - a.period_from ||
        a.strategy_id - b.strategy_id ||
        compareGoalNumbers(a.number, b.number),
    );
}

/** A warning for each offered strategy whose period is over, so its goals are not taken as current. */
function expiredWarnings(goals: Awaited<ReturnType<typeof selectableGoals>>) {
  const expired = new Map<number, string>();
  for (const g of goals)
    if (g.standing === "expired")
      expired.set(g.strategy_id, A.expiredStrategyGoals(g.strategy_name, g.period_to));
  return [...expired.values()];
}

/** The assessment form: the sub-goals to choose from and the values saved so far. */
export async function assessmentFormData(proposal: { id: number; title: string }) {
  const [assessment, goals, linked, support] = await Promise.all([
    getAssessment(db(), proposal.id),
    selectableGoals(),
    goalsOfProposal(db(), proposal.id),
    supportSummary(proposal.id),
  ]);
  const severalStrategies = new Set(goals.map((g) => g.strategy_id)).size > 1;
  const str = (v: number | null | undefined) => (v === null || v === undefined ? undefined : String(v));
  return {
    id: proposal.id,
    title: proposal.title,
    // The group sees who else this concerns while it assesses.
    support,
    goals: goals.map((g) => ({
      id: g.id,
      label: severalStrategies
        ? A.goalOfStrategy(g.number, g.title, g.strategy_name)
        : `${g.number} ${g.title}`,
    })),
    goalWarnings: expiredWarnings(goals),
    defaultValue: {
      version: String(assessment?.version ?? 0),
      ...Object.fromEntries(criteria.map((c) => [c.key, str(assessment?.[c.key])])),
      adjustment: str(assessment?.adjustment ?? 0),
      adjustment_reason: assessment?.adjustment_reason ?? "",
      benefits_plan: assessment?.benefits_plan ?? "",
      cost_once: str(assessment?.cost_once),
      cost_yearly: str(assessment?.cost_yearly),
      goalIds: linked.map((g) => String(g.id)),
    } as Record<string, string | string[] | undefined>,
  };
}
