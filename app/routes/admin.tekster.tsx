import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DoneNotice, useFocusSummary } from "~/components/admin";
import { ErrorSummary, replyFor, TextArea, UnplacedReply } from "~/components/form";
import { siteTextSchema } from "~/domain/site-text.schema";
import { t } from "~/domain/texts";
import { adminTexts } from "~/domain/texts/admin";
import { siteTexts, type SiteTextKey } from "~/domain/texts/site";
import { invalid, type FormReply } from "~/server/reply.server";
import { requireAdmin } from "~/server/auth.server";
import { saveSiteTextCommand } from "~/server/commands/save-site-text.server";
import { db } from "~/server/db.server";
import { editableSiteTexts } from "~/server/site-texts.server";

const A = siteTexts.admin;

export const meta: MetaFunction = () => [{ title: `${A.title} – ${t.app.name}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { texts: await editableSiteTexts() };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const formData = await request.formData();
  const form = String(formData.get("key") ?? "");
  const submission = parseWithZod(formData, { schema: siteTextSchema });
  if (submission.status !== "success") return invalid(submission, { form: form || "text" });
  const result = await saveSiteTextCommand(db(), {
    key: submission.value.key as SiteTextKey,
    body: submission.value.body,
    version: submission.value.version,
    userId: admin.id,
  });
  if (!result.ok)
    return data<FormReply>({ form, result: submission.reply({ formErrors: [A.conflict] }) }, { status: 409 });
  return redirect(`/admin/tekster?melding=lagret#${submission.value.key}`);
}

function TextForm({
  text,
  lastResult,
}: {
  text: { key: string; label: string; body: string; version: number };
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useForm({
    id: text.key,
    lastResult,
    defaultValue: { key: text.key, body: text.body, version: String(text.version) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: siteTextSchema }),
    shouldValidate: "onSubmit",
  });
  useFocusSummary(form.id, lastResult);
  return (
    <Form method="post" {...getFormProps(form)} className="card" aria-labelledby={`${text.key}-heading`}>
      <h2 id={`${text.key}-heading`} style={{ marginTop: 0 }}>
        {text.label}
      </h2>
      <ErrorSummary form={form} labels={{ body: text.label }} />
      <input type="hidden" name="key" value={text.key} />
      <input type="hidden" name="version" value={text.version} />
      <TextArea field={fields.body} label={text.label} rows={text.key === "kundeservice" ? 4 : 14} />
      <button type="submit">{A.save}</button>
    </Form>
  );
}

export default function SiteTextsAdmin() {
  const { texts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="small muted">
        <Link to="/admin">← {adminTexts.overview.title}</Link>
      </p>
      <h1>{A.title}</h1>
      <DoneNotice messages={{ lagret: A.saved }} />
      {/* A reply for no form on the page (its hidden fields were changed) still says something. */}
      <UnplacedReply
        reply={actionData}
        forms={new Set(texts.map((x) => x.key))}
        title={adminTexts.errors.formGone}
      />
      <p>{A.intro}</p>
      {texts.map((text) => (
        <TextForm
          key={`${text.key}-${text.version}`}
          text={text}
          lastResult={replyFor(actionData, text.key)}
        />
      ))}
    </>
  );
}
