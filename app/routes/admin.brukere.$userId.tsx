import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { AccountForm } from "~/components/account-form";
import { DoneNotice, period, useFocusSummary, ValidityText } from "~/components/admin";
import { ErrorSummary, replyFor } from "~/components/form";
import { UserIdentities } from "~/components/user-identities";
import { editUserSchema, userStatusSchema } from "~/domain/admin.schema";
import { roleLabels, t } from "~/domain/texts";
import { adminTexts } from "~/domain/texts/admin";
import { municipalityChoices, userEditPage } from "~/server/admin.server";
import { invalid, replyTo, unknownForm } from "~/server/reply.server";
import { idParam } from "~/server/params.server";
import { notFound, requireAdmin } from "~/server/auth.server";
import { setAccountActive, updateAccount } from "~/server/commands/admin-users.server";
import { db } from "~/server/db.server";

const U = adminTexts.users;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? U.editTitle(data.user.name) : t.errors.notFoundTitle} – ${t.app.name}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireAdmin(request);
  const page = await userEditPage(idParam(params.userId));
  if (!page) notFound();
  return { ...page, isSelf: page.user.id === actor.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireAdmin(request);
  const userId = idParam(params.userId);
  const here = `/admin/brukere/${userId}`;
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "save") {
    const ids = (await municipalityChoices()).map((m) => m.id);
    const submission = parseWithZod(formData, { schema: editUserSchema(ids) });
    if (submission.status !== "success")
      return invalid(submission, { form: "account", hideFields: ["password"] });
    const result = await updateAccount(db(), { actor, userId, form: submission.value });
    return replyTo(result, submission, () => redirect(`${here}?melding=lagret`), {
      form: "account",
      hideFields: ["password"],
    });
  }
  if (intent === "deactivate" || intent === "reactivate") {
    const submission = parseWithZod(formData, { schema: userStatusSchema });
    if (submission.status !== "success") return invalid(submission, { form: "status" });
    const active = submission.value.intent === "reactivate";
    const result = await setAccountActive(db(), { actor, userId, active });
    return replyTo(
      result,
      submission,
      () => redirect(`${here}?melding=${active ? "aktivert" : "deaktivert"}`),
      { form: "status" },
    );
  }
  return unknownForm(adminTexts.errors.unknownIntent);
}

export default function EditUserPage() {
  const { user, municipalities, memberships, identities, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const accountReply = replyFor(actionData, "account");
  return (
    <>
      <p className="small muted">
        <Link to="/admin/brukere">← {U.back}</Link>
      </p>
      <h1>{U.editTitle(user.name)}</h1>
      <DoneNotice
        messages={{
          opprettet: U.created,
          lagret: U.saved,
          deaktivert: U.deactivated,
          aktivert: U.reactivated,
        }}
      />
      {actionData?.form === "" ? (
        <p className="notice error" role="alert">
          {actionData.result.error?.[""]?.[0]}
        </p>
      ) : null}
      <div className="two-col">
        <div className="card">
          <AccountForm
            key={location.key}
            lastResult={accountReply}
            municipalities={municipalities}
            account={user}
          />
        </div>
        <div>
          <section className="card" aria-labelledby="status-heading">
            <h2 id="status-heading" style={{ marginTop: 0 }}>
              {U.accountStatus}
            </h2>
            <p>
              <span className={`badge ${user.active === 1 ? "validity-active" : "validity-ended"}`}>
                {user.active === 1 ? U.active : U.inactive}
              </span>
            </p>
            {isSelf ? (
              <p className="muted small">{adminTexts.errors.selfDeactivate}</p>
            ) : (
              <StatusForm
                key={location.key}
                active={user.active === 1}
                lastResult={replyFor(actionData, "status")}
              />
            )}
          </section>
          <UserIdentities identities={identities} />
          <section className="card" aria-labelledby="memberships-heading">
            <h2 id="memberships-heading" style={{ marginTop: 0 }}>
              {U.memberships}
            </h2>
            {memberships.length === 0 ? (
              <p className="muted">{U.noMemberships}</p>
            ) : (
              <ul className="plain-list">
                {memberships.map((m) => (
                  <li key={m.id}>
                    <Link to={`/admin/organisasjon/${m.body_id}`}>{m.body_name}</Link>: {roleLabels[m.role]}
                    {m.municipality_name ? ` (${m.municipality_name})` : ""}
                    <br />
                    <span className="small muted">{period(m.valid_from, m.valid_to)}</span>{" "}
                    <ValidityText status={m.status} from={m.valid_from} to={m.valid_to} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </>
  );
}

function StatusForm({
  active,
  lastResult,
}: {
  active: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useForm({
    id: "status",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: userStatusSchema }),
    shouldValidate: "onSubmit",
  });
  useFocusSummary(form.id, lastResult);
  const label = active ? U.deactivate : U.reactivate;
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} labels={{ intent: label }} />
      <p className="small">{active ? U.deactivateHint : U.reactivateHint}</p>
      <button
        type="submit"
        id={fields.intent.id}
        name="intent"
        value={active ? "deactivate" : "reactivate"}
        className={active ? "danger" : "secondary"}
      >
        {label}
      </button>
    </Form>
  );
}
