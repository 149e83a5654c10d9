import { Confirmation } from "~/components/confirmation";
import { meetingConfirmation } from "~/domain/texts/confirmations";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { t } from "~/domain/texts";
import { meetingTexts as T } from "~/domain/texts/meetings";
import { forbidden, notFound, requireUser } from "~/server/auth.server";
import { addProtocolAddendum } from "~/server/commands/add-addendum.server";
import { addCase } from "~/server/commands/add-case.server";
import { approveProtocol } from "~/server/commands/approve-protocol.server";
import { cancelMeeting } from "~/server/commands/cancel-meeting.server";
import { declareConflict } from "~/server/commands/declare-conflict.server";
import { removeCase } from "~/server/commands/edit-case.server";
import type { CommandResult } from "~/server/commands/meeting-command.server";
import { publishNotice } from "~/server/commands/publish-notice.server";
import { publishProtocol } from "~/server/commands/publish-protocol.server";
import { recordAttendance } from "~/server/commands/record-attendance.server";
import { recordDecision } from "~/server/commands/record-decision.server";
import { db } from "~/server/db.server";
import { meetingPage } from "~/server/meetings.server";
import { AddCaseForms, AttendanceSection, CaseCard, FormErrors, MeetingActions } from "./sections";
import { parseMeetingAction } from "./parse-action";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.document.bodyName}, møte ${data.document.date} – ${t.app.name}`
      : `${t.errors.notFoundTitle} – ${t.app.name}`,
  },
];

function idFrom(params: { id?: string }): number {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = await meetingPage(idFrom(params), user);
  if (!page) notFound();
  return page;
}

export interface ActionReply {
  key: string;
  fieldErrors: Record<string, string[]>;
  values?: Record<string, string>;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meetingId = idFrom(params);
  const formData = await request.formData();
  const values = Object.fromEntries(
    [...formData.entries()].flatMap(([k, v]) => (typeof v === "string" ? [[k, v.slice(0, 20_000)]] : [])),
  );
  const parsed = parseMeetingAction(formData);
  if (!parsed.ok)
    return data<ActionReply>({ key: parsed.key, fieldErrors: parsed.fieldErrors, values }, { status: 400 });
  const a = parsed.action;
  const base = { user, meetingId, expectedVersion: a.version };
  let result: CommandResult;
  switch (a.intent) {
    case "publishNotice":
      result = await publishNotice(db(), base);
      break;
    case "approveProtocol":
      result = await approveProtocol(db(), base);
      break;
    case "publishProtocol":
      result = await publishProtocol(db(), base);
      break;
    case "cancel":
      result = await cancelMeeting(db(), { ...base, reason: a.reason });
      break;
    case "addendum":
      result = await addProtocolAddendum(db(), { ...base, text: a.text });
      break;
    case "removeCase":
      result = await removeCase(db(), { ...base, itemId: a.itemId });
      break;
    case "conflict":
      result = await declareConflict(db(), { ...base, itemId: a.itemId, userId: a.userId, reason: a.reason });
      break;
    case "addCase":
      result = await addCase(db(), { ...base, form: a });
      break;
    case "decision":
      result = await recordDecision(db(), {
        ...base,
        itemId: a.itemId,
        outcome: a.outcome,
        text: a.text,
        motions: a.motions,
        proposalVersion: a.proposalVersion,
        votes:
          a.mode === "unanimous"
            ? "unanimous"
            : Object.entries(a.votes).flatMap(([userId, choice]) =>
                choice === "" ? [] : [{ userId: Number(userId), choice }],
              ),
      });
      break;
    case "attendance":
      result = await recordAttendance(db(), {
        ...base,
        attendance: {
          members: Object.fromEntries(Object.entries(a.status).map(([k, v]) => [Number(k), v])),
          substitutes: Object.fromEntries(
            Object.entries(a.sub).flatMap(([k, v]) => (v === "" ? [] : [[Number(k), v]])),
          ),
        },
      });
      break;
  }
  // The step's own confirmation, with focus moved to it (the fragment, for a browser without scripts).
  if (result.ok) return redirect(`/moter/${meetingId}?melding=${a.intent}#melding`);
  if (result.status === 400)
    return data<ActionReply>({ key: parsed.key, fieldErrors: result.fieldErrors, values }, { status: 400 });
  if (result.status === 403) forbidden(result.message);
  if (result.status === 404) notFound(result.message);
  return data<ActionReply>(
    { key: parsed.key, fieldErrors: { "": [result.message] }, values },
    { status: 409 },
  );
}

export default function MeetingPage() {
  const page = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  const doc = page.document;
  return (
    <>
      {reply ? null : <Confirmation message={meetingConfirmation(params.get("melding"))} />}
      <p className="small muted">
        <Link to="/moter">← {T.listTitle}</Link>
      </p>
      <h1>
        {doc.bodyName}, møte {doc.date}
      </h1>
      <div className="meta" style={{ marginBottom: "1rem" }}>
        <span className={`badge meeting-${doc.status}`}>{doc.statusLabel}</span>
        <span>
          {T.documents.time} {doc.time}
        </span>
        <span>{doc.place}</span>
      </div>
      <div className="two-col">
        <div>
          <section className="card" aria-labelledby="status-heading">
            <h2 id="status-heading" style={{ marginTop: 0 }}>
              {T.status}: {doc.statusLabel}
            </h2>
            <p>{page.now}</p>
            {doc.cancelled ? (
              <p className="notice warn">{T.cancelled(doc.cancelled.at, doc.cancelled.reason)}</p>
            ) : null}
            <FormErrors reply={reply} formKey="publishNotice" />
            <FormErrors reply={reply} formKey="approveProtocol" />
            <FormErrors reply={reply} formKey="publishProtocol" />
            <MeetingActions page={page} reply={reply} />
          </section>

          <section aria-labelledby="saksliste" className="agenda">
            <h2 id="saksliste">{T.documents.caseList}</h2>
            {page.cases.length === 0 ? <p className="muted">{T.errors.noCases}</p> : null}
            {page.cases.map((c) => (
              <CaseCard key={c.id} page={page} item={c} reply={reply} />
            ))}
            {page.actions.addCase ? <AddCaseForms page={page} reply={reply} /> : null}
          </section>
        </div>
        <aside>
          <section className="card" aria-labelledby="documents-heading">
            <h2 id="documents-heading" style={{ marginTop: 0 }}>
              Dokumenter
            </h2>
            <ul>
              <li>
                <Link to={`/moter/${doc.meetingId}/innkalling`}>{T.printNotice}</Link>
              </li>
              <li>
                <a href={`/moter/${doc.meetingId}/innkalling.docx`} download>
                  {T.docxNotice}
                </a>
              </li>
              <li>
                <Link to={`/moter/${doc.meetingId}/protokoll`}>{T.printProtocol}</Link>
              </li>
              <li>
                <a href={`/moter/${doc.meetingId}/protokoll.docx`} download>
                  {T.docxProtocol}
                </a>
              </li>
            </ul>
          </section>
          <AttendanceSection page={page} reply={reply} />
          <section className="card" aria-labelledby="protokoll">
            <h2 id="protokoll" style={{ marginTop: 0 }}>
              {T.documents.approval}
            </h2>
            <p>{doc.approval ? T.approvedBy(doc.approval.by, doc.approval.at) : T.documents.notApproved}</p>
            {doc.addenda.length > 0 ? (
              <>
                <h3>{T.addenda}</h3>
                {doc.addenda.map((a) => (
                  <div key={a.id}>
                    <p className="small muted">{T.addendumLine(a.at, a.by)}</p>
                    <p className="prose">{a.text}</p>
                  </div>
                ))}
              </>
            ) : null}
            {page.actions.addAddendum ? (
              <Form method="post" className="stack" aria-labelledby="addendum-heading">
                <h3 id="addendum-heading">{T.addAddendum}</h3>
                <FormErrors reply={reply} formKey="addendum" />
                <input type="hidden" name="intent" value="addendum" />
                <input type="hidden" name="version" value={page.version} />
                <div className="field">
                  <label htmlFor="addendum-text">{T.fields.addendum}</label>
                  <textarea id="addendum-text" name="text" rows={3} required />
                </div>
                <button type="submit" className="secondary">
                  {T.addAddendum}
                </button>
              </Form>
            ) : null}
          </section>
        </aside>
      </div>
    </>
  );
}
