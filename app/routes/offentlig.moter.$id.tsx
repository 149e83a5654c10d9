import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MeetingDocumentView } from "~/components/meeting-document";
import { t } from "~/domain/texts";
import { meetingTexts as T } from "~/domain/texts/meetings";
import { getUser, notFound } from "~/server/auth.server";
import { idParam } from "~/server/params.server";
import { cachedPublicMeeting } from "~/server/public-meetings.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${T.meetingTitle(data.document.bodyName, data.document.date)} – ${t.app.name}`
      : `${t.errors.notFoundTitle} – ${t.app.name}`,
  },
];

/**
 * No login: a meeting's published notice and protocol, exempt cases withheld on the server. Built
 * once per meeting version; an anonymous visitor's page carries an ETag (answered 304 when the
 * browser has it, see entry.server), a signed-in user's is never cached.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const meeting = await cachedPublicMeeting(idParam(params.id));
  if (!meeting) notFound();
  const anonymous = !(await getUser(request));
  return data(meeting.data, {
    headers: anonymous ? { ETag: meeting.etag, "Cache-Control": "public, no-cache" } : {},
  });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const out = new Headers();
  for (const name of ["ETag", "Cache-Control"]) {
    const value = loaderHeaders.get(name);
    if (value) out.set(name, value);
  }
  return out;
};

export default function PublicMeetingPage() {
  const { document: doc, protocolPublished } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="small muted no-print">
        <Link to="/offentlig">← {T.public.title}</Link>
      </p>
      <h1>{T.meetingTitle(doc.bodyName, doc.date)}</h1>
      <ul className="no-print">
        <li>
          <a href={`/offentlig/moter/${doc.meetingId}/innkalling.docx`} download>
            {T.docxNotice}
          </a>
        </li>
        {protocolPublished ? (
          <li>
            <a href={`/offentlig/moter/${doc.meetingId}/protokoll.docx`} download>
              {T.docxProtocol}
            </a>
          </li>
        ) : null}
      </ul>
      <div id="innkalling" className="card">
        <MeetingDocumentView doc={doc} kind="notice" level={2} />
      </div>
      <div id="protokoll" className="card">
        {protocolPublished ? (
          <MeetingDocumentView doc={doc} kind="protocol" level={2} />
        ) : (
          <>
            <h2>{T.documents.protocol}</h2>
            <p className="muted">{T.public.protocolNotPublished}</p>
          </>
        )}
      </div>
    </>
  );
}
