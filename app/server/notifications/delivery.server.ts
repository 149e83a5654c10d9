import type { Logger } from "pino";
import type { DB } from "#db/connection";
import { claimDueEmails, recordDelivery } from "#db/repositories/email-outbox.repository";
import { config } from "../config.server";
import { db as appDb } from "../db.server";
import { logger } from "../logger.server";
import { onEventsCommitted } from "./after-commit.server";
import { fanOutNotificationEvents } from "./emit.server";
import { runNotificationJobs } from "./jobs.server";
import { createTransport, DeliveryError, type MailTransport } from "./transport.server";

/** Work the worker runs on every tick before delivering, e.g. the digest and reminder jobs. */
export type PeriodicJob = (db: DB, now: Date) => Promise<unknown>;

/**
 * THE HOOK for periodic notification work: every job listed here runs on each tick of the worker,
 * in the server process or in `npm run worker`, before the e-mails due are sent (so a digest
 * written by a job goes out in the same tick). Jobs must be idempotent: two workers may run them.
 */
export const periodicJobs: PeriodicJob[] = [runNotificationJobs];

export interface DeliveryOptions {
  /** After this many attempts, a temporary failure fails the message for good. */
  maxAttempts: number;
  /** How long a claim holds: a message still 'sending' after it was abandoned by a crashed worker. */
  claimMs: number;
  /** E-mails claimed at a time. */
  batchSize: number;
}

export const defaultDeliveryOptions: DeliveryOptions = {
  maxAttempts: 8,
  // Longer than the SMTP transport's timeouts, so a slow send is never taken over while it goes on.
  claimMs: 3 * 60_000,
  batchSize: 20,
};

const MINUTE = 60_000;
const MAX_BACKOFF = 60 * MINUTE;

/** The wait after the n-th failed attempt: 1, 2, 4, 8 … minutes, at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(MINUTE * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF);
}

export interface TickResult {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Delivers every e-mail due at `now`: claims a batch (the claim is the lock between workers), sends
 * each, and records the outcome while the claim is still this worker's. Time is a parameter, so a
 * test moves it instead of waiting.
 */
export async function deliverDue(
  db: DB,
  transport: MailTransport,
  now: Date,
  log: Logger,
  options: DeliveryOptions = defaultDeliveryOptions,
): Promise<TickResult> {
  const result: TickResult = { sent: 0, retried: 0, failed: 0 };
  const at = now.toISOString();
  const claimedUntil = new Date(now.getTime() + options.claimMs).toISOString();
  // A row retried or failed is not due again at `now`, so the loop ends; the bound is a second net.
  for (let batch = 0; batch < 100; batch++) {
    const claimed = await claimDueEmails(db, { now: at, claimedUntil, limit: options.batchSize });
    if (claimed.length === 0) break;
    for (const email of claimed) {
      const claim = { id: email.id, claimedUntil };
      const fields = { outboxId: email.id, messageId: email.message_id, attempt: email.attempts };
      try {
        await transport.send(email);
        await recordDelivery(db, claim, { status: "sent", at: new Date().toISOString() });
        result.sent++;
        log.info({ ...fields, transport: transport.kind }, "e-mail sent");
      } catch (error) {
        const failure =
          error instanceof DeliveryError
            ? error
            : new DeliveryError(String((error as Error)?.message), false);
        if (failure.permanent || email.attempts >= options.maxAttempts) {
          await recordDelivery(db, claim, { status: "failed", error: failure.message });
          result.failed++;
          log.error({ ...fields, error: failure.message }, "e-mail failed");
        } else {
          const nextAttemptAt = new Date(now.getTime() + backoffMs(email.attempts)).toISOString();
          await recordDelivery(db, claim, { status: "pending", nextAttemptAt, error: failure.message });
          result.retried++;
          log.warn({ ...fields, error: failure.message, nextAttemptAt }, "e-mail will be retried");
        }
      }
    }
  }
  return result;
}

/**
 * One tick of the worker: the fan-out of recorded process events (decision 031), the periodic jobs
 * (each on its own, a failing one stops no other), then delivery.
 */
export async function workerTick(
  db: DB,
  transport: MailTransport,
  now: Date,
  log: Logger,
  jobs: readonly PeriodicJob[] = periodicJobs,
  options: DeliveryOptions = defaultDeliveryOptions,
): Promise<TickResult> {
  try {
    await fanOutNotificationEvents(db);
  } catch (error) {
    log.error({ err: error }, "notification fan-out failed");
  }
  for (const job of jobs) {
    try {
      await job(db, now);
    } catch (error) {
      log.error({ err: error, job: job.name }, "notification job failed");
    }
  }
  return deliverDue(db, transport, now, log, options);
}

export interface RunningWorker {
  /** Stops ticking and waits for the tick under way; closes the transport. */
  stop(): Promise<void>;
}

/**
 * Runs a tick every `intervalMs` (never two at once) until stopped. The periodic jobs scan the
 * proposals, so they run at most every `jobsIntervalMs`; e-mail goes out at every tick. `wakeOn`
 * subscribes to a signal that starts a tick at once (or right after the one under way): in the
 * server, a committed process event, so its notifications follow within milliseconds.
 */
export function startWorker(opts: {
  db: DB;
  transport: MailTransport;
  log: Logger;
  intervalMs: number;
  jobsIntervalMs?: number;
  jobs?: readonly PeriodicJob[];
  options?: DeliveryOptions;
  wakeOn?: (wake: () => void) => () => void;
}): RunningWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let jobsRanAt = -Infinity;
  let ticking = false;
  let wokenWhileTicking = false;
  const unsubscribe = opts.wakeOn?.(() => {
    if (stopped) return;
    if (ticking) {
      wokenWhileTicking = true;
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(tick, 0);
  });
  const tick = () => {
    ticking = true;
    wokenWhileTicking = false;
    const now = new Date();
    const jobsDue = now.getTime() - jobsRanAt >= (opts.jobsIntervalMs ?? 60_000);
    if (jobsDue) jobsRanAt = now.getTime();
    const jobs = jobsDue ? (opts.jobs ?? periodicJobs) : [];
    running = workerTick(opts.db, opts.transport, now, opts.log, jobs, opts.options)
      .then(() => undefined)
      .catch((error: unknown) => opts.log.error({ err: error }, "notification worker tick failed"))
      .finally(() => {
        ticking = false;
        if (!stopped) timer = setTimeout(tick, wokenWhileTicking ? 0 : opts.intervalMs);
      });
  };
  opts.log.info(
    { transport: opts.transport.kind, intervalMs: opts.intervalMs },
    "notification worker started",
  );
  tick();
  return {
    async stop() {
      stopped = true;
      unsubscribe?.();
      clearTimeout(timer);
      await running;
      opts.transport.close();
      opts.log.info("notification worker stopped");
    },
  };
}

/** The worker with the app's configuration, database and logger (server/start.js and `npm run worker`). */
export function startNotificationWorker(
  opts: { intervalMs?: number; options?: Partial<DeliveryOptions> } = {},
): RunningWorker {
  const c = config();
  return startWorker({
    db: appDb(),
    transport: createTransport({ ...c.mail, publicUrl: c.publicUrl, sessionSecret: c.sessionSecret }),
    log: logger().child({ component: "notification-worker" }),
    intervalMs: opts.intervalMs ?? 5_000,
    options: { ...defaultDeliveryOptions, ...opts.options },
    // Woken by this process's own committed events; another process's are fanned out on the poll.
    wakeOn: onEventsCommitted,
  });
}
