import pino from "pino";
import type { DB } from "../../db/connection";
import { deliverDue } from "../../app/server/notifications/delivery.server";
import { runNotificationJobs } from "../../app/server/notifications/jobs.server";
import { createTransport } from "../../app/server/notifications/transport.server";
import { rowCount } from "./in-process";

/**
 * The notification worker's own figures (decision 030): how fast it works off the backlog a large
 * installation starts with (the reminders of every proposal waiting past its step's limit, the
 * planned ends already passed) and what one run of the periodic jobs costs once nothing is due.
 * In-process on the bench's database, CPU time of this process (the worker is CPU-bound on
 * SQLite; on PostgreSQL part of the work is the database server's).
 */

export interface WorkerFigures {
  /** Runs of the jobs (each followed by delivery) until a run wrote nothing. */
  runs: number;
  notifications: number;
  emails: number;
  cpuMs: number;
  wallMs: number;
  /** CPU ms of one run of the jobs with nothing due (median of `idleRuns`). */
  idleRunCpuMs: number;
  idleRuns: number;
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Works off the backlog at `now` as the worker does (the jobs, then delivery to `.eml` files in
 * `outboxDir`), then times `idleRuns` runs of the jobs with nothing left to do.
 */
export async function drainNotificationBacklog(
  db: DB,
  opts: { now: Date; outboxDir: string; idleRuns?: number; maxRuns?: number },
): Promise<WorkerFigures> {
  const transport = createTransport({
    smtpUrl: undefined,
    from: "Innspill <innspill@benk.invalid>",
    outboxDir: opts.outboxDir,
    publicUrl: "http://localhost",
    sessionSecret: "benk-".repeat(8),
  });
  const log = pino({ level: "silent" });
  const notificationsBefore = await rowCount(db, "notification");
  const emailsBefore = await rowCount(db, "email_outbox");
  const cpuStart = cpuNow();
  const wallStart = performance.now();
  let runs = 0;
  for (; runs < (opts.maxRuns ?? 10_000); runs++) {
    const jobs = await runNotificationJobs(db, opts.now);
    const delivered = await deliverDue(db, transport, opts.now, log);
    if (jobs.reminders + jobs.workDue + jobs.digests + delivered.sent + delivered.failed === 0) break;
  }
  const cpuMs = cpuNow() - cpuStart;
  const wallMs = performance.now() - wallStart;
  const idle: number[] = [];
  for (let i = 0; i < (opts.idleRuns ?? 20); i++) {
    const before = cpuNow();
    await runNotificationJobs(db, opts.now);
    idle.push(cpuNow() - before);
  }
  idle.sort((a, b) => a - b);
  transport.close();
  return {
    runs,
    notifications: (await rowCount(db, "notification")) - notificationsBefore,
    emails: (await rowCount(db, "email_outbox")) - emailsBefore,
    cpuMs,
    wallMs,
    idleRunCpuMs: idle[Math.floor(idle.length / 2)] ?? 0,
    idleRuns: idle.length,
  };
}
