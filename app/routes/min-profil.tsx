import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/form";
import { changePasswordSchema } from "~/domain/profile.schema";
import { t } from "~/domain/texts";
import { securityTexts } from "~/domain/texts/security";
import { requireUser } from "~/server/auth.server";
import { changeOwnPassword } from "~/server/commands/change-own-password.server";
import { db } from "~/server/db.server";
import { invalid, replyTo } from "~/server/reply.server";

const P = securityTexts.profile;
const hidden = ["currentPassword", "newPassword", "repeatPassword"];

export const meta: MetaFunction = () => [{ title: `${P.title} – ${t.app.name}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { name: user.name, email: user.email, mustChange: user.mustChangePassword === true };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: changePasswordSchema });
  if (submission.status !== "success") return invalid(submission, { hideFields: hidden });
  const result = await changeOwnPassword(db(), { user, form: submission.value });
  return replyTo(result, submission, () => redirect("/min-profil?melding=passord"), { hideFields: hidden });
}

export default function ProfilePage() {
  const { name, email, mustChange } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    id: "password",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <>
      <h1>{P.title}</h1>
      {mustChange ? (
        <p className="notice warn" role="alert">
          {P.mustChange}
        </p>
      ) : null}
      {params.get("melding") === "passord" ? (
        <p className="notice ok" role="status">
          {P.changed}
        </p>
      ) : null}
      <dl className="card">
        <dt>{P.name}</dt>
        <dd>{name}</dd>
        <dt>{P.email}</dt>
        <dd>{email}</dd>
      </dl>
      <div className="card" style={{ maxWidth: "32rem" }}>
        <h2>{P.changePassword}</h2>
        <ErrorSummary
          form={form}
          labels={{
            currentPassword: P.currentPassword,
            newPassword: P.newPassword,
            repeatPassword: P.repeatPassword,
          }}
        />
        <Form method="post" {...getFormProps(form)}>
          <TextField
            field={fields.currentPassword}
            label={P.currentPassword}
            type="password"
            autoComplete="current-password"
          />
          <TextField
            field={fields.newPassword}
            label={P.newPassword}
            hint={P.newPasswordHint}
            type="password"
            autoComplete="new-password"
          />
          <TextField
            field={fields.repeatPassword}
            label={P.repeatPassword}
            type="password"
            autoComplete="new-password"
          />
          <button type="submit" className="primary">
            {P.submit}
          </button>
        </Form>
      </div>
    </>
  );
}
