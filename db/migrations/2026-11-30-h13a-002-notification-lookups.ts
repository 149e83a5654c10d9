import type { Kysely } from "kysely";

/**
 * The scheduled jobs ask, per waiting proposal, "reminded this week already?" and, per started
 * work, "reminded of its end already?": an index on the proposal's notifications by kind and time
 * keeps that an index look-up when the notification table is large (and serves the cascade when a
 * draft is deleted).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("notification_proposal_kind")
    .on("notification")
    .columns(["proposal_id", "kind", "created_at"])
    .execute();
}
