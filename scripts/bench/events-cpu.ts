/**
 * Applying process events, measured as CPU time of this process (`process.cpuUsage`: user + system,
 * all threads), so the figure holds on a busy machine where wall-clock rates measure the other work.
 * Runs the bench's `eventsPerSecond` (ASSIGN / MOVE_GROUP through `applyProposalEvent`, one
 * transaction each, each recording its notification event) and then the bench's `fanOutPerSecond`
 * (the worker's fan-out of those events to notifications and e-mails, decision 031) on a COPY of a
 * kept bench data set: it writes.
 *
 *   cp /tmp/innspill-bench-1-…/innspill.db /tmp/mine/innspill.db    # a fresh copy per run
 *   npx tsx scripts/bench/events-cpu.ts --data /tmp/mine [--events 1000] [--warmup 50]
 *   node --cpu-prof --import tsx scripts/bench/events-cpu.ts --data /tmp/mine    # where the time goes
 *
 * Prints CPU ms per event, events per CPU-second, wall events / s; the same for the fan-out, and
 * what it wrote; then, with automatic checkpoints off, the pages written to the WAL per event and per
 * event fanned out (over `--wal-events` more).
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { currentUserById } from "../../app/server/current-user.server";
import { migrateToLatest, openDatabase } from "../../db/connection";
import type { Dataset } from "./generate";
import { eventsPerSecond, fanOutPerSecond, rowCount } from "./in-process";

async function main() {
  const { values } = parseArgs({
    options: {
      data: { type: "string" },
      events: { type: "string", default: "1000" },
      warmup: { type: "string", default: "50" },
      "wal-events": { type: "string", default: "200" },
    },
  });
  if (!values.data) throw new Error("--data <copy of a kept bench data directory> is required");
  const dataDir = path.resolve(values.data);
  const dataset = JSON.parse(readFileSync(path.join(dataDir, "dataset.json"), "utf8")) as Dataset;
  const db = openDatabase(path.join(dataDir, "innspill.db"));
  try {
    await migrateToLatest(db);
    const user = await currentUserById(db, dataset.bench.userId);
    if (!user) throw new Error("the bench user is missing");
    await eventsPerSecond(db, user, Number(values.warmup));
    await fanOutPerSecond(db);
    const [notificationsBefore, emailsBefore] = [
      await rowCount(db, "notification"),
      await rowCount(db, "email_outbox"),
    ];
    const cpu = process.cpuUsage();
    const result = await eventsPerSecond(db, user, Number(values.events));
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const fanOutCpu = process.cpuUsage();
    const fanOut = await fanOutPerSecond(db);
    const fanOutUsed = process.cpuUsage(fanOutCpu);
    const fanOutCpuMs = (fanOutUsed.user + fanOutUsed.system) / 1000;
    const notifications = (await rowCount(db, "notification")) - notificationsBefore;
    const emails = (await rowCount(db, "email_outbox")) - emailsBefore;
    // Pages written per commit: with automatic checkpoints off, the WAL only grows (a frame is a page).
    const walEvents = Number(values["wal-events"]);
    const walFile = path.join(dataDir, "innspill.db-wal");
    await sql`pragma wal_checkpoint(truncate)`.execute(db);
    await sql`pragma wal_autocheckpoint = 0`.execute(db);
    const pageSize = Number(
      (await sql<{ page_size: number }>`pragma page_size`.execute(db)).rows[0]!.page_size,
    );
    const walFrames = () => statSync(walFile).size / (pageSize + 24);
    if (walEvents > 0) await eventsPerSecond(db, user, walEvents);
    const walPages = walEvents > 0 ? walFrames() / walEvents : 0;
    if (walEvents > 0) await fanOutPerSecond(db);
    const walFanOutPages = walEvents > 0 ? walFrames() / walEvents - walPages : 0;
    console.log(
      JSON.stringify({
        events: result.events,
        cpuMsPerEvent: +(cpuMs / result.events).toFixed(3),
        userMsPerEvent: +(used.user / 1000 / result.events).toFixed(3),
        systemMsPerEvent: +(used.system / 1000 / result.events).toFixed(3),
        eventsPerCpuSecond: Math.round(result.events / (cpuMs / 1000)),
        wallEventsPerSecond: Math.round(result.perSecond),
        fanOutEvents: fanOut.events,
        fanOutCpuMsPerEvent: +(fanOutCpuMs / fanOut.events).toFixed(3),
        fanOutEventsPerCpuSecond: Math.round(fanOut.events / (fanOutCpuMs / 1000)),
        wallFanOutEventsPerSecond: Math.round(fanOut.perSecond),
        notificationsPerEvent: +(notifications / result.events).toFixed(2),
        emailsPerEvent: +(emails / result.events).toFixed(2),
        walPagesPerEvent: +walPages.toFixed(1),
        walPagesPerEventFannedOut: +walFanOutPages.toFixed(1),
      }),
    );
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
