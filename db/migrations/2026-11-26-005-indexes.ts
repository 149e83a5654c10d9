import { sql, type Kysely } from "kysely";
import { isPostgres } from "../dialect";

/**
 * Indexes for the proposal list at national scale (100,000 proposals): every filter, the sort
 * and the count are answered from an index, without reading the proposal rows (which carry the
 * long texts) except for the twenty rows of the page. The list sorts on when a proposal was
 * listed, `coalesce(submitted_at, created_at)`; SQLite uses an index on an expression only for
 * that very expression, so the repository writes it the same way. Each index carries `state`
 * and `author_id` too, because every list query checks that drafts are shown only to their
 * author. Proven by tests/integration/query-plans.test.ts; measured by `npm run bench`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // PostgreSQL wants an expression in an index in its own parentheses.
  const listedAt = sql.raw(
    isPostgres(db) ? "(coalesce(submitted_at, created_at))" : "coalesce(submitted_at, created_at)",
  );
  // Unfiltered and by year: walk in date order, count a date range.
  await sql`create index proposal_listed on proposal (${listedAt}, state, author_id)`.execute(db);
  // By status: one state's proposals in date order.
  await sql`create index proposal_state_listed on proposal (state, ${listedAt}, author_id)`.execute(db);
  // The narrowest with what every count needs: the flowchart's counts per state, the unfiltered total.
  await sql`create index proposal_state_author on proposal (state, author_id)`.execute(db);
  // By specialist group, in date order.
  await sql`create index proposal_group_listed on proposal (group_id, ${listedAt}, state, author_id)`.execute(
    db,
  );
  // By id, for sets of ids from elsewhere (search hits, a municipality's proposals): what the
  // visibility check and the sort need, without the row.
  await sql`create index proposal_visible on proposal (id, state, author_id, ${listedAt})`.execute(db);
  // A search of only one- and two-letter words matches titles as substrings (LIKE '%…%'), which no
  // index can seek: scanning titles here reads a fraction of what the table holds.
  await sql`create index proposal_title on proposal (title, state, author_id, ${listedAt})`.execute(db);
  // The start page's queues: the longest-waiting proposals in a state, for one author or group
  // (checked in the index, so only the rows shown are read).
  await sql`create index proposal_waiting on proposal (state, state_changed_at, author_id, group_id)`.execute(
    db,
  );
  // The proposal page's "merged into this one": few proposals are merged, so only those are indexed.
  await sql`create index proposal_merged_into on proposal (merged_into_id) where merged_into_id is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    "proposal_merged_into",
    "proposal_waiting",
    "proposal_title",
    "proposal_visible",
    "proposal_group_listed",
    "proposal_state_author",
    "proposal_state_listed",
    "proposal_listed",
  ]) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
}
