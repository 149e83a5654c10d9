import { parseWithZod } from "@conform-to/zod/v4";
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AccountForm } from "~/components/account-form";
import {} from "~/components/admin";
import { createUserSchema } from "~/domain/admin.schema";
import { t } from "~/domain/texts";
import { replyFor } from "~/components/form";
import { adminTexts } from "~/domain/texts/admin";
import { municipalityChoices } from "~/server/admin.server";
import { invalid, replyTo } from "~/server/reply.server";
import { requireAdmin } from "~/server/auth.server";
import { createAccount } from "~/server/commands/admin-users.server";
import { db } from "~/server/db.server";

const U = adminTexts.users;

export const meta: MetaFunction = () => [{ title: `${U.newUser} – ${t.app.name}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { municipalities: await municipalityChoices() };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAdmin(request);
  const ids = (await municipalityChoices()).map((m) => m.id);
  const submission = parseWithZod(await request.formData(), { schema: createUserSchema(ids) });
  if (submission.status !== "success")
    return invalid(submission, { form: "account", hideFields: ["password"] });
  const result = await createAccount(db(), submission.value);
  return replyTo(result, submission, (done) => redirect(`/admin/brukere/${done.id}?melding=opprettet`), {
    form: "account",
    hideFields: ["password"],
  });
}

export default function NewUserPage() {
  const { municipalities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="small muted">
        <Link to="/admin/brukere">← {U.back}</Link>
      </p>
      <h1>{U.newUser}</h1>
      <div className="card">
        <AccountForm lastResult={replyFor(actionData, "account")} municipalities={municipalities} />
      </div>
    </>
  );
}
