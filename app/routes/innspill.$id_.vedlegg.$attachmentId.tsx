import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/server/auth.server";
import { attachmentForViewer, fileResponse } from "~/server/attachments.server";
import { idParam } from "~/server/params.server";

/** Downloads an attachment, for those who may see its proposal. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const attachment = await attachmentForViewer(idParam(params.id), idParam(params.attachmentId), user.id);
  return fileResponse(attachment);
}
