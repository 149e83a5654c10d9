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
import { ErrorSummary, TextArea, TextField } from "~/components/form";
import { completeSchema } from "~/domain/followup.schema";
import { formatDate, t } from "~/domain/texts";
import { followupTexts as F } from "~/domain/texts/report";
import { requireUser } from "~/server/auth.server";
import { completeWork } from "~/server/commands/complete-work.server";
import { db } from "~/server/db.server";
import { invalid, replyTo } from "~/server/reply.server";
import { completeFormData, followupStep } from "~/server/followup.server";
import { idParam } from "~/server/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? F.completeTitle(data.title) : t.errors.notFoundTitle} – ${t.app.name}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const step = await followupStep(idParam(params.id), user, "COMPLETE");
  if (!step.available) throw redirect(`/innspill/${step.proposal.id}`);
  const recorded = await completeFormData(step.proposal.id);
  return {
    id: step.proposal.id,
    title: step.proposal.title,
    today: today(),
    recorded,
    defaultValue: {
      version: String(step.proposal.version),
      completedOn: today(),
      realisedBenefits: "",
      reportText: recorded.reportText,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const step = await followupStep(idParam(params.id), user, "COMPLETE");
  if (!step.available) throw redirect(`/innspill/${step.proposal.id}`);
  const submission = parseWithZod(await request.formData(), { schema: completeSchema(today()) });
  if (submission.status !== "success") return invalid(submission);
  const result = await completeWork(db(), { proposalId: step.proposal.id, user, form: submission.value });
  return replyTo(result, submission, () =>
    redirect(`/innspill/${step.proposal.id}?melding=COMPLETE#melding`),
  );
}

export default function CompletePage() {
  const { id, title, today: day, recorded, defaultValue } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const schema = completeSchema(day);
  const [form, fields] = useForm({
    id: "complete",
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
  });
  const labels = {
    completedOn: F.fields.completedOn,
    realisedBenefits: F.fields.realisedBenefits,
    reportText: F.fields.reportText,
  };
  return (
    <>
      <p className="small muted">
        <Link to={`/innspill/${id}`}>← {title}</Link>
      </p>
      <h1>{F.completeTitle(title)}</h1>
      <div className="two-col">
        <div className="card">
          <p>{F.completeIntro}</p>
          <Form method="post" {...getFormProps(form)}>
            <ErrorSummary form={form} labels={labels} />
            <input type="hidden" name="version" value={defaultValue.version} />
            <TextField
              field={fields.completedOn}
              label={labels.completedOn}
              type="date"
              hint={F.hints.date}
            />
            <TextArea
              field={fields.realisedBenefits}
              label={labels.realisedBenefits}
              hint={F.hints.realisedBenefits}
            />
            <TextArea
              field={fields.reportText}
              label={labels.reportText}
              hint={F.hints.reportText}
              rows={6}
            />
            <button type="submit" className="primary">
              {F.complete}
            </button>
          </Form>
        </div>
        <aside>
          <section className="card" aria-labelledby="plan-heading">
            <h2 id="plan-heading" style={{ marginTop: 0 }}>
              {F.benefitsPlan}
            </h2>
            <p className="prose">{recorded.benefitsPlan || F.noBenefitsPlan}</p>
            <dl className="facts">
              <dt>{F.projectLead}</dt>
              <dd>{recorded.projectLeadName ?? F.notGiven}</dd>
              <dt>{F.startDate}</dt>
              <dd>{recorded.startDate ? formatDate(recorded.startDate) : F.notGiven}</dd>
              <dt>{F.plannedEnd}</dt>
              <dd>{recorded.plannedEnd ? formatDate(recorded.plannedEnd) : F.notGiven}</dd>
            </dl>
          </section>
        </aside>
      </div>
    </>
  );
}
