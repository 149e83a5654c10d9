import type { Executor } from "#db/connection";
import { attachmentsOfProposal, deleteDraft, getProposal } from "#db/repositories/proposal.repository";
import { mayEditDraft } from "#workflows/policy";
import type { CurrentUser } from "../auth.server";
import { removeFiles } from "../attachments.server";
import { refuse, runCommand, type CommandResult } from "./result.server";

/**
 * Deletes a draft of the user's own: the proposal, its history and its attachments' records in
 * one transaction, then (once that is committed) the attachments' files. Anything else (someone
 * else's draft, or a submitted proposal) is 404.
 */
export async function deleteDraftProposal(
  db: Executor,
  input: { proposalId: number; user: CurrentUser },
): Promise<CommandResult> {
  const result = await runCommand(db, async (trx) => {
    const proposal = await getProposal(trx, input.proposalId);
    if (!proposal || !mayEditDraft(input.user, proposal)) refuse(404);
    const attachments = await attachmentsOfProposal(trx, input.proposalId);
    if (!(await deleteDraft(trx, input.proposalId, input.user.id))) refuse(404);
    return { storageKeys: attachments.map((a) => a.storage_key) };
  });
  if (!result.ok) return result;
  // Inside a caller's transaction the files wait for it: they could still be needed by a rollback.
  if (!db.isTransaction) await removeFiles(result.storageKeys.map((storageKey) => ({ storageKey })));
  return { ok: true };
}
