import { rmSync } from "node:fs";
import { CompiledQuery, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest, type DB } from "#db/connection";
import {
  digestDueQuery,
  proposalsWaitingPast,
  proposalsWaitingPastQuery,
  reminderCursor,
  workDueWithoutReminderQuery,
} from "#db/repositories/notification.repository";
import { addDays, osloInstant } from "#workflows/dates";
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
  it("the proposals waiting past their limit are one range of an index, from the start or from the job's cursor", async () => {
    for (const after of [undefined, { afterChangedAt: "2026-01-01T10:00:00.000Z", afterId: 1234 }]) {
      const plan = await planOf(
        proposalsWaitingPastQuery(db, {
          state: "groupReview",
          before: "2026-10-31T23:00:00.000Z",
          after,
          limit: 200,
        }),
      );
      expect(bigScans(plan)).toEqual([]);
      expect(plan.join("\n")).toMatch(
        /SEARCH proposal USING (COVERING )?INDEX proposal_waiting \(state=\? AND state_changed_at>\? AND state_changed_at<\?\)|SEARCH proposal USING (COVERING )?INDEX proposal_waiting \(state=\? AND state_changed_at<\?\)/,
      );
    }
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
      // The group of the longest-waiting proposal in assessment has nobody left to remind.
      const { group_id: emptyGroup } = await db
        .selectFrom("proposal")
        .select("group_id")
        .where("state", "=", "groupReview")
        .where("group_id", "is not", null)
        .orderBy("state_changed_at")
        .executeTakeFirstOrThrow();
      await db
        .updateTable("membership")
        .set({ valid_to: "2001-01-01" })
        .where("body_id", "=", emptyGroup!)
        .execute();
      let runs = 0;
      let last = await runNotificationJobs(db, now);
      while (last.reminders + last.workDue + last.digests > 0 && runs < 50) {
        last = await runNotificationJobs(db, now);
        runs += 1;
      }
      expect(last).toEqual({ reminders: 0, workDue: 0, digests: 0 });
      // Worked off: past each state's cursor no proposal waits beyond its limit, so a run reads
      // nothing, and every one before it that has someone to remind was reminded this week (the
      // group with no members left was passed, not looked up again and again).
      const limits = await db.selectFrom("step_limit").select(["state", "limit_days"]).execute();
      for (const { state, limit_days } of limits) {
        const before = osloInstant(`${addDays("2026-11-30", -limit_days)}T00:00`).toISOString();
        const cursor = await reminderCursor(db, state);
        const left = await proposalsWaitingPast(db, { state, before, after: cursor, limit: 10 });
        expect({ state, left: left.length }).toEqual({ state, left: 0 });
      }
      const unreminded = await sql<{ n: number }>`select count(*) as n from proposal p
        join step_limit s on s.state = p.state
        where p.state in ('groupReview', 'committeeReview', 'boardReview', 'approved', 'submitted')
        and (p.group_id is null or p.group_id <> ${emptyGroup} or p.state <> 'groupReview')
        and p.state_changed_at < strftime('%Y-%m-%dT%H:%M:%fZ', '2026-11-30', '-' || s.limit_days || ' days', '-1 hours')
        and not exists (select 1 from notification n where n.proposal_id = p.id
          and n.kind = 'waitingReminder' and n.created_at >= '2026-11-29T23:00:00.000Z')`.execute(db);
      expect(unreminded.rows[0]!.n).toBe(0);
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
