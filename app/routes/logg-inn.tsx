import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Confirmation } from "~/components/confirmation";
import { ErrorSummary, TextField } from "~/components/form";
import { IssuerButtons } from "~/components/issuer-buttons";
import { loginSchema } from "~/domain/auth.schema";
import { t } from "~/domain/texts";
import { passwordResetTexts } from "~/domain/texts/password-reset";
import { signInTexts } from "~/domain/texts/sign-in";
import { clientAddress, getUser, login, safeRedirect } from "~/server/auth.server";
import { signInOptions } from "~/server/oidc.server";

export const meta: MetaFunction = () => [{ title: `${t.login.title} – ${t.app.name}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return signInOptions(new URL(request.url).searchParams.get("feil"));
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: loginSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const result = await login({ email, password, ip: clientAddress(request), request });
  if (!result.ok) {
    const message = result.error === "locked" ? t.login.locked(result.minutes) : t.login.invalid;
    return data(submission.reply({ formErrors: [message], hideFields: ["password"] }), {
      status: result.error === "locked" ? 429 : 401,
    });
  }
  return redirect(safeRedirect(redirectTo), { headers: result.headers });
}

export default function LoginPage() {
  const { issuers, localLogin, error } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "/";
  return (
    <div className="card" style={{ maxWidth: "32rem" }}>
      <h1>{t.login.title}</h1>
      <Confirmation
        message={searchParams.get("melding") === "nytt-passord" ? passwordResetTexts.choose.done : null}
      />
      {error ? (
        <p className="notice error" role="alert">
          {error}
        </p>
      ) : null}
      <IssuerButtons issuers={issuers} redirectTo={redirectTo} />
      {localLogin === "off" ? (
        <p>{issuers.length > 0 ? signInTexts.localOff : signInTexts.noWayIn}</p>
      ) : (
        <LocalLoginForm adminsOnly={localLogin === "admins"} showHeading={issuers.length > 0} />
      )}
    </div>
  );
}

function LocalLoginForm({ adminsOnly, showHeading }: { adminsOnly: boolean; showHeading: boolean }) {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <div>
      {showHeading ? <h2>{signInTexts.localHeading}</h2> : null}
      {adminsOnly ? <p className="muted">{signInTexts.localAdminsOnly}</p> : null}
      <ErrorSummary form={form} labels={{ email: t.login.email, password: t.login.password }} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <TextField field={fields.email} label={t.login.email} type="email" autoComplete="username" />
        <TextField
          field={fields.password}
          label={t.login.password}
          type="password"
          autoComplete="current-password"
        />
        <button type="submit" className="primary">
          {t.login.submit}
        </button>
      </Form>
      <p>
        <Link to="/glemt-passord">{passwordResetTexts.link}</Link>
      </p>
    </div>
  );
}
