import type { Insertable } from "kysely";
import type { Executor } from "../connection";
import type { EmailOutboxTable, NotificationTable } from "../schema";

export type NewNotification = Insertable<NotificationTable>;
export type NewOutgoingEmail = Omit<
  Insertable<EmailOutboxTable>,
  "id" | "status" | "attempts" | "claimed_until" | "last_error" | "sent_at"
>;

/**
 * Writes notifications; a row whose (user, dedupe key) already exists is skipped. Call it inside the
 * transaction of the event that causes them (the transactional outbox): a rolled-back event writes none.
 * Returns the ids of the rows written, in order.
 */
export async function insertNotifications(db: Executor, rows: readonly NewNotification[]): Promise<number[]> {
  const ids: number[] = [];
  for (const row of rows) {
    const written = await db
      .insertInto("notification")
      .values(row)
      .onConflict((oc) =>
        oc.columns(["user_id", "dedupe_key"]).where("dedupe_key", "is not", null).doNothing(),
      )
      .returning("id")
      .executeTakeFirst();
    if (written) ids.push(written.id);
  }
  return ids;
}

/** Puts one e-mail in the outbox, in the caller's transaction; the delivery worker sends it. */
export async function enqueueEmail(db: Executor, email: NewOutgoingEmail): Promise<number> {
  const row = await db.insertInto("email_outbox").values(email).returning("id").executeTakeFirstOrThrow();
  return row.id;
}
