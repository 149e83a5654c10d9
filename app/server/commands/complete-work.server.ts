import type { DB } from "#db/connection";
import { getFollowup, saveCompletion } from "#db/repositories/followup.repository";
import { finalReportYears } from "#db/repositories/report.repository";
import { isReportTextLocked } from "#workflows/report";
import type { CompleteForm } from "~/domain/followup.schema";
import { followupTexts } from "~/domain/texts/report";
import type { CurrentUser } from "../auth.server";
import { applyProposalEvent } from "./apply-proposal-event.server";
import { Refusal, refusable, refusalOf, type FollowupResult } from "./followup-result.server";

const E = followupTexts.errors;

const fieldRefusal = (field: string, message: string) =>
  new Refusal({ ok: false, status: 400, fieldErrors: { [field]: [message] } });

/**
 * Completes work in progress (COMPLETE): the process event and the follow-up (completion date,
 * realised benefits, report text) in one transaction, or neither. A completion dated in a year
 * whose report is final is refused: that report can no longer tell of it.
 */
export async function completeWork(
  db: DB,
  input: { proposalId: number; user: CurrentUser; form: CompleteForm; now?: Date },
): Promise<FollowupResult> {
  const { form } = input;
  const now = input.now ?? new Date();
  return refusable(() =>
    db.transaction().execute(async (trx) => {
      const moved = await applyProposalEvent(trx, {
        fromOwnForm: true,
        proposalId: input.proposalId,
        expectedVersion: form.version,
        user: input.user,
        type: "COMPLETE",
        payload: {},
        now,
      });
      if (!moved.ok) throw refusalOf(moved);
      const followup = await getFollowup(trx, input.proposalId);
      if (followup?.start_date && form.completedOn < followup.start_date)
        throw fieldRefusal("completedOn", E.completedBeforeStart);
      if (isReportTextLocked({ completed_on: form.completedOn }, await finalReportYears(trx)))
        throw fieldRefusal("completedOn", E.locked(Number(form.completedOn.slice(0, 4))));
      await saveCompletion(trx, {
        proposalId: input.proposalId,
        completedOn: form.completedOn,
        realisedBenefits: form.realisedBenefits,
        reportText: form.reportText,
        userId: input.user.id,
        now: now.toISOString(),
      });
      return { ok: true } as const;
    }),
  );
}
