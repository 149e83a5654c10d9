import { saveAssessment, setAssessmentGoals } from "#db/repositories/assessment.repository";
import { getProposal } from "#db/repositories/proposal.repository";
import { mayAssess, proposalActor } from "#workflows/policy";
import type { AssessmentForm } from "~/domain/assessment.schema";
import type { CurrentUser } from "../auth.server";
import { db } from "../db.server";

export type SaveAssessmentResult = { ok: true } | { ok: false; status: 403 | 404 | 409 };

class Conflict extends Error {}

/** Writes the group's assessment and its sub-goal links together, if the user may assess now. */
export async function saveAssessmentCommand(input: {
  proposalId: number;
  user: CurrentUser;
  form: AssessmentForm;
}): Promise<SaveAssessmentResult> {
  const { form } = input;
  try {
    return await db()
      .transaction()
      .execute(async (trx) => {
        const proposal = await getProposal(trx, input.proposalId);
        if (!proposal || proposal.state === "draft") return { ok: false, status: 404 } as const;
        if (!mayAssess(proposalActor(input.user, proposal), proposal))
          return { ok: false, status: 403 } as const;
        const saved = await saveAssessment(trx, {
          proposalId: proposal.id,
          expectedVersion: form.version,
          userId: input.user.id,
          now: new Date().toISOString(),
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
        if (!saved) throw new Conflict();
        await setAssessmentGoals(trx, proposal.id, form.goalIds);
        return { ok: true } as const;
      });
  } catch (error) {
    if (error instanceof Conflict) return { ok: false, status: 409 };
    throw error;
  }
}
