import { today } from "#workflows/dates";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SelectField, TextField } from "~/components/form";
import { startSchema } from "~/domain/followup.schema";
import { t } from "~/domain/texts";
import { followupTexts as F } from "~/domain/texts/report";
import { requireUser } from "~/server/auth.server";
import { startWork } from "~/server/commands/start-work.server";
import { db } from "~/server/db.server";
import { invalid, replyTo } from "~/server/reply.server";
import { followupStep, startFormData } from "~/server/followup.server";
import { idParam } from "~/server/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? F.startTitle(data.title) : t.errors.notFoundTitle} – ${t.app.name}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const step = await followupStep(idParam(params.id), user, "START");
  if (!step.available) throw redirect(`/innspill/${step.proposal.id}`);
  const { leads } = await startFormData();
  return {
    id: step.proposal.id,
    title: step.proposal.title,
    leads,
    defaultValue: {
      version: String(step.proposal.version),
      projectLeadId: String(user.id),
      startDate: today(),
      plannedEnd: "",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const step = await followupStep(idParam(params.id), user, "START");
  if (!step.available) throw redirect(`/innspill/${step.proposal.id}`);
  const submission = parseWithZod(await request.formData(), { schema: startSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await startWork(db(), { proposalId: step.proposal.id, user, form: submission.value });
  return replyTo(result, submission, () => redirect(`/innspill/${step.proposal.id}?melding=START#melding`));
}

export default function StartPage() {
  const { id, title, leads, defaultValue } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "start",
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: startSchema }),
    shouldValidate: "onSubmit",
  });
  const labels = {
    projectLeadId: F.fields.projectLeadId,
    startDate: F.fields.startDate,
    plannedEnd: F.fields.plannedEnd,
  };
  return (
    <>
      <p className="small muted">
        <Link to={`/innspill/${id}`}>← {title}</Link>
      </p>
      <h1>{F.startTitle(title)}</h1>
      <div className="card">
        <p>{F.startIntro}</p>
        <Form method="post" {...getFormProps(form)}>
          <ErrorSummary form={form} labels={labels} />
          <input type="hidden" name="version" value={defaultValue.version} />
          <SelectField
            field={fields.projectLeadId}
            label={labels.projectLeadId}
            placeholder={F.chooseLead}
            options={leads}
          />
          <TextField field={fields.startDate} label={labels.startDate} type="date" hint={F.hints.date} />
          <TextField field={fields.plannedEnd} label={labels.plannedEnd} type="date" hint={F.hints.date} />
          <button type="submit" className="primary">
            {F.start}
          </button>
        </Form>
      </div>
    </>
  );
}
