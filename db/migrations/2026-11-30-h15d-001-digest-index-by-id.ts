import type { Kysely } from "kysely";

/**
 * The digest job's index was (email, digested_at, user_id): every notification is in it, sorted by
 * person inside its mode, so an event that tells a dozen people wrote a dozen of its pages (each
 * at a random place), per event, for the job's sake alone. By id instead, an event's rows land at
 * the end of their mode's range, on one page. The job still finds its waiting rows through the
 * index (email = "digest" and digested_at is null) and sorts those few by person. See decision 019.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("notification_digest_due").execute();
  await db.schema
    .createIndex("notification_digest_waiting")
    .on("notification")
    .columns(["email", "digested_at", "id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("notification_digest_waiting").ifExists().execute();
  await db.schema
    .createIndex("notification_digest_due")
    .on("notification")
    .columns(["email", "digested_at", "user_id"])
    .execute();
}
