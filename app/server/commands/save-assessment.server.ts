import type { Executor } from "#db/connection";
import { saveAssessment, setAssessmentGoals } from "#db/repositories/assessment.repository";
import { getProposal } from "#db/repositories/proposal.repository";
import { mayAssess, proposalActor } from "#workflows/policy";
import type { AssessmentForm } from "~/domain/assessment.schema";
import { assessmentTexts } from "~/domain/texts/assessment";
import type { CurrentUser } from "../auth.server";
import { refuse, runCommand, type CommandResult } from "./result.server";

/** Writes the group's assessment and its sub-goal links together, if the user may assess now. */
export function saveAssessmentCommand(
  db: Executor,
  input: { proposalId: number; user: CurrentUser; form: AssessmentForm; now?: Date },
): Promise<CommandResult> {
  const { form } = input;
  return runCommand(db, async (trx) => {
    const proposal = await getProposal(trx, input.proposalId);
    if (!proposal || proposal.state === "draft") return refuse(404);
    if (!mayAssess(proposalActor(input.user, proposal), proposal)) refuse(403);
    const saved = await saveAssessment(trx, {
      proposalId: proposal.id,
      expectedVersion: form.version,
      userId: input.user.id,
      now: (input.now ?? new Date()).toISOString(),
      values: {
        strategic_value: form.strategic_value ?? null,
        service_quality: form.service_quality ?? null,
        economic_benefit: form.economic_benefit ?? null,
        necessity: form.necessity ?? null,
        risk: form.risk ?? null,
        adjustment: form.adjustment,
        adjustment_reason: form.adjustment_reason,
        benefits_plan: form.benefits_plan,
        cost_once: form.cost_once ?? null,
        cost_yearly: form.cost_yearly ?? null,
      },
    });
    if (!saved) refuse(409, assessmentTexts.conflict);
    await setAssessmentGoals(trx, proposal.id, form.goalIds);
    return {};
  });
}
