import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, TextArea } from "~/components/form";
import { reportTextSchema } from "~/domain/followup.schema";
import { t } from "~/domain/texts";
import { followupTexts as F } from "~/domain/texts/report";
import { requireUser } from "~/server/auth.server";
import { saveReportTextCommand } from "~/server/commands/save-report-text.server";
import { db } from "~/server/db.server";
import { invalid, replyTo } from "~/server/reply.server";
import { reportTextFormData } from "~/server/followup.server";
import { idParam } from "~/server/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? F.reportTextTitle(data.title) : t.errors.notFoundTitle} – ${t.app.name}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return reportTextFormData(idParam(params.id), user);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const submission = parseWithZod(await request.formData(), { schema: reportTextSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await saveReportTextCommand(db(), { proposalId: id, user, form: submission.value });
  return replyTo(result, submission, () => redirect(`/innspill/${id}?melding=rapporttekst#melding`));
}

export default function ReportTextPage() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "report-text",
    lastResult,
    defaultValue: { version: String(page.version), reportText: page.reportText },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reportTextSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <>
      <p className="small muted">
        <Link to={`/innspill/${page.id}`}>← {page.title}</Link>
      </p>
      <h1>{F.reportTextTitle(page.title)}</h1>
      <div className="card">
        {page.lockedYear !== null ? (
          <p className="notice warn">{F.lockedNotice(page.lockedYear)}</p>
        ) : (
          <Form method="post" {...getFormProps(form)}>
            <ErrorSummary form={form} labels={{ reportText: F.fields.reportText }} />
            <input type="hidden" name="version" value={String(page.version)} />
            <TextArea
              field={fields.reportText}
              label={F.fields.reportText}
              hint={F.hints.reportText}
              rows={8}
            />
            <button type="submit" className="primary">
              {F.saveText}
            </button>
          </Form>
        )}
      </div>
    </>
  );
}
