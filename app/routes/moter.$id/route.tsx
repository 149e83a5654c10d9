import { Confirmation } from "~/components/confirmation";
import { meetingConfirmation } from "~/domain/texts/confirmations";
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { UnplacedReply } from "~/components/form";
import { meetingPageSchema, type MeetingPageAction } from "~/domain/meeting.schema";
import { t } from "~/domain/texts";
import { meetingTexts as T } from "~/domain/texts/meetings";
import { notFound, requireUser, type CurrentUser } from "~/server/auth.server";
import { addProtocolAddendum } from "~/server/commands/add-addendum.server";
import { addCase } from "~/server/commands/add-case.server";
import { approveProtocol, signProtocol } from "~/server/commands/approve-protocol.server";
import { cancelMeeting } from "~/server/commands/cancel-meeting.server";
import { declareConflict } from "~/server/commands/declare-conflict.server";
import { removeCase } from "~/server/commands/edit-case.server";
import { publishNotice } from "~/server/commands/publish-notice.server";
import { publishProtocol } from "~/server/commands/publish-protocol.server";
import { recordAttendance } from "~/server/commands/record-attendance.server";
import { recordDecision } from "~/server/commands/record-decision.server";
import type { CommandResult } from "~/server/commands/result.server";
import { db } from "~/server/db.server";
import { meetingPage } from "~/server/meetings/page.server";
import { replyTo, invalid } from "~/server/reply.server";
import { confirmationNeeded, type IrreversibleStep } from "~/server/confirmation.server";
import { ConfirmStep } from "~/components/confirm-step";
import { SignatureBlock } from "~/components/meeting-document";
import { AddCaseForms } from "./add-case-forms";
import { AddendumForm } from "./addendum-form";
import { AttendanceSection } from "./attendance-section";
import { CaseCard } from "./case-card";
import { formKey, meetingFormKeys } from "./form-keys";
import { MeetingActions, SignForm } from "./meeting-actions";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${T.meetingTitle(data.document.bodyName, data.document.date)} – ${t.app.name}`
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
  const substituteQuery = new URL(request.url).searchParams.get("vara") ?? "";
  const page = await meetingPage(idFrom(params), user, substituteQuery);
  if (!page) notFound();
  return page;
}

const irreversible: Record<string, IrreversibleStep | undefined> = {
  publishNotice: "publishNotice",
  approveProtocol: "approveProtocol",
  publishProtocol: "publishProtocol",
  sign: "signProtocol",
};

/** Runs the command a form of the page asks for; where the page goes afterwards (an anchor). */
async function run(
  action: MeetingPageAction,
  base: { user: CurrentUser; meetingId: number; expectedVersion: number },
): Promise<{ result: CommandResult<{ itemId?: number }>; anchor: string }> {
  switch (action.intent) {
    case "publishNotice":
      return { result: await publishNotice(db(), base), anchor: "" };
    case "approveProtocol":
      return {
        result: await approveProtocol(db(), { ...base, signers: action.signers }),
        anchor: "#protokoll",
      };
    case "sign":
      return {
        result: await signProtocol(db(), { user: base.user, meetingId: base.meetingId }),
        anchor: "#protokoll",
      };
    case "publishProtocol":
      return { result: await publishProtocol(db(), base), anchor: "" };
    case "cancel":
      return { result: await cancelMeeting(db(), { ...base, reason: action.reason }), anchor: "" };
    case "addendum":
      return {
        result: await addProtocolAddendum(db(), { ...base, text: action.text }),
        anchor: "#protokoll",
      };
    case "removeCase":
      return { result: await removeCase(db(), { ...base, itemId: action.itemId }), anchor: "#saksliste" };
    case "conflict":
      return {
        result: await declareConflict(db(), { ...base, ...action }),
        anchor: `#sak-${action.itemId}`,
      };
    case "addCase": {
      const result = await addCase(db(), { ...base, form: action });
      return { result, anchor: result.ok ? `#sak-${result.itemId}` : "" };
    }
    case "decision":
      return { result: await recordDecision(db(), { ...base, ...action }), anchor: `#sak-${action.itemId}` };
    case "attendance":
      return {
        result: await recordAttendance(db(), { ...base, attendance: action.attendance }),
        anchor: "#fremmote",
      };
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meetingId = idFrom(params);
  const formData = await request.formData();
  // Irreversible steps are confirmed first, with their consequence in one sentence.
  const step = irreversible[String(formData.get("intent"))];
  const unconfirmed = step ? confirmationNeeded(formData, step) : null;
  if (unconfirmed) return unconfirmed;
  const form = formKey(Object.fromEntries(formData));
  const submission = parseWithZod(formData, { schema: meetingPageSchema });
  if (submission.status !== "success") return invalid(submission, { form });
  const { result } = await run(submission.value, {
    user,
    meetingId,
    expectedVersion: submission.value.version,
  });
  // The step's own confirmation, with focus moved to it (the fragment, for a browser without scripts).
  return replyTo(
    result,
    submission,
    () => redirect(`/moter/${meetingId}?melding=${submission.value.intent}#melding`),
    { form },
  );
}

export default function MeetingPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const confirm = answer && "confirm" in answer ? answer.confirm : null;
  const reply = answer && !("confirm" in answer) ? answer : undefined;
  const [params] = useSearchParams();
  const doc = page.document;
  return (
    <>
      {confirm ? <ConfirmStep consequence={confirm.consequence} values={confirm.values} /> : null}
      {reply ? null : <Confirmation message={meetingConfirmation(params.get("melding"))} />}
      <p className="small muted">
        <Link to="/moter">← {T.listTitle}</Link>
      </p>
      <h1>{T.meetingTitle(doc.bodyName, doc.date)}</h1>
      <UnplacedReply reply={reply} forms={meetingFormKeys(page)} title={T.errors.formGone} />
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
              {T.documentsHeading}
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
            {page.signing.maySign ? <SignForm page={page} reply={reply} /> : null}
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
            {page.actions.addAddendum ? <AddendumForm page={page} reply={reply} /> : null}
          </section>
        </aside>
      </div>
    </>
  );
}
