import type { DB } from "#db/connection";
import { getFollowup, saveCompletion } from "#db/repositories/followup.repository";
import { finalReportYears } from "#db/repositories/report.repository";
import { isReportTextLocked } from "#workflows/report";
import type { CompleteForm } from "~/domain/followup.schema";
import { followupTexts } from "~/domain/texts/report";
import type { CurrentUser } from "../auth.server";
import { applyProposalEvent } from "./apply-proposal-event.server";
import { orRefuse, refuseField, runCommand, type CommandResult } from "./result.server";

const E = followupTexts.errors;

/**
 * Completes work in progress (COMPLETE): the process event and the follow-up (completion date,
 * realised benefits, report text) in one transaction, or neither. A completion dated in a year
 * whose report is final is refused: that report can no longer tell of it.
 */
export async function completeWork(
  db: DB,
  input: { proposalId: number; user: CurrentUser; form: CompleteForm; now?: Date },
): Promise<CommandResult> {
  const { form } = input;
  const now = input.now ?? new Date();
  return runCommand(db, async (trx) => {
    orRefuse(
      await applyProposalEvent(trx, {
        fromOwnForm: true,
        proposalId: input.proposalId,
        expectedVersion: form.version,
        user: input.user,
        type: "COMPLETE",
        payload: {},
        now,
      }),
    );
    const followup = await getFollowup(trx, input.proposalId);
    if (followup?.start_date && form.completedOn < followup.start_date)
      refuseField("completedOn", E.completedBeforeStart);
    if (isReportTextLocked({ completed_on: form.completedOn }, await finalReportYears(trx)))
      refuseField("completedOn", E.locked(Number(form.completedOn.slice(0, 4))));
    await saveCompletion(trx, {
      proposalId: input.proposalId,
      completedOn: form.completedOn,
      realisedBenefits: form.realisedBenefits,
      reportText: form.reportText,
      userId: input.user.id,
      now: now.toISOString(),
    });
    return {};
  });
}
