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
import { ErrorSummary, TextField } from "~/components/form";
import { meetingSchema } from "~/domain/meeting.schema";
import { t } from "~/domain/texts";
import { meetingTexts as T } from "~/domain/texts/meetings";
import { forbidden, notFound, requireUser } from "~/server/auth.server";
import { editMeeting } from "~/server/commands/plan-meeting.server";
import { db } from "~/server/db.server";
import { meetingForEdit } from "~/server/meetings/edit.server";
import { invalid, replyTo } from "~/server/reply.server";
import { idParam } from "~/server/params.server";

export const meta: MetaFunction = () => [{ title: `${T.editTimeAndPlace} – ${t.app.name}` }];

function idFrom(params: { id?: string }): number {
  const id = idParam(params.id);
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const meeting = await meetingForEdit(idFrom(params), user);
  if (!meeting) notFound();
  if (!meeting.mayEdit) forbidden(T.errors.forbidden);
  return meeting;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meeting = await meetingForEdit(idFrom(params), user);
  if (!meeting) notFound();
  const submission = parseWithZod(await request.formData(), { schema: meetingSchema([meeting.bodyId]) });
  if (submission.status !== "success") return invalid(submission);
  const result = await editMeeting(db(), {
    user,
    meetingId: meeting.id,
    expectedVersion: submission.value.version ?? -1,
    form: submission.value,
  });
  return replyTo(result, submission, () => redirect(`/moter/${meeting.id}?melding=lagret`));
}

export default function EditMeetingPage() {
  const meeting = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "meeting",
    lastResult,
    defaultValue: meeting.values,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: meetingSchema([meeting.bodyId]) }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onBlur",
  });
  useEffect(() => {
    if (lastResult?.status === "error") document.getElementById(`${form.id}-summary`)?.focus();
  }, [lastResult, form.id]);
  return (
    <>
      <p className="small muted">
        <Link to={`/moter/${meeting.id}`}>← {meeting.title}</Link>
      </p>
      <h1>{T.editTimeAndPlace}</h1>
      <div className="card">
        <Form method="post" {...getFormProps(form)}>
          <ErrorSummary
            form={form}
            labels={{
              date: T.fields.date,
              startTime: T.fields.startTime,
              endTime: T.fields.endTime,
              place: T.fields.place,
              videoLink: T.fields.videoLink,
            }}
          />
          {form.errors ? (
            <p className="notice error" id={form.errorId}>
              {form.errors[0]}
            </p>
          ) : null}
          <input type="hidden" name="version" value={meeting.version} />
          <input type="hidden" name="bodyId" value={meeting.bodyId} />
          <TextField field={fields.date} label={T.fields.date} type="date" />
          <TextField field={fields.startTime} label={T.fields.startTime} hint="tt:mm" />
          <TextField field={fields.endTime} label={T.fields.endTime} hint="tt:mm" />
          <TextField field={fields.place} label={T.fields.place} hint={T.hints.place} />
          <TextField field={fields.videoLink} label={T.fields.videoLink} />
          <div className="actions">
            <button type="submit" className="primary">
              {t.actions.save}
            </button>
          </div>
        </Form>
      </div>
    </>
  );
}
