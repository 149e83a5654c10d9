import type { DB } from "../../db/connection";
import { countByState } from "../../db/repositories/process.repository";
import { listProposals, type ProposalFilters } from "../../db/repositories/proposal.repository";
import { applyProposalEvent } from "../../app/server/commands/apply-proposal-event.server";
import { fanOutNotificationEvents } from "../../app/server/notifications/emit.server";
import { pendingNotificationEventCount } from "../../db/repositories/notification.repository";
import type { CurrentUser } from "../../app/server/auth.server";

/** Timings of single operations, called directly (no HTTP), on the generated database. */

export interface Timing {
  runs: number;
  p50: number;
  p99: number;
  mean: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Runs `fn` a few times to warm up, then `runs` times; milliseconds. */
export async function time(fn: () => Promise<unknown>, runs = 50, warmup = 5): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return {
    runs,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    mean: samples.reduce((sum, s) => sum + s, 0) / samples.length,
  };
}

export function listQuery(db: DB, filters: ProposalFilters) {
  return () => listProposals(db, filters);
}

/** The number of rows in a table (the bench's before/after counts of what a run wrote). */
export async function rowCount(db: DB, table: "notification" | "email_outbox"): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function flowchartCounts(db: DB) {
  return () => countByState(db);
}

/**
 * Applies `count` process events one after the other, each in its own transaction with its
 * history row, through the same command the pages use: proposals waiting for a group are
 * assigned one (ASSIGN), and assigned ones moved on to another group (MOVE_GROUP).
 * Returns events per second.
 */
export async function eventsPerSecond(db: DB, user: CurrentUser, count: number) {
  const groups = (
    await db.selectFrom("body").select("id").where("kind", "=", "group").orderBy("id").execute()
  ).map((g) => g.id);
  const waiting = await db
    .selectFrom("proposal")
    .select(["id", "version", "group_id", "state"])
    .where("state", "in", ["submitted", "groupReview"])
    .orderBy("id")
    .limit(count)
    .execute();
  if (waiting.length === 0) throw new Error("No proposals to move");
  const work = waiting.map((p) => ({ ...p }));
  let applied = 0;
  let failed = 0;
  const started = performance.now();
  for (let i = 0; applied < count; i++) {
    const p = work[i % work.length]!;
    const nextGroup = groups[(groups.indexOf(p.group_id ?? groups[0]!) + 1) % groups.length]!;
    const type = p.state === "submitted" ? "ASSIGN" : "MOVE_GROUP";
    const result = await applyProposalEvent(db, {
      proposalId: p.id,
      expectedVersion: p.version,
      user,
      type,
      payload: { groupId: nextGroup },
    });
    if (result.ok) {
      p.version += 1;
      p.group_id = nextGroup;
      p.state = result.to;
      applied += 1;
    } else if (++failed > 10) {
      throw new Error(`applyProposalEvent refused: ${JSON.stringify(result)}`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { events: applied, seconds, perSecond: applied / seconds };
}

/**
 * The notification fan-out after applied events (decision 031): drains every event the measured
 * events left pending, as the worker does after their commits (a batch per transaction), and
 * returns events fanned out per second.
 */
export async function fanOutPerSecond(db: DB) {
  const pending = await pendingNotificationEventCount(db);
  const started = performance.now();
  const events = await fanOutNotificationEvents(db);
  const seconds = (performance.now() - started) / 1000;
  if (events !== pending) throw new Error(`fanned out ${events} of ${pending} pending events`);
  return { events, seconds, perSecond: events / seconds };
}
