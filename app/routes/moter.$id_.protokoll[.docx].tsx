import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "~/server/auth.server";
import { docxFileName, docxResponse, meetingDocx } from "~/server/meeting-docx.server";
import { meetingDocument } from "~/server/meetings/page.server";
import { idParam } from "~/server/params.server";

/** The protocol as a Word file. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const doc = await meetingDocument(id, user);
  if (!doc) notFound();
  return docxResponse(await meetingDocx(doc, "protocol"), docxFileName(doc, "protocol"));
}
