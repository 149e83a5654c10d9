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
import { ErrorSummary, SelectField, TextField } from "~/components/form";
import { meetingSchema } from "~/domain/meeting.schema";
import { t } from "~/domain/texts";
import { meetingTexts as T } from "~/domain/texts/meetings";
import { forbidden, requireUser } from "~/server/auth.server";
import { planMeeting } from "~/server/commands/plan-meeting.server";
import { db } from "~/server/db.server";
import { planChoices } from "~/server/meetings/list.server";
import { invalid, replyTo } from "~/server/reply.server";

export const meta: MetaFunction = () => [{ title: `${T.planTitle} – ${t.app.name}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const organ = Number(new URL(request.url).searchParams.get("organ"));
  const choices = await planChoices(user, Number.isSafeInteger(organ) ? organ : null);
  if (choices.bodies.length === 0) forbidden(T.errors.forbidden);
  return choices;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const choices = await planChoices(user, null);
  if (choices.bodies.length === 0) forbidden(T.errors.forbidden);
  const formData = await request.formData();
  // Any existing body parses; the command answers 403 for one the user may not organise.
  const submission = parseWithZod(formData, { schema: meetingSchema(choices.allBodyIds) });
  if (submission.status !== "success") return invalid(submission);
  const result = await planMeeting(db(), { user, form: submission.value });
  return replyTo(result, submission, (planned) => redirect(`/moter/${planned.id}`));
}

export default function PlanMeetingPage() {
  const { bodies, chosen, suggestion } = useLoaderData<typeof loader>();
  if (!chosen)
    return (
      <>
        <h1>{T.planTitle}</h1>
        <section className="card" aria-labelledby="choose-body">
          <h2 id="choose-body" style={{ marginTop: 0 }}>
            {T.chooseBody}
          </h2>
          <ul>
            {bodies.map((b) => (
              <li key={b.id}>
                <Link to={`/moter/ny?organ=${b.id}`}>{b.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      </>
    );
  // Keyed by body: choosing another body starts a fresh form with its own suggestion.
  return <PlanForm key={chosen.id} bodies={bodies} chosen={chosen} suggestion={suggestion} />;
}

type Choices = ReturnType<typeof useLoaderData<typeof loader>>;

function PlanForm({
  bodies,
  chosen,
  suggestion,
}: {
  bodies: Choices["bodies"];
  chosen: NonNullable<Choices["chosen"]>;
  suggestion: Choices["suggestion"];
}) {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "plan",
    lastResult,
    defaultValue: {
      bodyId: String(chosen.id),
      date: suggestion?.date ?? "",
      startTime: chosen.kind === "board" ? "10:00" : "09:00",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: meetingSchema(bodies.map((b) => b.id)) }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onBlur",
  });
  useEffect(() => {
    if (lastResult?.status === "error") document.getElementById(`${form.id}-summary`)?.focus();
  }, [lastResult, form.id]);

  return (
    <>
      <p className="small muted">
        <Link to="/moter">← {T.listTitle}</Link>
      </p>
      <h1>
        {T.planTitle}: {chosen.name}
      </h1>
      <div className="card">
        <Form method="post" {...getFormProps(form)}>
          <ErrorSummary
            form={form}
            labels={{
              bodyId: T.fields.body,
              date: T.fields.date,
              startTime: T.fields.startTime,
              endTime: T.fields.endTime,
              place: T.fields.place,
              videoLink: T.fields.videoLink,
            }}
          />
          {suggestion ? <p className="notice">{suggestion.text}</p> : null}
          <SelectField
            field={fields.bodyId}
            label={T.fields.body}
            options={bodies.map((b) => ({ value: b.id, label: b.name }))}
          />
          <TextField field={fields.date} label={T.fields.date} type="date" />
          <TextField field={fields.startTime} label={T.fields.startTime} hint="tt:mm" />
          <TextField field={fields.endTime} label={T.fields.endTime} hint="tt:mm" />
          <TextField field={fields.place} label={T.fields.place} hint={T.hints.place} />
          <TextField field={fields.videoLink} label={T.fields.videoLink} />
          <div className="actions">
            <button type="submit" className="primary">
              {T.plan}
            </button>
          </div>
        </Form>
      </div>
    </>
  );
}
