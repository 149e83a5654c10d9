import { rmSync } from "node:fs";
import { CompiledQuery, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest, type DB } from "#db/connection";
import {
  digestDueQuery,
  proposalsWaitingUnremindedQuery,
  workDueWithoutReminderQuery,
} from "#db/repositories/notification.repository";
import { runNotificationJobs } from "~/server/notifications/jobs.server";
import { generatedPlansDb, queryPlan } from "../support/query-plans";

/**
 * The delivery worker runs the notification jobs on every tick, so a tick with nothing due must
 * cost index look-ups, not scans of the proposal or notification tables: the plans SQLite
 * chooses for the jobs' queries on a database with thousands of proposals and notifications.
 */

let dir: string;
let db: DB;

beforeAll(async () => {
  ({ dir, db } = await generatedPlansDb("innspill-notification-plans-"));
  await migrateToLatest(db);
  // A year of notifications: one per proposal and kind, all e-mailed and digested already.
  await sql`insert into notification (user_id, kind, proposal_id, title, body, link, email, digested_at, created_at)
    select author_id, k.kind, id, 'x', '', '/innspill/' || id, 'digest', '2026-01-01T06:00:00.000Z', '2025-12-31T12:00:00.000Z'
    from proposal, (select 'proposalChanged' as kind union all select 'waitingReminder' union all select 'workDue') k`.execute(
    db,
  );
  await sql`analyze`.execute(db);
}, 180_000);

afterAll(async () => {
  await db?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const planOf = (query: { compile: () => CompiledQuery }) => queryPlan(db, query);

/** Full scans of the big tables: "SCAN proposal" or "SCAN notification" without an index. */
const bigScans = (plan: string[]) =>
  plan.filter(
    (line) => /^SCAN (proposal|notification)\b/.test(line) && !/ USING (COVERING )?INDEX /.test(line),
  );

describe("notification jobs' query plans", () => {
  it("a waiting proposal's weekly reminder is found through indexes", async () => {
    const plan = await planOf(
      proposalsWaitingUnremindedQuery(db, {
        state: "groupReview",
        before: "2026-10-31T23:00:00.000Z",
        remindedSince: "2026-11-29T23:00:00.000Z",
        limit: 200,
      }),
    );
    expect(bigScans(plan)).toEqual([]);
    expect(plan.join("\n")).toContain("notification_proposal_kind");
  });

  it("the digest's waiting notifications and work due are found through indexes", async () => {
    expect(bigScans(await planOf(digestDueQuery(db, "2026-11-30T06:00:00.000Z")))).toEqual([]);
    const workDue = await planOf(workDueWithoutReminderQuery(db, "2026-11-30"));
    expect(bigScans(workDue)).toEqual([]);
  });

  it(
    "once the backlog is worked off (a batch per tick), a run writes nothing",
    { timeout: 600_000 },
    async () => {
      const now = new Date("2026-11-30T10:00:00Z");
      let runs = 0;
      let last = await runNotificationJobs(db, now);
      while (last.reminders + last.workDue + last.digests > 0 && runs < 50) {
        last = await runNotificationJobs(db, now);
        runs += 1;
      }
      expect(last).toEqual({ reminders: 0, workDue: 0, digests: 0 });
      // Every waiting reminder of the week exists once per person and proposal.
      const duplicates = await sql<{
        n: number;
      }>`select count(*) as n from (select user_id, proposal_id from notification
      where kind = 'waitingReminder' and created_at >= '2026-11-29T23:00:00.000Z' group by user_id, proposal_id having count(*) > 1)`.execute(
        db,
      );
      expect(duplicates.rows[0]!.n).toBe(0);
    },
  );
});
