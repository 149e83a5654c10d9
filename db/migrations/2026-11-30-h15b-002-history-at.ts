import type { Kysely } from "kysely";

/**
 * The annual report finds the proposals that were decided, started, completed or cancelled in a
 * year from the history's steps in that year: a range on `at`. The index carries the step's target
 * state, event and proposal, so the report reads a year's steps (a tenth of a million rows at
 * national scale) without visiting the table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("proposal_history_at")
    .on("proposal_history")
    .columns(["at", "to_state", "event", "proposal_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("proposal_history_at").execute();
}
