import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser, safeRedirect } from "~/server/auth.server";
import { openNotification } from "~/server/commands/notification-center.server";
import { db } from "~/server/db.server";
import { idParam } from "~/server/params.server";

/**
 * Opening a notification from the list: marks it read and goes on to what it is about. A GET
 * (a plain link: opens in a new tab, works without JavaScript), which is safe to repeat; only
 * one's own notification, another's is 404. See docs/decisions/020-password-reset.md.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const result = await openNotification(db(), { user, id: idParam(params.id) });
  if (!result.ok) notFound();
  return redirect(safeRedirect(result.link, "/varsler"));
}
