import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { Confirmation } from "~/components/confirmation";
import { ErrorSummary, TextField } from "~/components/form";
import { resetRequestSchema } from "~/domain/notification.schema";
import { t } from "~/domain/texts";
import { passwordResetTexts } from "~/domain/texts/password-reset";
import { clientAddress } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { requestPasswordReset } from "~/server/password-reset.server";

const R = passwordResetTexts.request;

export const meta: MetaFunction = () => [{ title: `${R.title} – ${t.app.name}` }];

export function loader(_: LoaderFunctionArgs) {
  return null;
}

/** The same answer whatever the e-mail (see app/server/password-reset.server.ts); only a flood is refused. */
export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: resetRequestSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await requestPasswordReset(db(), {
    email: submission.value.email,
    ip: clientAddress(request),
  });
  if (!result.ok)
    return data(submission.reply({ formErrors: [R.throttled(result.minutes)] }), { status: 429 });
  return redirect("/glemt-passord?sendt=1#melding");
}

export default function ForgotPasswordPage() {
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    id: "reset-request",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetRequestSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <div className="card" style={{ maxWidth: "32rem" }}>
      <h1>{R.title}</h1>
      <Confirmation message={params.get("sendt") === "1" ? R.sent : null} />
      <p>{R.intro}</p>
      <ErrorSummary form={form} labels={{ email: R.email }} />
      <Form method="post" {...getFormProps(form)}>
        <TextField field={fields.email} label={R.email} type="email" autoComplete="username" />
        <button type="submit" className="primary">
          {R.submit}
        </button>
      </Form>
      <p>
        <Link to="/logg-inn">{R.backToLogin}</Link>
      </p>
    </div>
  );
}
