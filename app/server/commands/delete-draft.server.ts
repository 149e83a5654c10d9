import { attachmentsOfProposal, deleteDraft, getProposal } from "#db/repositories/proposal.repository";
import { mayEditDraft } from "#workflows/policy";
import type { CurrentUser } from "../auth.server";
import { removeFiles } from "../attachments.server";
import { db } from "../db.server";

/**
 * Deletes the user's own draft: the proposal, its history and its attachments' records in one
 * transaction, then the attachments' files. False when there is no such draft of theirs.
 */
export async function deleteOwnDraft(user: CurrentUser, proposalId: number): Promise<boolean> {
  const files = await db()
    .transaction()
    .execute(async (trx) => {
      const proposal = await getProposal(trx, proposalId);
      if (!proposal || !mayEditDraft(user, proposal)) return null;
      const attachments = await attachmentsOfProposal(trx, proposalId);
      if (!(await deleteDraft(trx, proposalId, user.id))) return null;
      return attachments.map((a) => ({ storageKey: a.storage_key }));
    });
  if (!files) return false;
  await removeFiles(files);
  return true;
}
