import type { Executor } from "#db/connection";
import { deleteDraft } from "#db/repositories/proposal.repository";
import type { CurrentUser } from "../auth.server";
import { refuse, runCommand, type CommandResult } from "./result.server";

/** Deletes a draft of the user's own; anything else (someone else's, or submitted) is 404. */
export function deleteDraftProposal(
  db: Executor,
  input: { proposalId: number; user: CurrentUser },
): Promise<CommandResult> {
  return runCommand(db, async (trx) => {
    if (!(await deleteDraft(trx, input.proposalId, input.user.id))) refuse(404);
    return {};
  });
}
