import type { LoaderFunctionArgs } from "@remix-run/node";
import { getAttachment, getProposalForViewer } from "#db/repositories/proposal.repository";
import { notFound, requireUser } from "~/server/auth.server";
import { fileResponse } from "~/server/attachments.server";
import { db } from "~/server/db.server";

/** Downloads an attachment, for those who may see its proposal. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const proposalId = Number(params.id);
  const attachmentId = Number(params.attachmentId);
  if (!Number.isInteger(proposalId) || !Number.isInteger(attachmentId)) notFound();
  const proposal = await getProposalForViewer(db(), proposalId, user.id);
  const attachment = await getAttachment(db(), attachmentId);
  if (!proposal || !attachment || attachment.proposal_id !== proposal.id) notFound();
  return fileResponse(attachment);
}
