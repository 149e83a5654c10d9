import { parseWithZod } from "@conform-to/zod/v4";
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DoneNotice } from "~/components/admin";
import { resendEmailSchema } from "~/domain/notification-delivery.schema";
import { t } from "~/domain/texts";
import { deliveryTexts } from "~/domain/texts/notification-delivery";
import { resendEmailCommand } from "~/server/commands/resend-email.server";
import { db } from "~/server/db.server";
import { outboxMessage, requireOutboxAdmin } from "~/server/notifications/outbox-page.server";
import { idParam } from "~/server/params.server";
import { invalid, replyTo } from "~/server/reply.server";

const A = deliveryTexts.admin;
const M = A.message;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? M.title(data.email.id) : A.title} – ${t.app.name}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOutboxAdmin(request);
  return outboxMessage(idParam(params.id));
}

/** "Send på nytt" for a failed e-mail: back in the outbox with the same Message-ID. */
export async function action({ request, params }: ActionFunctionArgs) {
  await requireOutboxAdmin(request);
  const id = idParam(params.id);
  const submission = parseWithZod(await request.formData(), { schema: resendEmailSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await resendEmailCommand(db(), { id });
  return replyTo(result, submission, () => redirect(`/admin/e-post/${id}?melding=sendes`));
}

export default function OutboxMessage() {
  const { email, emlFile } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const errors = reply
    ? Object.values(reply.error ?? {})
        .flat()
        .filter(Boolean)
    : [];
  return (
    <>
      <p className="small muted">
        <Link to="/admin/e-post">← {A.back}</Link>
      </p>
      <h1>{M.title(email.id)}</h1>
      <DoneNotice messages={{ sendes: M.resent }} />
      {errors.length > 0 ? (
        <p className="notice error" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
      <dl>
        <dt>{A.to}</dt>
        <dd>{email.to_address}</dd>
        <dt>{A.subject}</dt>
        <dd>{email.subject}</dd>
        <dt>{A.status}</dt>
        <dd>{A.statusLabels[email.status]}</dd>
        <dt>{A.attempts}</dt>
        <dd>{email.attempts}</dd>
        <dt>{M.messageId}</dt>
        <dd>
          <code>{email.message_id}</code>
        </dd>
        {email.last_error ? (
          <>
            <dt>{A.lastError}</dt>
            <dd>{email.last_error}</dd>
          </>
        ) : null}
      </dl>
      {emlFile ? <p className="small muted">{M.emlFile(emlFile)}</p> : null}
      {email.status === "failed" ? (
        <Form method="post" className="card">
          <p>{M.resendExplain}</p>
          <button type="submit" name="intent" value="resend">
            {M.resend}
          </button>
        </Form>
      ) : null}
      <h2>{M.text}</h2>
      <pre className="email-text">{email.text_body}</pre>
      {email.ics ? (
        <>
          <h2>{M.ics}</h2>
          <pre className="email-text">{email.ics}</pre>
        </>
      ) : null}
    </>
  );
}
