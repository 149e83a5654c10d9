import { config } from "../config.server";
import { notFound } from "../auth.server";
import { isNotificationKind, unsubscribeCommand } from "../commands/unsubscribe.server";
import { db } from "../db.server";
import { verifyUnsubscribeToken } from "./unsubscribe.server";
import type { NotificationKind } from "#workflows/notifications";
import { getUser } from "#db/repositories/user.repository";

/** Whom and what an unsubscribe link is for, or the 404 page (forged, for a removed person, an unknown kind). */
export async function unsubscribeTarget(
  token: string | undefined,
): Promise<{ userId: number; kind: NotificationKind }> {
  const target = verifyUnsubscribeToken(config().sessionSecret, token ?? "");
  if (!target || !isNotificationKind(target.kind) || !(await getUser(db(), target.userId))) notFound();
  return { userId: target.userId, kind: target.kind };
}

/** Turns the link's kind of e-mail off (idempotent); a person removed meanwhile is a 404. */
export async function unsubscribe(target: { userId: number; kind: NotificationKind }): Promise<void> {
  const result = await unsubscribeCommand(db(), target);
  if (!result.ok) notFound();
}
