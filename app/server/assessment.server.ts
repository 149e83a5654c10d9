import { supportSummary } from "./support.server";
import { goalsOfProposal, selectableSubGoals } from "#db/repositories/assessment.repository";
import { getAssessment } from "#db/repositories/process.repository";
import { getProposalForViewer } from "#db/repositories/proposal.repository";
import { criteria } from "#workflows/assessment";
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

/** The sub-goals an assessment may link to. */
export function selectableGoals() {
  return selectableSubGoals(db());
}

/** The assessment form: the sub-goals to choose from and the values saved so far. */
export async function assessmentFormData(proposal: { id: number; title: string }) {
  const [assessment, goals, linked, support] = await Promise.all([
    getAssessment(db(), proposal.id),
    selectableGoals(),
    goalsOfProposal(db(), proposal.id),
    supportSummary(proposal.id),
  ]);
  const str = (v: number | null | undefined) => (v === null || v === undefined ? undefined : String(v));
  return {
    id: proposal.id,
    title: proposal.title,
    // The group sees who else this concerns while it assesses.
    support,
    goals: goals.map((g) => ({ id: g.id, label: `${g.number} ${g.title}` })),
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
