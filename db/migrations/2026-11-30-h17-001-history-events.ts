import { sql, type Kysely } from "kysely";

/**
 * The annual report counts, per specialist group, what it received (ASSIGN, MOVE_GROUP), assessed
 * (RECOMMEND, GROUP_REJECT) and recommended in a year. This index answers those counts for one
 * year's date range without reading the history table (a million rows at national scale); it
 * carries the group and the proposal so the count never visits the rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index proposal_history_event_at on proposal_history (event, at, group_id, proposal_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index proposal_history_event_at`.execute(db);
}
