import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { criteria } from "#workflows/assessment";
import { CheckboxGroup, ErrorSummary, SelectField, TextArea, TextField } from "~/components/form";
import { assessmentSchema } from "~/domain/assessment.schema";
import { t } from "~/domain/texts";
import { assessmentTexts as A } from "~/domain/texts/assessment";
import { supportTexts } from "~/domain/texts/support";
import { requireUser } from "~/server/auth.server";
import { assessableProposal, assessmentFormData, selectableGoals } from "~/server/assessment.server";
import { idParam } from "~/server/params.server";
import { saveAssessmentCommand } from "~/server/commands/save-assessment.server";
import { db } from "~/server/db.server";
import { invalid, replyTo } from "~/server/reply.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? A.editTitle(data.title) : t.errors.notFoundTitle} – ${t.app.name}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return assessmentFormData(await assessableProposal(idParam(params.id), user));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const proposal = await assessableProposal(idParam(params.id), user);
  const goals = await selectableGoals();
  const submission = parseWithZod(await request.formData(), {
    schema: assessmentSchema(goals.map((g) => g.id)),
  });
  if (submission.status !== "success") return invalid(submission);
  const result = await saveAssessmentCommand(db(), { proposalId: proposal.id, user, form: submission.value });
  return replyTo(result, submission, () => redirect(`/innspill/${proposal.id}?melding=vurdert#melding`));
}

export default function AssessmentPage() {
  const { id, title, goals, goalWarnings, defaultValue, support } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const schema = assessmentSchema(goals.map((g) => g.id));
  const [form, fields] = useForm({
    id: "assessment",
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
  });
  const scoreOptions = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }));
  const labels: Record<string, string> = {
    ...Object.fromEntries(criteria.map((c) => [c.key, A.criteria[c.key].label])),
    adjustment: A.adjustment,
    adjustment_reason: A.adjustmentReason,
    benefits_plan: A.benefitsPlan,
    cost_once: A.costOnce,
    cost_yearly: A.costYearly,
    goalIds: A.goals,
  };
  return (
    <>
      <p className="small muted">
        <Link to={`/innspill/${id}`}>← {title}</Link>
      </p>
      <h1>{A.editTitle(title)}</h1>
      <p className="support-summary">
        <strong>{supportTexts.heading}:</strong> {support}
      </p>
      <div className="card">
        <Form method="post" {...getFormProps(form)}>
          <ErrorSummary form={form} labels={labels} />
          <input type="hidden" name="version" value={String(defaultValue.version)} />
          <fieldset>
            <legend>{A.criteriaLegend(A.scoreHint)}</legend>
            <div className="grid">
              {criteria.map((c) => (
                <SelectField
                  key={c.key}
                  field={fields[c.key]}
                  label={A.criteria[c.key].label}
                  hint={A.criteria[c.key].hint}
                  placeholder={A.notScored}
                  options={scoreOptions}
                />
              ))}
            </div>
          </fieldset>
          <TextField field={fields.adjustment} label={A.adjustment} type="number" />
          <TextArea field={fields.adjustment_reason} label={A.adjustmentReason} rows={2} />
          <TextArea field={fields.benefits_plan} label={A.benefitsPlan} hint={A.benefitsPlanHint} />
          <TextField field={fields.cost_once} label={A.costOnce} type="number" />
          <TextField field={fields.cost_yearly} label={A.costYearly} type="number" />
          <CheckboxGroup
            field={fields.goalIds}
            legend={A.goals}
            hint={A.goalsHint}
            warnings={goalWarnings}
            options={goals.map((g) => ({ value: g.id, label: g.label }))}
          />
          <button type="submit" className="primary">
            {A.save}
          </button>
        </Form>
      </div>
    </>
  );
}
