import type { DB } from "#db/connection";
import { getProposalForViewer } from "#db/repositories/proposal.repository";
import { addSupport, hasSupported } from "#db/repositories/support.repository";
import { supportRefusal, type SupportRefusal } from "#workflows/support";
import type { CurrentUser } from "../auth.server";

/**
 * Supports a proposal for the user's municipality. 404: the user may not see it; a refusal
 * (draft 409, own 403, twice 409) otherwise, with the rule's reason.
 */
export async function supportProposal(
  db: DB,
  input: { proposalId: number; user: CurrentUser },
): Promise<
  { ok: true } | { ok: false; status: 404 } | { ok: false; status: 403 | 409; why: SupportRefusal }
> {
  return db.transaction().execute(async (trx) => {
    const proposal = await getProposalForViewer(trx, input.proposalId, input.user.id);
    if (!proposal) return { ok: false, status: 404 } as const;
    const already = await hasSupported(trx, proposal.id, input.user.id);
    const why = supportRefusal(
      { state: proposal.state, authorId: proposal.author_id },
      input.user.id,
      already,
    );
    if (why) return { ok: false, status: why === "own" ? 403 : 409, why } as const;
    const added = await addSupport(trx, {
      proposalId: proposal.id,
      userId: input.user.id,
      municipalityId: input.user.municipalityId,
      at: new Date().toISOString(),
    });
    if (!added) return { ok: false, status: 409, why: "twice" } as const;
    return { ok: true } as const;
  });
}
