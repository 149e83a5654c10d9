import { Link } from "@remix-run/react";
import { replyFor, TextArea } from "~/components/form";
import { recordTexts as R } from "~/domain/texts/records";
import { meetingTexts as T } from "~/domain/texts/meetings";
import type { MeetingPageData } from "~/server/meetings/page.server";
import { PageForm, usePageForm, type MeetingReply } from "./page-form";

type StatusIntent = "publishNotice" | "approveProtocol" | "publishProtocol";

/** A button that moves the meeting on, with a hint (or why it cannot yet). */
function StatusForm({
  intent,
  page,
  reply,
  label,
  hint,
}: {
  intent: StatusIntent;
  page: MeetingPageData;
  reply: MeetingReply;
  label: string;
  hint?: string;
}) {
  const [form] = usePageForm(intent, reply);
  const hintId = `${intent}-hint`;
  const chooseSigners =
    intent === "approveProtocol" && page.actions.approveProtocol && page.signing.chooseCount > 0;
  const signersError = replyFor(reply, intent)?.error?.signers?.[0];
  return (
    <PageForm form={form} hidden={{ intent, version: page.version }}>
      {chooseSigners ? (
        <fieldset className="field checks" data-invalid={signersError ? "true" : undefined}>
          <legend>{R.signing.chooseSigners(page.signing.chooseCount)}</legend>
          {signersError ? <span className="field-error">{signersError}</span> : null}
          {page.signing.candidates.map((c) => (
            <label key={c.userId}>
              <input type="checkbox" name={`signers.${c.userId}`} value="on" /> {c.name}
            </label>
          ))}
        </fieldset>
      ) : null}
      <button type="submit" className="primary" aria-describedby={hint ? hintId : undefined}>
        {label}
      </button>
      {hint ? (
        <p id={hintId} className="small muted">
          {hint}
        </p>
      ) : null}
    </PageForm>
  );
}

function CancelForm({ page, reply }: { page: MeetingPageData; reply: MeetingReply }) {
  const [form, fields] = usePageForm<{ reason: string }>("cancel", reply);
  return (
    <details className="cancel-meeting" open={reply?.form === "cancel"}>
      <summary>{T.cancel}</summary>
      <PageForm
        form={form}
        hidden={{ intent: "cancel", version: page.version }}
        labels={{ reason: T.fields.cancelReason }}
        className="stack"
      >
        <TextArea field={fields.reason} label={T.fields.cancelReason} rows={2} />
        <button type="submit" className="danger">
          {T.cancel}
        </button>
      </PageForm>
    </details>
  );
}

/** The status changes the organiser may make now. */
export function MeetingActions({ page, reply }: { page: MeetingPageData; reply: MeetingReply }) {
  const a = page.actions;
  return (
    <div className="actions">
      {a.edit ? (
        <Link className="button secondary" to={`/moter/${page.document.meetingId}/rediger`}>
          {T.editTimeAndPlace}
        </Link>
      ) : null}
      {a.publishNotice || a.publishNoticeBlocked ? (
        <StatusForm
          intent="publishNotice"
          page={page}
          reply={reply}
          label={T.publishNotice}
          hint={a.publishNoticeBlocked ? T.errors.noCases : T.publishNoticeHint}
        />
      ) : null}
      {a.approveProtocol || a.approveProtocolBlocked ? (
        <StatusForm
          intent="approveProtocol"
          page={page}
          reply={reply}
          label={T.approveProtocol}
          hint={a.approveProtocolBlocked ? T.errors.undecided : T.approveHint}
        />
      ) : null}
      {a.publishProtocol ? (
        <StatusForm intent="publishProtocol" page={page} reply={reply} label={T.publishProtocol} />
      ) : null}
      {a.cancel ? <CancelForm page={page} reply={reply} /> : null}
    </div>
  );
}

/** A signer's electronic approval of the protocol. */
export function SignForm({ page, reply }: { page: MeetingPageData; reply: MeetingReply }) {
  const [form] = usePageForm("sign", reply);
  return (
    <PageForm
      form={form}
      hidden={{ intent: "sign", version: page.version }}
      className="stack"
      label="sign-heading"
    >
      <h3 id="sign-heading">{R.signing.sign}</h3>
      <p className="small">{R.signing.signIntro}</p>
      <button type="submit" className="primary">
        {R.signing.sign}
      </button>
    </PageForm>
  );
}
