import type { DB } from "#db/connection";
import { isActiveUser, saveStart } from "#db/repositories/followup.repository";
import type { StartForm } from "~/domain/followup.schema";
import { followupTexts } from "~/domain/texts/report";
import type { CurrentUser } from "../auth.server";
import { notify } from "../notifications/emit.server";
import { applyProposalEvent } from "./apply-proposal-event.server";
import { orRefuse, refuseField, runCommand, type CommandResult } from "./result.server";

/**
 * Starts decided work (START): the process event and the follow-up row (project lead, start
 * date, planned end) are written in one transaction, or neither.
 */
export async function startWork(
  db: DB,
  input: { proposalId: number; user: CurrentUser; form: StartForm; now?: Date },
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
        type: "START",
        payload: {},
        now,
      }),
    );
    if (!(await isActiveUser(trx, form.projectLeadId)))
      refuseField("projectLeadId", followupTexts.errors.leadRequired);
    await saveStart(trx, {
      proposalId: input.proposalId,
      projectLeadId: form.projectLeadId,
      startDate: form.startDate,
      plannedEnd: form.plannedEnd,
      userId: input.user.id,
      now: now.toISOString(),
    });
    await notify(trx, { type: "workStarted", proposalId: input.proposalId, actorId: input.user.id }, now);
    return {};
  });
}
