import { Link } from "@remix-run/react";
import { MeetingDocumentView } from "~/components/meeting-document";
import { PrintButton } from "~/components/print-button";
import { meetingTexts as T } from "~/domain/texts/meetings";
import type { meetingDocument } from "~/server/meetings/page.server";

type Doc = NonNullable<Awaited<ReturnType<typeof meetingDocument>>>;

/** A notice or a protocol as a clean page to print, with its way back and its Word file. */
export function MeetingPrintPage({ doc, kind }: { doc: Doc; kind: "notice" | "protocol" }) {
  const file = kind === "notice" ? "innkalling.docx" : "protokoll.docx";
  return (
    <>
      <p className="no-print small">
        <Link to={`/moter/${doc.meetingId}`}>{T.backToMeeting(doc.bodyName, doc.date)}</Link> ·{" "}
        <PrintButton /> ·{" "}
        <a href={`/moter/${doc.meetingId}/${file}`} download>
          {kind === "notice" ? T.docxNotice : T.docxProtocol}
        </a>
      </p>
      <MeetingDocumentView doc={doc} kind={kind} />
    </>
  );
}
