import { getFormProps, useForm } from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import {
  ErrorSummary,
  HiddenFields,
  replyFor,
  SelectField,
  TextArea,
  TextField,
  UnplacedReply,
  type FormReplyLike,
} from "~/components/form";
import { proposalEventTexts as P } from "~/domain/texts/proposal-events";
import type { ProposalPageData } from "~/server/proposal-page.server";

type Action = ProposalPageData["actions"][number];

/** The form id of a process step on the page; the action names its reply with it. */
export const eventFormId = (type: string) => `event-${type}`;

function EventForm({
  page,
  a,
  reply,
}: {
  page: ProposalPageData;
  a: Action;
  reply: FormReplyLike | undefined;
}) {
  const id = eventFormId(a.type);
  const [form, fields] = useForm<{ reason: string; groupId: string; targetId: string }>({
    id,
    lastResult: replyFor(reply, id),
    shouldValidate: "onSubmit",
  });
  const busy = useNavigation().state === "submitting";
  const label = a.fieldLabel ?? "";
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className="card"
      style={{ background: "#fafbfc" }}
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`} style={{ marginTop: 0 }}>
        {a.label}
      </h3>
      <ErrorSummary form={form} labels={a.field ? { [a.field]: label } : {}} compact />
      <HiddenFields values={{ intent: "event", type: a.type, version: page.proposal.version }} />
      {a.blocked ? (
        <p className="small muted" id={`${id}-blocked`}>
          {P.blockedHint}
        </p>
      ) : null}
      {a.field === "reason" ? <TextArea field={fields.reason} label={label} rows={3} /> : null}
      {a.field === "groupId" ? (
        <SelectField
          field={fields.groupId}
          label={label}
          placeholder={P.chooseGroup}
          options={page.groupOptions.map((g) => ({ value: g.id, label: g.name }))}
        />
      ) : null}
      {a.field === "targetId" ? <TextField field={fields.targetId} label={label} type="number" /> : null}
      <button
        type="submit"
        className={a.closing ? "danger" : "primary"}
        disabled={busy}
        aria-describedby={a.blocked ? `${id}-blocked` : undefined}
      >
        {a.label}
      </button>
    </Form>
  );
}

/** The process steps this user may take now, each a small form that works without JavaScript. */
export function ProcessActions({
  page,
  reply,
}: {
  page: ProposalPageData;
  reply: FormReplyLike | undefined;
}) {
  const forms = new Set(page.actions.filter((a) => !a.page).map((a) => eventFormId(a.type)));
  return (
    <div>
      <UnplacedReply reply={reply} forms={forms} title={P.formGone} />
      {page.actions.map((a) =>
        a.page ? (
          <p key={a.type}>
            <Link className="button" to={`/innspill/${page.proposal.id}/${a.page}`}>
              {a.label}
            </Link>
          </p>
        ) : (
          <EventForm key={a.type} page={page} a={a} reply={reply} />
        ),
      )}
    </div>
  );
}
