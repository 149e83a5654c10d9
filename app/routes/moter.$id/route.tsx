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
import { approveProtocol, signProtocol } from "~/server/commands/approve-protocol.server";
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
import { confirmationNeeded } from "~/server/confirmation.server";
import { ConfirmStep } from "~/components/confirm-step";
import { SignatureBlock } from "~/components/meeting-document";
import { recordTexts } from "~/domain/texts/records";
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
  const irreversible = {
    publishNotice: "publishNotice",
    approveProtocol: "approveProtocol",
    publishProtocol: "publishProtocol",
    sign: "signProtocol",
  } as const;
  const step = irreversible[String(formData.get("intent")) as keyof typeof irreversible];
  const unconfirmed = step ? confirmationNeeded(formData, step) : null;
  if (unconfirmed) return unconfirmed;
  const values = Object.fromEntries(
    [...formData.entries()].flatMap(([k, v]) => (typeof v === "string" ? [[k, v.slice(0, 20_000)]] : [])),
  );
  const parsed = parseMeetingAction(formData);
  if (!parsed.ok)
    return data<ActionReply>({ key: parsed.key, fieldErrors: parsed.fieldErrors, values }, { status: 400 });
  const a = parsed.action;
  const base = { user, meetingId, expectedVersion: a.version };
  let result: CommandResult;
  let anchor = "";
  switch (a.intent) {
    case "publishNotice":
      result = await publishNotice(db(), base);
      break;
    case "approveProtocol":
      result = await approveProtocol(db(), { ...base, signers: Object.keys(a.signers).map(Number) });
      anchor = "#protokoll";
      break;
    case "sign":
      result = await signProtocol(db(), { user, meetingId });
      anchor = "#protokoll";
      break;
    case "publishProtocol":
      result = await publishProtocol(db(), base);
      break;
    case "cancel":
      result = await cancelMeeting(db(), { ...base, reason: a.reason });
      break;
    case "addendum":
      result = await addProtocolAddendum(db(), { ...base, text: a.text });
      anchor = "#protokoll";
      break;
    case "removeCase":
      result = await removeCase(db(), { ...base, itemId: a.itemId });
      anchor = "#saksliste";
      break;
    case "conflict":
      result = await declareConflict(db(), { ...base, itemId: a.itemId, userId: a.userId, reason: a.reason });
      anchor = `#sak-${a.itemId}`;
      break;
    case "addCase": {
      const added = await addCase(db(), { ...base, form: a });
      result = added;
      if (added.ok) anchor = `#sak-${added.itemId}`;
      break;
    }
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
      anchor = `#sak-${a.itemId}`;
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
      anchor = "#fremmote";
      break;
  }
  if (result.ok) return redirect(`/moter/${meetingId}?melding=lagret${anchor}`);
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
  const answer = useActionData<typeof action>();
  const reply = answer && "key" in answer ? answer : undefined;
  const [params] = useSearchParams();
  const doc = page.document;
  const confirm = answer && "confirm" in answer ? answer.confirm : null;
  return (
    <>
      {confirm ? <ConfirmStep consequence={confirm.consequence} values={confirm.values} /> : null}
      {params.get("melding") === "lagret" && !reply ? (
        <p className="notice ok" role="status">
          {T.saved}
        </p>
      ) : null}
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
            <SignatureBlock doc={doc} level={3} />
            {page.signing.maySign ? (
              <Form method="post" className="stack" aria-labelledby="sign-heading">
                <h3 id="sign-heading">{recordTexts.signing.sign}</h3>
                <p className="small">{recordTexts.signing.signIntro}</p>
                <FormErrors reply={reply} formKey="sign" />
                <input type="hidden" name="intent" value="sign" />
                <input type="hidden" name="version" value={page.version} />
                <button type="submit" className="primary">
                  {recordTexts.signing.sign}
                </button>
              </Form>
            ) : (
              <FormErrors reply={reply} formKey="sign" />
            )}
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
