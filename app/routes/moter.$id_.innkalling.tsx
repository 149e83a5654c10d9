import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MeetingDocumentView } from "~/components/meeting-document";
import { PrintButton } from "~/components/print-button";
import { t } from "~/domain/texts";
import { meetingTexts as T } from "~/domain/texts/meetings";
import { notFound, requireUser } from "~/server/auth.server";
import { meetingDocument } from "~/server/meetings.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${T.documents.notice} ${data.bodyName} ${data.date} – ${t.app.name}` : t.app.name },
];

/** The notice as a clean page to print. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const doc = await meetingDocument(id, user);
  if (!doc) notFound();
  return doc;
}

export default function PrintPage() {
  const doc = useLoaderData<typeof loader>();
  return (
    <>
      <p className="no-print small">
        <Link to={`/moter/${doc.meetingId}`}>
          ← {doc.bodyName}, møte {doc.date}
        </Link>{" "}
        · <PrintButton /> ·{" "}
        <a href={`/moter/${doc.meetingId}/innkalling.docx`} download>
          {T.docxNotice}
        </a>
      </p>
      <MeetingDocumentView doc={doc} kind="notice" />
    </>
  );
}
