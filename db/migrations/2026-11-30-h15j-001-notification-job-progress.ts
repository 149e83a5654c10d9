import type { Kysely } from "kysely";

/**
 * Where the notification jobs have come to, so that a run with nothing due reads next to nothing
 * (decision 030):
 * - `reminder_cursor`: per process state, the ISO week and the (state_changed_at, id) of the last
 *   proposal the weekly waiting-reminder job handled. The job reads only proposals past that point,
 *   so once a week's reminders are written a run is one empty index range per state, and a proposal
 *   with nobody to remind is passed once a week instead of being read on every run.
 * - `digest_run`: the digest hours whose digests are all written (one row, `digest_at`), so the job
 *   looks for waiting notifications once per digest hour, not on every run of the day.
 * - `work_due_run`: the Oslo day and time of the work-due job's last complete run. Within a day a run
 *   reads only work started or follow-ups changed since (an index on `proposal_followup.updated_at`);
 *   the first run of a day reads every started work whose planned end has come.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("reminder_cursor")
    .addColumn("state", "text", (c) => c.primaryKey())
    .addColumn("week", "text", (c) => c.notNull())
    .addColumn("after_changed_at", "text", (c) => c.notNull())
    .addColumn("after_id", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("digest_run")
    .addColumn("digest_at", "text", (c) => c.primaryKey())
    .execute();
  await db.schema
    .createTable("work_due_run")
    .addColumn("day", "text", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("proposal_followup_updated")
    .on("proposal_followup")
    .column("updated_at")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("proposal_followup_updated").ifExists().execute();
  await db.schema.dropTable("work_due_run").ifExists().execute();
  await db.schema.dropTable("digest_run").ifExists().execute();
  await db.schema.dropTable("reminder_cursor").ifExists().execute();
}
