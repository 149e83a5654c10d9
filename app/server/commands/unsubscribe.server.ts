import type { DB } from "#db/connection";
import { turnOffNotificationEmail } from "#db/repositories/notification-center.repository";
import { getUser } from "#db/repositories/user.repository";
import { notificationKinds, type NotificationKind } from "#workflows/notifications";
import { refuse, runCommand, type CommandResult } from "./result.server";

/** Whether a text names a kind of notification. */
export function isNotificationKind(kind: string): kind is NotificationKind {
  return (notificationKinds as readonly string[]).includes(kind);
}

/**
 * The unsubscribe link's "Meld meg av" (and the one-click POST of a mail client): e-mail of this kind
 * is turned off for the person, whatever they had chosen. Idempotent. 404 for an unknown person or kind.
 */
export function unsubscribeCommand(db: DB, input: { userId: number; kind: string }): Promise<CommandResult> {
  return runCommand(db, async (trx) => {
    if (!isNotificationKind(input.kind) || !(await getUser(trx, input.userId))) refuse(404);
    await turnOffNotificationEmail(trx, input.userId, input.kind);
    return {};
  });
}
