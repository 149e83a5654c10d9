import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/server/auth.server";
import { docxFileName, docxResponse, meetingDocx } from "~/server/meeting-docx.server";
import { publicMeeting } from "~/server/meetings.server";
import { idParam } from "~/server/params.server";

/** No login: the public protocol as a Word file, exempt cases withheld. */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const meeting = await publicMeeting(id);
  if (!meeting || !meeting.protocolPublished) notFound();
  return docxResponse(
    await meetingDocx(meeting.document, "protocol"),
    docxFileName(meeting.document, "protocol"),
  );
}
