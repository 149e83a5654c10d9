import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Confirmation } from "~/components/confirmation";
import { ErrorSummary, RadioGroup, replyFor, TextField } from "~/components/form";
import { NewPasswordFields } from "~/components/new-password-fields";
import { preferencesSchema } from "~/domain/notification.schema";
import { changePasswordSchema } from "~/domain/profile.schema";
import { notificationCenterTexts } from "~/domain/texts/notification-center";
import { t } from "~/domain/texts";
import { securityTexts } from "~/domain/texts/security";
import { requireUser } from "~/server/auth.server";
import { changeOwnPassword } from "~/server/commands/change-own-password.server";
import { saveNotificationPreferences } from "~/server/commands/notification-center.server";
import { db } from "~/server/db.server";
import { preferencesPanel } from "~/server/notification-center.server";
import { invalid, replyTo } from "~/server/reply.server";

const P = securityTexts.profile;
const V = notificationCenterTexts.preferences;
const hidden = ["currentPassword", "newPassword", "repeatPassword"];

export const meta: MetaFunction = () => [{ title: `${P.title} – ${t.app.name}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    name: user.name,
    email: user.email,
    mustChange: user.mustChangePassword === true,
    preferences: await preferencesPanel(user),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  if (formData.get("intent") === "preferences") {
    const submission = parseWithZod(formData, { schema: preferencesSchema });
    if (submission.status !== "success") return invalid(submission, { form: "preferences" });
    const result = await saveNotificationPreferences(db(), { user, form: submission.value });
    return replyTo(result, submission, () => redirect("/min-profil?melding=varsler#melding"), {
      form: "preferences",
    });
  }
  // The password form has no intent (it was the page's only form).
  const submission = parseWithZod(formData, { schema: changePasswordSchema });
  if (submission.status !== "success") return invalid(submission, { form: "password", hideFields: hidden });
  const result = await changeOwnPassword(db(), { user, form: submission.value });
  return replyTo(result, submission, () => redirect("/min-profil?melding=passord"), {
    form: "password",
    hideFields: hidden,
  });
}

export default function ProfilePage() {
  const { name, email, mustChange, preferences } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const lastResult = replyFor(reply, "password");
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
          <NewPasswordFields fields={fields} texts={P} />
          <button type="submit" className="primary">
            {P.submit}
          </button>
        </Form>
      </div>
      <PreferencesSection preferences={preferences} lastResult={replyFor(reply, "preferences")} />
    </>
  );
}

function PreferencesSection({
  preferences,
  lastResult,
}: {
  preferences: Awaited<ReturnType<typeof loader>>["preferences"];
  lastResult: ReturnType<typeof replyFor>;
}) {
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    id: "preferences",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: preferencesSchema }),
    shouldValidate: "onSubmit",
  });
  const options = preferences.modes.map((m) => [m.mode, m.label] as const);
  return (
    <section className="card" id="varsler" aria-labelledby="varsler-heading" tabIndex={-1}>
      <h2 id="varsler-heading">{V.heading}</h2>
      <Confirmation message={params.get("melding") === "varsler" ? V.saved : null} />
      <p>{V.intro}</p>
      <ErrorSummary
        form={form}
        labels={Object.fromEntries(preferences.kinds.map((k) => [k.kind, k.label]))}
        compact
      />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="preferences" />
        {preferences.kinds.map((k) => (
          <RadioGroup
            key={k.kind}
            field={fields[k.kind]}
            legend={k.label}
            options={options}
            defaultValue={k.mode}
          />
        ))}
        <button type="submit" className="primary">
          {V.submit}
        </button>
      </Form>
    </section>
  );
}
