import type { Kysely } from "kysely";
import { autoIncrementId } from "../dialect";

/**
 * The transactional outbox's one row per event (decision 031): a process event's transaction writes
 * what happened (`cause`, JSON, with what the fan-out must take as of the event) and the worker fans
 * it out to notification and e-mail rows after commit, deleting the row in the fan-out's own
 * transaction. A row that exists is an event not yet fanned out. It goes with its proposal.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("notification_event")
    .addColumn("id", "integer", autoIncrementId(db))
    .addColumn("proposal_id", "integer", (c) => c.references("proposal.id").onDelete("cascade"))
    .addColumn("cause", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("notification_event").ifExists().execute();
}
