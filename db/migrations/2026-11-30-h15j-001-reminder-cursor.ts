import type { Kysely } from "kysely";

/**
 * Where the weekly waiting-reminder job has come to, per process state and ISO week: the
 * (state_changed_at, id) of the last proposal it handled. The job reads only proposals past that
 * point, so once a week's reminders are written a run is one indexed range read per state that
 * finds nothing, and a proposal with nobody to remind is passed once a week instead of being looked
 * up on every run. See decision 030.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("reminder_cursor")
    .addColumn("state", "text", (c) => c.primaryKey())
    .addColumn("week", "text", (c) => c.notNull())
    .addColumn("after_changed_at", "text", (c) => c.notNull())
    .addColumn("after_id", "integer", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("reminder_cursor").ifExists().execute();
}
