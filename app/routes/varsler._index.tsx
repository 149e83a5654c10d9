import { parseWithZod } from "@conform-to/zod/v4";
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Confirmation } from "~/components/confirmation";
import { UnplacedReply } from "~/components/form";
import { markAllReadSchema, markReadSchema } from "~/domain/notification.schema";
import { formatDateTime, t } from "~/domain/texts";
import { notificationCenterTexts } from "~/domain/texts/notification-center";
import { requireUser } from "~/server/auth.server";
import { markAllRead, markRead } from "~/server/commands/notification-center.server";
import { db } from "~/server/db.server";
import { notificationsPage } from "~/server/notification-center.server";
import { invalid, replyTo, unknownForm } from "~/server/reply.server";

const L = notificationCenterTexts.list;

export const meta: MetaFunction = () => [{ title: `${L.title} – ${t.app.name}` }];

/** `?eldre=<id>`: the page of notifications older than that one; anything else is the first page. */
function olderThan(value: string | null): number | null {
  if (!value || !/^\d{1,12}$/.test(value)) return null;
  const id = Number(value);
  return id > 0 ? id : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const before = olderThan(url.searchParams.get("eldre"));
  return { ...(await notificationsPage(user, before)), firstPage: before === null };
}

const confirmations: Record<string, string> = { lest: L.markedRead, "alle-lest": L.allMarkedRead };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "read") {
    const submission = parseWithZod(formData, { schema: markReadSchema });
    if (submission.status !== "success") return invalid(submission, { form: "" });
    const result = await markRead(db(), { user, id: submission.value.id });
    return replyTo(result, submission, () => redirect("/varsler?melding=lest#melding"), { form: "" });
  }
  if (intent === "readAll") {
    const submission = parseWithZod(formData, { schema: markAllReadSchema });
    if (submission.status !== "success") return invalid(submission, { form: "" });
    const result = await markAllRead(db(), { user });
    return replyTo(result, submission, () => redirect("/varsler?melding=alle-lest#melding"), { form: "" });
  }
  return unknownForm(L.invalid);
}

export default function NotificationsPage() {
  const { notifications, olderThan: older, bell, firstPage } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  const melding = params.get("melding");
  return (
    <>
      <Confirmation
        message={melding && Object.hasOwn(confirmations, melding) ? confirmations[melding] : null}
      />
      <UnplacedReply reply={reply} forms={new Set()} title={L.invalid} />
      <h1>{L.title}</h1>
      <p>{L.intro}</p>
      <p>
        <strong>{L.unreadSummary(bell.unread)}</strong> <Link to="/min-profil#varsler">{L.preferences}</Link>
      </p>
      {bell.unread > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="readAll" />
          <button type="submit">{L.markAllRead}</button>
        </Form>
      ) : null}
      {notifications.length === 0 ? (
        <p className="muted">{L.empty}</p>
      ) : (
        <ul className="notification-list card">
          {notifications.map((n) => (
            <li key={n.id} className={n.unread ? "unread" : undefined}>
              <div>
                <span className="status-tag">{n.unread ? L.unread : L.read}</span>
                {/* A link, not a form: opening marks it read on the way (GET /varsler/<id>, see decision 020). */}
                <a href={`/varsler/${n.id}`}>{n.title}</a>
              </div>
              {n.body ? <p className="prose small">{n.body}</p> : null}
              <div className="small muted">{formatDateTime(n.createdAt)}</div>
              {n.unread ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="read" />
                  <input type="hidden" name="id" value={n.id} />
                  <button type="submit" className="link-button" aria-label={L.markReadOf(n.title)}>
                    {L.markRead}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p className="actions">
        {!firstPage ? <Link to="/varsler">{L.newest}</Link> : null}
        {older !== null ? <Link to={`/varsler?eldre=${older}`}>{L.older}</Link> : null}
      </p>
    </>
  );
}
