import type { DB } from "#db/connection";
import { getProposalForViewer } from "#db/repositories/proposal.repository";
import { addSupport, hasSupported } from "#db/repositories/support.repository";
import { supportRefusal } from "#workflows/support";
import { supportTexts } from "~/domain/texts/support";
import type { CurrentUser } from "../auth.server";
import { refuse, runCommand, type CommandResult } from "./result.server";

/**
 * Supports a proposal for the user's municipality. 404: the user may not see it; otherwise the
 * rule's refusal (one's own 403, a draft or a second time 409) with its message.
 */
export async function supportProposal(
  db: DB,
  input: { proposalId: number; user: CurrentUser },
): Promise<CommandResult> {
  return runCommand(db, async (trx) => {
    const proposal = await getProposalForViewer(trx, input.proposalId, input.user.id);
    if (!proposal) refuse(404);
    const already = await hasSupported(trx, proposal.id, input.user.id);
    const why = supportRefusal(
      { state: proposal.state, authorId: proposal.author_id },
      input.user.id,
      already,
    );
    if (why) refuse(why === "own" ? 403 : 409, supportTexts.refusals[why]);
    const added = await addSupport(trx, {
      proposalId: proposal.id,
      userId: input.user.id,
      municipalityId: input.user.municipalityId,
      at: new Date().toISOString(),
    });
    if (!added) refuse(409, supportTexts.refusals.twice);
    return {};
  });
}
