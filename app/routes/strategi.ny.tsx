import { thisYear } from "#workflows/dates";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/form";
import { newStrategySchema } from "~/domain/strategy.schema";
import { t } from "~/domain/texts";
import { strategyTexts as S } from "~/domain/texts/strategy";
import { forbidden, requireUser } from "~/server/auth.server";
import { mayManageStrategies } from "#workflows/policy";
import { createStrategyDraft } from "~/server/commands/edit-strategy.server";
import { db } from "~/server/db.server";
import { invalid, replyTo } from "~/server/reply.server";

export const meta: MetaFunction = () => [{ title: `${S.newTitle} – ${t.app.name}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!mayManageStrategies(user)) forbidden();
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!mayManageStrategies(user)) forbidden();
  const submission = parseWithZod(await request.formData(), { schema: newStrategySchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await createStrategyDraft(db(), { user, form: submission.value });
  return replyTo(result, submission, (created) =>
    redirect(`/strategi/${created.id}/rediger?melding=opprettet`),
  );
}

export default function NewStrategyPage() {
  const lastResult = useActionData<typeof action>();
  const year = thisYear();
  const [form, fields] = useForm({
    id: "new-strategy",
    lastResult,
    defaultValue: { name: "", periodFrom: String(year + 1), periodTo: String(year + 4) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newStrategySchema }),
    shouldValidate: "onSubmit",
  });
  const labels = { name: S.fields.name, periodFrom: S.fields.periodFrom, periodTo: S.fields.periodTo };
  return (
    <>
      <p className="small muted">
        <Link to="/strategi">← {S.title}</Link>
      </p>
      <h1>{S.newTitle}</h1>
      <div className="card">
        <p>{S.manageIntro}</p>
        <Form method="post" {...getFormProps(form)}>
          <ErrorSummary form={form} labels={labels} />
          <TextField field={fields.name} label={labels.name} hint={S.hints.name} />
          <TextField field={fields.periodFrom} label={labels.periodFrom} type="number" />
          <TextField field={fields.periodTo} label={labels.periodTo} type="number" />
          <button type="submit" className="primary">
            {S.newStrategy}
          </button>
        </Form>
      </div>
    </>
  );
}
