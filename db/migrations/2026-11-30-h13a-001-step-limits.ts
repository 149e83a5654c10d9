import type { Kysely } from "kysely";

/**
 * Default waiting limits per process step (issue 13): a proposal waiting longer than its step's
 * limit reminds those who act on it, once a week. Organisation data: an administrator changes them.
 * Steps that end by themselves (drafts, final states) have none.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto("step_limit")
    .values([
      { state: "submitted", limit_days: 14 },
      { state: "groupReview", limit_days: 30 },
      { state: "awaitingSubmitter", limit_days: 30 },
      { state: "committeeReview", limit_days: 90 },
      { state: "boardReview", limit_days: 90 },
      { state: "approved", limit_days: 60 },
    ])
    .onConflict((oc) => oc.column("state").doNothing())
    .execute();
}
