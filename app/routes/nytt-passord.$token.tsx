import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";
import { NewPasswordFields } from "~/components/new-password-fields";
import { newPasswordSchema } from "~/domain/notification.schema";
import { t } from "~/domain/texts";
import { passwordResetTexts } from "~/domain/texts/password-reset";
import { db } from "~/server/db.server";
import { resetPassword, resetTokenState, tokenMessage } from "~/server/password-reset.server";
import { invalid, replyTo } from "~/server/reply.server";

const C = passwordResetTexts.choose;
const hidden = ["newPassword", "repeatPassword"];

export const meta: MetaFunction = () => [
  { title: `${C.title} – ${t.app.name}` },
  // The token is in the address: no page it links to learns it.
  { name: "referrer", content: "no-referrer" },
];

/** The link's state: a form while it is usable, otherwise what is wrong with it (200: the page is the answer). */
export async function loader({ params }: LoaderFunctionArgs) {
  const state = await resetTokenState(db(), params.token ?? "");
  return { problem: state === "valid" ? null : tokenMessage(state) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: newPasswordSchema });
  if (submission.status !== "success") return invalid(submission, { hideFields: hidden });
  const result = await resetPassword(db(), { token: params.token ?? "", form: submission.value });
  return replyTo(result, submission, () => redirect("/logg-inn?melding=nytt-passord"), {
    hideFields: hidden,
  });
}

export default function NewPasswordPage() {
  const { problem } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-password",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newPasswordSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <div className="card" style={{ maxWidth: "32rem" }}>
      <h1>{C.title}</h1>
      {problem ? (
        <>
          <p className="notice error" role="alert">
            {problem}
          </p>
          <p>
            <Link to="/glemt-passord">{C.requestNew}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{C.intro}</p>
          <ErrorSummary
            form={form}
            labels={{ newPassword: C.newPassword, repeatPassword: C.repeatPassword }}
          />
          <Form method="post" {...getFormProps(form)}>
            <NewPasswordFields fields={fields} texts={C} />
            <button type="submit" className="primary">
              {C.submit}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
