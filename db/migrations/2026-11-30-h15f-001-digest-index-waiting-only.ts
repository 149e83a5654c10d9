import { sql, type Kysely } from "kysely";

/**
 * The digest job's index held every notification (email, digested_at, id), so each one an event
 * wrote went into it too, though the job only ever looks for the few waiting for a digest. Now it
 * holds only those (partial: email = 'digest' and digested_at is null), by person and id, the order
 * the job reads them in: a notification e-mailed at once or not at all never enters it, and one
 * collected into a digest leaves it. Queries must spell the two conditions as literals (SQLite and
 * PostgreSQL match a partial index by the query's text, not by bound values). See decision 026.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("notification_digest_waiting").execute();
  await db.schema
    .createIndex("notification_digest_waiting")
    .on("notification")
    .columns(["user_id", "id"])
    .where(sql<boolean>`email = 'digest' and digested_at is null`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("notification_digest_waiting").ifExists().execute();
  await db.schema
    .createIndex("notification_digest_waiting")
    .on("notification")
    .columns(["email", "digested_at", "id"])
    .execute();
}
