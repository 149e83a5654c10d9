import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { ErrorSummary, TextArea, TextField } from "~/components/form";
import { editCaseSchema } from "~/domain/meeting.schema";
import { t } from "~/domain/texts";
import { meetingTexts as T } from "~/domain/texts/meetings";
import { recordTexts } from "~/domain/texts/records";
import { forbidden, notFound, requireUser } from "~/server/auth.server";
import { editCase } from "~/server/commands/edit-case.server";
import { db } from "~/server/db.server";
import { caseForEdit } from "~/server/meetings/edit.server";
import { invalid, replyTo } from "~/server/reply.server";
import { idParam } from "~/server/params.server";

export const meta: MetaFunction = () => [{ title: `${T.editCase} – ${t.app.name}` }];

function ids(params: { id?: string; itemId?: string }) {
  return { meetingId: idParam(params.id), itemId: idParam(params.itemId) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { meetingId, itemId } = ids(params);
  const item = await caseForEdit(meetingId, itemId, user);
  if (!item) notFound();
  if (!item.mayEdit) forbidden(T.errors.forbidden);
  return item;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { meetingId, itemId } = ids(params);
  const item = await caseForEdit(meetingId, itemId, user);
  if (!item) notFound();
  const formData = await request.formData();
  const meetingVersion = Number(formData.get("meetingVersion"));
  formData.delete("meetingVersion");
  const submission = parseWithZod(formData, { schema: editCaseSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await editCase(db(), {
    user,
    meetingId,
    meetingVersion: Number.isSafeInteger(meetingVersion) ? meetingVersion : -1,
    itemId,
    form: submission.value,
  });
  return replyTo(result, submission, () => redirect(`/moter/${meetingId}?melding=lagret#sak-${itemId}`));
}

export default function EditCasePage() {
  const item = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "case",
    lastResult,
    defaultValue: item.values,
    onValidate: ({ formData }) => {
      formData.delete("meetingVersion");
      return parseWithZod(formData, { schema: editCaseSchema });
    },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onBlur",
  });
  useEffect(() => {
    if (lastResult?.status === "error") document.getElementById(`${form.id}-summary`)?.focus();
  }, [lastResult, form.id]);
  return (
    <>
      <p className="small muted">
        <Link to={`/moter/${item.meetingId}`}>← {item.meetingTitle}</Link>
      </p>
      <h1>
        {T.editCase}
        {item.label ? `: ${item.label}` : ""}
      </h1>
      <div className="card">
        <Form method="post" {...getFormProps(form)}>
          <ErrorSummary
            form={form}
            labels={{
              title: T.fields.title,
              presentation: T.fields.presentation,
              recommendation: T.fields.recommendation,
              exemptBasis: T.fields.exemptBasis,
              liftReason: recordTexts.exempt.liftReason,
            }}
          />
          {form.errors ? (
            <p className="notice error" id={form.errorId}>
              {form.errors[0]}
            </p>
          ) : null}
          <input type="hidden" name="version" value={item.values.version} />
          <input type="hidden" name="meetingVersion" value={item.meetingVersion} />
          <TextField field={fields.title} label={T.fields.title} />
          <TextArea
            field={fields.presentation}
            label={T.fields.presentation}
            hint={T.hints.presentation}
            rows={10}
          />
          <TextArea
            field={fields.recommendation}
            label={T.fields.recommendation}
            hint={T.hints.recommendation}
            rows={4}
          />
          <div className="field checks">
            <label>
              <input
                type="checkbox"
                name="exempt"
                value="on"
                defaultChecked={item.values.exempt === "on"}
                form={form.id}
              />
              {T.fields.exempt}
            </label>
          </div>
          <TextField field={fields.exemptBasis} label={T.fields.exemptBasis} hint={T.hints.exemptBasis} />
          {item.values.exempt === "on" ? (
            <TextArea
              field={fields.liftReason}
              label={recordTexts.exempt.liftReason}
              hint={recordTexts.exempt.liftReasonHint}
              rows={3}
            />
          ) : null}
          <div className="actions">
            <button type="submit" className="primary">
              {T.saveCase}
            </button>
            <Link to={`/moter/${item.meetingId}`}>{t.actions.cancel}</Link>
          </div>
        </Form>
      </div>
    </>
  );
}
