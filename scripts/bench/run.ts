import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../../db/connection";
import { hashPassword } from "../../app/server/password.server";
import { pageJavaScript, reactFlowChunks, routesWithReactFlow } from "./bundle";
import { BENCH_PASSWORD, generateDataset, type Dataset } from "./generate";
import { currentUserById } from "../../app/server/current-user.server";
import {
  eventsPerSecond,
  fanOutPerSecond,
  flowchartCounts,
  listQuery,
  time,
  type Timing,
} from "./in-process";
import { reportDocxTiming } from "./report";
import { loginCookie } from "../../tests/support/server";
import { postgresCopyOf, selectedEngines, type Engine, type PostgresCopy } from "./engines";
import { drainNotificationBacklog } from "./worker";
import {
  build,
  idleCpuMsPerSecond,
  measureLoginEnumeration,
  measurePath,
  peakMemory,
  startProductionServer,
  timeSingleRequests,
  type HttpResult,
} from "./server";

/**
 * `npm run bench`: generates a national-scale data set, starts the production server on it and
 * measures pages with autocannon (each against the login page, measured in the same run), the
 * list page's throughput with one and with two server processes and every server process's peak
 * memory; then times single operations in-process and the notification worker (its backlog worked
 * off, then a server with the worker in it left idle), and prints one table (also written as JSON to
 * bench-results/latest.json). It does so at each scale given (`--scales 0.1,1`, the default) and
 * prints how each page's p50 grows with the data; the other measurements are made at the largest.
 * On each engine chosen the same measurements run, through the same code: the server with
 * DATABASE_URL on PostgreSQL, the in-process timings with Kysely on its URL; with both engines a
 * side-by-side table follows. A measurement that fails on an engine is a `failed: …` row.
 *
 * Arguments: --scales <list> (BENCH_SCALES), --engine sqlite|postgres|both (BENCH_ENGINE; default
 * sqlite; the data set is generated as SQLite and copied into PostgreSQL, see engines.ts).
 * Environment: BENCH_POSTGRES_URL (an empty database to copy into instead of a private cluster;
 * one scale only), BENCH_SCALE (one scale: 1 = 100,000 proposals; 0.05 for a quick run), BENCH_DURATION
 * (seconds per page, 10), BENCH_CONNECTIONS (10), BENCH_SKIP_BUILD=1 (reuse build-bench/),
 * BENCH_KEEP=1 (keep the generated data directories), BENCH_DATA_DIR (one scale: reuse a generated
 * directory as it is).
 */

const root = path.resolve(import.meta.dirname, "../..");
const env = process.env;
const { values: args } = parseArgs({
  options: { scales: { type: "string" }, engine: { type: "string" } },
  allowPositionals: false,
});
const scaleList = args.scales ?? env.BENCH_SCALES ?? env.BENCH_SCALE ?? "0.1,1";
const scales = [...new Set(scaleList.split(",").map((v) => Number(v.trim())))].sort((a, b) => a - b);
if (scales.length === 0 || scales.some((v) => !Number.isFinite(v) || v <= 0))
  throw new Error(`--scales: positive numbers, comma-separated (got "${scaleList}")`);
const selected = selectedEngines(args.engine ?? env.BENCH_ENGINE ?? "sqlite");
if (selected.includes("postgres") && env.BENCH_POSTGRES_URL && scales.length > 1)
  throw new Error("BENCH_POSTGRES_URL is one empty database: give one scale (--scales or BENCH_SCALE)");
const mainScale = scales.at(-1)!;
const duration = Number(env.BENCH_DURATION ?? 10);
const connections = Number(env.BENCH_CONNECTIONS ?? 10);
const buildDir = path.join(root, "build-bench");
const log = (message: string) => console.log(`[bench] ${message}`);
const MB = 1024 * 1024;

interface Row {
  name: string;
  kind: "http" | "in-process" | "size";
  /** HTTP method of an http row (GET unless said). */
  method?: "POST";
  /** Requests (or operations) per second. */
  perSecond: number | null;
  p50: number | null;
  p99: number | null;
  /** p50 divided by the login page's p50, measured in the same run (pages only). */
  ratio: number | null;
  target: string;
  met: boolean | null;
  note?: string;
  /** The server's peak memory (RSS) after this page (JSON and log only): which page raised it. */
  peakMemoryAfterMB?: number;
}

/** A page measured over HTTP; `limit` is its target as a multiple of the login page's p50. */
interface Page {
  name: string;
  path: string;
  limit?: number;
  anonymous?: boolean;
  /** Timed one request at a time (target: each ≤ `singleMs`), not under load. */
  singleMs?: number;
  /** Its p50's growth with the data is a target (list, search, proposal and meeting pages). */
  grows?: boolean;
}

/** What one engine's run at one scale gives: its rows and each page's p50 by name. */
interface EngineRun {
  rows: Row[];
  p50: Map<string, number>;
}

/** What one scale's run gives: the data set and each engine's run on it. */
interface ScaleRun {
  scale: number;
  dataset: Dataset;
  engines: Partial<Record<Engine, EngineRun>>;
}

const engineTitle: Record<Engine, string> = {
  sqlite: "SQLite (the file, as `npm start` runs)",
  postgres: "PostgreSQL (DATABASE_URL, the same data copied with db:copy)",
};

async function main() {
  const started = Date.now();
  const load = { before: loadavg(), after: [] as number[] };
  if (env.BENCH_SKIP_BUILD !== "1" || !existsSync(buildDir)) {
    log("building into build-bench/");
    build(buildDir);
  }
  const runs: ScaleRun[] = [];
  for (const scale of scales) runs.push(await runScale(scale, scale === mainScale));
  const main = runs.at(-1)!;
  const byEngine = Object.fromEntries(
    selected.map((engine) => [
      engine,
      {
        rows: main.engines[engine]!.rows,
        growth: runs.length > 1 ? growthRows(runs[0]!, main, engine) : [],
      },
    ]),
  ) as Record<Engine, { rows: Row[]; growth: GrowthRow[] }>;
  const first = byEngine[selected[0]!];

  load.after = loadavg();
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model ?? "",
      loadBefore: load.before,
      loadAfter: load.after,
    },
    settings: { engines: selected, scales, duration, connections },
    dataset: main.dataset,
    // The first engine's (SQLite unless only PostgreSQL was chosen); every engine's under `engines`.
    rows: first.rows,
    growth: first.growth,
    engines: byEngine,
    scales: runs.map((r) => ({
      scale: r.scale,
      dataset: r.dataset,
      engines: Object.fromEntries(Object.entries(r.engines).map(([e, run]) => [e, run.rows])),
    })),
    seconds: (Date.now() - started) / 1000,
  };
  mkdirSync(path.join(root, "bench-results"), { recursive: true });
  writeFileSync(path.join(root, "bench-results/latest.json"), JSON.stringify(results, null, 2));
  for (const engine of selected) {
    console.log(`\nScale ${mainScale}, ${engineTitle[engine]}:\n` + table(byEngine[engine].rows));
    if (byEngine[engine].growth.length > 0)
      console.log(
        `\nGrowth of p50 from scale ${runs[0]!.scale} to ${mainScale} (${(mainScale / runs[0]!.scale).toFixed(0)} × the data), ${engine}:\n` +
          growthTable(byEngine[engine].growth),
      );
  }
  if (selected.length > 1)
    console.log(
      `\nScale ${mainScale}, side by side:\n` + sideBySide(byEngine.sqlite.rows, byEngine.postgres.rows),
    );
  console.log(
    `\n${cpus().length} cores; load average before ${load.before.map((l) => l.toFixed(1)).join(" ")}, after ${load.after.map((l) => l.toFixed(1)).join(" ")}. Written to bench-results/latest.json.`,
  );
}

/** The data set for a scale: generated into a temporary directory, or a kept one reused (BENCH_DATA_DIR). */
async function prepareData(scale: number): Promise<{ dataDir: string; dataset: Dataset; kept: boolean }> {
  const reuse = env.BENCH_DATA_DIR !== undefined && scales.length === 1;
  const dataDir = reuse ? env.BENCH_DATA_DIR! : mkdtempSync(path.join(tmpdir(), `innspill-bench-${scale}-`));
  const file = path.join(dataDir, "innspill.db");
  const described = path.join(dataDir, "dataset.json");
  let dataset: Dataset;
  if (reuse && existsSync(described)) {
    dataset = JSON.parse(readFileSync(described, "utf8")) as Dataset;
    log(`reusing ${file}`);
  } else {
    log(`scale ${scale}: generating into ${file}`);
    dataset = await generateDataset({ file, scale, passwordHash: await hashPassword(BENCH_PASSWORD), log });
    writeFileSync(described, JSON.stringify(dataset, null, 2));
  }
  log(`data: ${JSON.stringify(dataset.counts)} in ${dataset.seconds.toFixed(0)} s`);
  return { dataDir, dataset, kept: reuse || env.BENCH_KEEP === "1" };
}

function pagesOf(dataset: Dataset): Page[] {
  const year = dataset.reportYear;
  return [
    // The reference: a whole document with the layout and no data. First, so every ratio has it.
    { name: LOGIN_PAGE, path: "/logg-inn", anonymous: true },
    { name: "trivial route (/healthz)", path: "/healthz", anonymous: true },
    { name: "start page (/)", path: "/" },
    { name: "list, unfiltered", path: "/innspill", limit: 2, grows: true },
    { name: "list, by status", path: "/innspill?status=groupReview", limit: 2, grows: true },
    { name: "list, by group", path: `/innspill?gruppe=${dataset.groupId}`, limit: 2, grows: true },
    {
      name: "list, by municipality",
      path: `/innspill?kommune=${dataset.municipalityId}`,
      limit: 2,
      grows: true,
    },
    { name: "list, by year", path: `/innspill?aar=${year}`, limit: 2, grows: true },
    {
      name: "search, specific word",
      path: `/innspill?q=${encodeURIComponent(dataset.searchTerms.narrow)}`,
      limit: 2,
      grows: true,
    },
    {
      name: "search, common word",
      path: `/innspill?q=${encodeURIComponent(dataset.searchTerms.broad)}`,
      limit: 2.5,
      grows: true,
    },
    { name: "proposal page", path: `/innspill/${dataset.sampleProposalId}`, limit: 2, grows: true },
    { name: "meeting page, 15 cases", path: `/moter/${dataset.sampleMeetingId}`, limit: 2.5, grows: true },
    { name: "flowchart (/prosess)", path: "/prosess", limit: 2 },
    { name: `report (/rapport/${year})`, path: `/rapport/${year}`, singleMs: 1000 },
    {
      name: `report DOCX (/rapport/${year}/last-ned/docx)`,
      path: `/rapport/${year}/last-ned/docx`,
      singleMs: 1000,
    },
  ];
}

const LOGIN_PAGE = "login page, no data (/logg-inn)";
const LIST_PAGE = "/innspill";

/**
 * One scale: the data set generated (and copied into PostgreSQL when it is measured, before
 * anything is measured: the event timings write), then the same measurements on each engine.
 */
async function runScale(scale: number, isMain: boolean): Promise<ScaleRun> {
  const { dataDir, dataset, kept } = await prepareData(scale);
  const file = path.join(dataDir, "innspill.db");
  const run: ScaleRun = { scale, dataset, engines: {} };
  let postgres: PostgresCopy | undefined;
  let copyFailure: unknown;
  try {
    if (selected.includes("postgres")) {
      log("copying the data set into PostgreSQL (db:copy)");
      try {
        postgres = await postgresCopyOf(file, log);
        log(`db:copy took ${postgres.copySeconds.toFixed(0)} s`);
      } catch (error) {
        log(`db:copy failed: ${String(error)}`);
        copyFailure = error;
      }
    }
    for (const engine of selected) {
      log(`── scale ${scale}, measuring on ${engine}`);
      if (engine === "postgres" && !postgres) {
        run.engines.postgres = { rows: [failedRow(COPY_ROW, "in-process", "", copyFailure)], p50: new Map() };
        continue;
      }
      const location = engine === "postgres" ? postgres!.url : file;
      const measured = await measureEngine({ engine, location, dataDir, dataset, isMain });
      if (postgres && engine === "postgres")
        measured.rows.push({
          name: COPY_ROW,
          kind: "in-process",
          perSecond: null,
          p50: postgres.copySeconds * 1000,
          p99: null,
          ratio: null,
          target: "",
          met: null,
          note: `${postgres.tables} tables, ${postgres.rows.toLocaleString("en-US")} rows, all verified`,
        });
      run.engines[engine] = measured;
    }
  } finally {
    await postgres?.stop();
  }
  // The JavaScript pages send is the same on every engine: shown once, with the first.
  if (isMain) bundleRows(run.engines[selected[0]!]!.rows);
  if (!kept) rmSync(dataDir, { recursive: true, force: true });
  else log(`data kept in ${dataDir}`);
  return run;
}

const COPY_ROW = "db:copy of the generated SQLite file";

/**
 * Everything measured on one engine at one scale: the pages with one server process; at the main
 * scale also the login timing, the list page with two server processes, peak memory and the
 * in-process operations. A measurement that fails is a `failed: …` row, not the end of the run.
 */
async function measureEngine(opts: {
  engine: Engine;
  /** The SQLite file or the PostgreSQL URL. */
  location: string;
  dataDir: string;
  dataset: Dataset;
  isMain: boolean;
}): Promise<EngineRun> {
  const { engine, location, dataDir, dataset, isMain } = opts;
  const rows: Row[] = [];
  const p50 = new Map<string, number>();
  const memory: { run: string; pid: number; role: string; bytes: number }[] = [];
  let listOne: HttpResult | undefined;
  const server = await startProductionServer({ engine, location, dataDir, buildDir, processes: 1 }).catch(
    (error: unknown) => {
      rows.push(failedRow("server start, 1 process", "http", "", error));
      return undefined;
    },
  );
  if (server) {
    try {
      let cookie: string | undefined;
      let loginFailure: unknown;
      try {
        cookie = await loginCookie(server.url, dataset.bench.email, BENCH_PASSWORD);
      } catch (error) {
        loginFailure = error;
      }
      let reference: HttpResult | undefined;
      for (const page of pagesOf(dataset)) {
        try {
          if (!page.anonymous && cookie === undefined) throw loginFailure;
          const row = await measurePage(server.url, page, page.anonymous ? undefined : cookie, reference);
          const peak = Math.max(0, ...peakMemory(server).map((m) => m.bytes)) / MB;
          log(`${page.path}: peak memory so far ${peak.toFixed(0)} MB`);
          rows.push({ ...row.row, peakMemoryAfterMB: Math.round(peak) });
          if (row.result && page.name === LOGIN_PAGE) reference = row.result;
          if (row.row.p50 !== null) p50.set(page.name, row.row.p50);
        } catch (error) {
          rows.push(failedRow(page.name, "http", targetOf(page), error));
        }
      }
      if (isMain) {
        await loginEnumeration(server.url, dataset, rows, reference).catch((error: unknown) =>
          rows.push(failedRow("login, known and unknown e-mail", "http", "unknown ÷ known ≥ 0.6", error)),
        );
        log(`measuring ${LIST_PAGE} with 1 server process (${duration} s)`);
        if (cookie !== undefined)
          listOne = await measurePath(server.url, LIST_PAGE, {
            cookie,
            connections,
            duration,
            processes: 1,
          }).catch((error: unknown) => {
            rows.push(failedRow("list page, 1 server process", "http", "", error));
            return undefined;
          });
      }
      memory.push(...peakMemory(server).map((m) => ({ run: "1 process", ...m })));
    } finally {
      await server.stop();
    }
  }

  if (isMain) {
    // The same list page, the same connections, two server processes on the same database.
    try {
      if (!listOne) throw new Error("not measured with 1 server process");
      rows.push(throughputRow("list page, 1 server process", listOne, "", null));
      const cluster = await startProductionServer({ engine, location, dataDir, buildDir, processes: 2 });
      try {
        const clusterCookie = await loginCookie(cluster.url, dataset.bench.email, BENCH_PASSWORD);
        log(`measuring ${LIST_PAGE} with 2 server processes (${duration} s)`);
        const listTwo = await measurePath(cluster.url, LIST_PAGE, {
          cookie: clusterCookie,
          connections,
          duration,
          processes: 2,
        });
        const measured = listOne.requests > 0 && listTwo.requests > 0;
        const gain = measured ? listTwo.requestsPerSecond / listOne.requestsPerSecond : null;
        rows.push(
          throughputRow(
            "list page, 2 server processes",
            listTwo,
            TWO_PROCESSES_TARGET,
            gain !== null && gain >= 1.6,
            gain === null ? "not measured" : `${gain.toFixed(2)} × 1 process`,
          ),
        );
        memory.push(...peakMemory(cluster).map((m) => ({ run: "2 processes", ...m })));
      } finally {
        await cluster.stop();
      }
    } catch (error) {
      rows.push(failedRow("list page, 2 server processes", "http", TWO_PROCESSES_TARGET, error));
    }
    for (const m of memory)
      rows.push({
        name: `peak memory (RSS), ${m.role}, ${m.run} run`,
        kind: "size",
        perSecond: null,
        p50: null,
        p99: null,
        ratio: null,
        target: "≤ 400 MB",
        met: m.bytes <= 400 * MB,
        note: `${(m.bytes / MB).toFixed(0)} MB (pid ${m.pid})`,
      });
    await inProcess(location, dataset, rows);
    await notificationWorker({ engine, location, dataDir, dataset }, rows);
  }
  return { rows, p50 };
}

const IDLE_RUN_TARGET_MS = 10;
const IDLE_SERVER_TARGET_MS = 5;
/** How long the idle server settles after start before its CPU is read (the start-up's own GC). */
const IDLE_SETTLE_MS = 35_000;

/**
 * The notification worker, measured apart from the pages (decision 030): the pages ran on servers
 * with the worker off. In-process: the backlog the data set starts with (the week's reminders of
 * every proposal waiting past its limit, the planned ends passed, the events' e-mails) worked off
 * as the worker does, jobs then delivery to `.eml` files, and one run of the jobs with nothing due.
 * Then a server with the worker in it, left without requests: its CPU per second.
 */
async function notificationWorker(
  opts: { engine: Engine; location: string; dataDir: string; dataset: Dataset },
  rows: Row[],
) {
  log("working off the notification backlog in-process");
  const db = openDatabase(opts.location);
  try {
    const f = await drainNotificationBacklog(db, {
      now: new Date(),
      outboxDir: path.join(opts.dataDir, "outbox"),
    });
    const seconds = f.wallMs / 1000;
    rows.push({
      name: `notification backlog worked off (${f.notifications.toLocaleString("en-US")} notifications, ${f.emails.toLocaleString("en-US")} e-mails)`,
      kind: "in-process",
      perSecond: f.notifications / seconds,
      p50: f.wallMs,
      p99: null,
      ratio: null,
      target: "",
      met: null,
      note: `p50 = all of it: ${f.runs} runs, ${seconds.toFixed(1)} s (${(f.cpuMs / 1000).toFixed(1)} s CPU); ${Math.round(f.emails / seconds).toLocaleString("en-US")} e-mails/s`,
    });
    rows.push({
      name: "notification jobs, one run with nothing due (CPU)",
      kind: "in-process",
      perSecond: null,
      p50: f.idleRunCpuMs,
      p99: null,
      ratio: null,
      target: `≤ ${IDLE_RUN_TARGET_MS} ms`,
      met: f.idleRunCpuMs <= IDLE_RUN_TARGET_MS,
      note: `median of ${f.idleRuns}`,
    });
  } catch (error) {
    rows.push(failedRow("notification backlog worked off", "in-process", "", error));
  } finally {
    await db.destroy();
  }
  const name = "idle server, worker in-process (CPU ms per second)";
  const target = `≤ ${IDLE_SERVER_TARGET_MS} ms / s`;
  try {
    const server = await startProductionServer({
      engine: opts.engine,
      location: opts.location,
      dataDir: opts.dataDir,
      buildDir,
      processes: 1,
      worker: "in-process",
    });
    try {
      // The worker's first tick runs the jobs at start; then it ticks every 5 s (jobs every minute).
      // V8's memory reducer compacts the heap of the start-up some 20–30 s after the process goes
      // quiet (a one-off of about 100–250 ms): the figure is the idle server after that.
      await new Promise((resolve) => setTimeout(resolve, IDLE_SETTLE_MS));
      const seconds = Math.max(10, duration);
      const msPerSecond = await idleCpuMsPerSecond(server, seconds);
      rows.push({
        name,
        kind: "size",
        perSecond: null,
        p50: null,
        p99: null,
        ratio: null,
        target,
        met: msPerSecond <= IDLE_SERVER_TARGET_MS,
        note: `${msPerSecond.toFixed(1)} ms CPU / s over ${seconds} s`,
      });
    } finally {
      await server.stop();
    }
  } catch (error) {
    rows.push(failedRow(name, "size", target, error));
  }
}

const TWO_PROCESSES_TARGET = "req/s ≥ 1.6 × 1 process";

/** A measurement that could not be taken on this engine: shown as such, with the error's first line. */
function failedRow(name: string, kind: Row["kind"], target: string, error: unknown): Row {
  const message = String(error instanceof Error ? error.message : error)
    .split("\n")[0]!
    .slice(0, 100);
  log(`${name}: failed: ${message}`);
  return {
    name,
    kind,
    perSecond: null,
    p50: null,
    p99: null,
    ratio: null,
    target,
    met: target ? false : null,
    note: `failed: ${message}`,
  };
}

function targetOf(page: Page): string {
  return page.singleMs
    ? `one request ≤ ${page.singleMs / 1000} s`
    : page.limit
      ? `p50 ≤ ${page.limit} × login page`
      : "";
}

/** One page: under load for `duration` s (a page needing seconds per request one at a time instead). */
async function measurePage(
  url: string,
  page: Page,
  cookie: string | undefined,
  reference: HttpResult | undefined,
): Promise<{ row: Row; result?: HttpResult }> {
  const ratioOf = (ms: number) => (reference ? ms / Math.max(reference.p50, 1) : null);
  const target = targetOf(page);
  const base = { name: page.name, kind: "http" as const, target };
  const single = await timeSingleRequests(url, page.path, cookie, page.singleMs ? 3 : 1);
  if (single.status !== 200) {
    log(`${page.path}: ${single.status}, not measured`);
    return {
      row: {
        ...base,
        perSecond: null,
        p50: null,
        p99: null,
        ratio: null,
        met: target ? false : null,
        note: `answered ${single.status}, not measured`,
      },
    };
  }
  const slowest = single.ms.at(-1)!;
  // The report and its Word file are timed one request at a time (their target is per request); so
  // is a page that takes seconds for one request: under load it would only time out.
  if (page.singleMs || slowest > 2000) {
    const median = single.ms[Math.floor(single.ms.length / 2)]!;
    log(`${page.path}: one request at a time, ${single.ms.map((ms) => ms.toFixed(0)).join(", ")} ms`);
    return {
      row: {
        ...base,
        perSecond: 1000 / median,
        p50: median,
        p99: null,
        ratio: ratioOf(median),
        met: page.singleMs ? slowest <= page.singleMs : page.limit ? false : null,
        note: `one request at a time (${single.ms.length}, slowest ${slowest.toFixed(0)} ms, ${Math.round(single.bytes / 1024)} kB); not load-tested`,
      },
    };
  }
  log(`measuring ${page.path} (${duration} s, ${connections} connections)`);
  const result = await measurePath(url, page.path, { cookie, connections, duration, processes: 1 });
  log(
    `${page.path}: measured after ${result.warmUp.requests} requests of warm-up (${result.warmUp.seconds} s)`,
  );
  const failures = result.errors + result.non2xx;
  // On a busy machine a slow page may see no answer within the window: then nothing was measured.
  if (result.requests === 0)
    return {
      row: {
        ...base,
        perSecond: 0,
        p50: null,
        p99: null,
        ratio: null,
        met: page.limit ? false : null,
        note: `no answer within ${duration} s at ${connections} connections: not measured`,
      },
    };
  const ratio = ratioOf(result.p50);
  return {
    result,
    row: {
      ...base,
      perSecond: result.requestsPerSecond,
      p50: result.p50,
      p99: result.p99,
      ratio,
      met: page.limit ? ratio !== null && ratio <= page.limit && failures === 0 : null,
      note:
        failures > 0 ? `${result.errors} errors, ${result.non2xx} non-2xx of ${result.requests}` : undefined,
    },
  };
}

function throughputRow(name: string, r: HttpResult, target: string, met: boolean | null, note?: string): Row {
  const failures = r.errors + r.non2xx;
  const none = r.requests === 0 ? `no answer within ${duration} s` : undefined;
  return {
    name,
    kind: "http",
    perSecond: r.requestsPerSecond,
    p50: none ? null : r.p50,
    p99: none ? null : r.p99,
    ratio: null,
    target,
    met: met === null ? null : met && failures === 0,
    note: [
      note,
      `after ${r.warmUp.requests} requests of warm-up (${r.warmUp.seconds} s)`,
      none,
      failures > 0 ? `${r.errors} errors, ${r.non2xx} non-2xx of ${r.requests}` : undefined,
    ]
      .filter(Boolean)
      .join("; "),
  };
}

/**
 * Single operations, in-process, with the server stopped: Kysely on the same database the server
 * ran on (the SQLite file or the PostgreSQL URL). Each one that fails is a `failed: …` row.
 */
async function inProcess(location: string, dataset: Dataset, rows: Row[]) {
  const db = openDatabase(location);
  try {
    const user = await currentUserById(db, dataset.bench.userId).catch((error: unknown) => {
      rows.push(failedRow("in-process timings (the bench user)", "in-process", "", error));
      return undefined;
    });
    if (!user) return;
    const viewerId = user.id;
    const timed = async (
      name: string,
      measure: () => Promise<Timing>,
      target = "",
      limit?: number,
      note?: string,
    ) => {
      try {
        const t = await measure();
        rows.push({
          name,
          kind: "in-process",
          perSecond: 1000 / t.mean,
          p50: t.p50,
          p99: t.p99,
          ratio: null,
          target,
          met: limit === undefined ? null : t.p50 <= limit,
          note,
        });
      } catch (error) {
        rows.push(failedRow(name, "in-process", target, error));
      }
    };
    log("timing queries in-process");
    await timed(
      `search query "${dataset.searchTerms.narrow}"`,
      () => time(listQuery(db, { viewerId, q: dataset.searchTerms.narrow })),
      "≤ 10 ms",
      10,
    );
    await timed(
      `search query "${dataset.searchTerms.broad}"`,
      () => time(listQuery(db, { viewerId, q: dataset.searchTerms.broad })),
      "≤ 10 ms",
      10,
    );
    await timed("list query, unfiltered", () => time(listQuery(db, { viewerId })));
    await timed("list query, by status", () => time(listQuery(db, { viewerId, states: ["groupReview"] })));
    await timed("list query, by group", () => time(listQuery(db, { viewerId, groupId: dataset.groupId })));
    await timed("list query, by municipality", () =>
      time(listQuery(db, { viewerId, municipalityId: dataset.municipalityId })),
    );
    await timed("list query, by year", () => time(listQuery(db, { viewerId, year: dataset.reportYear })));
    await timed("flowchart counts (countByState)", () => time(flowchartCounts(db), 100), "≤ 5 ms", 5);

    log("building the report");
    const reportName = `report DOCX ${dataset.reportYear}`;
    try {
      const report = await reportDocxTiming(db, dataset.reportYear);
      await timed(
        `${reportName} (${report.proposals.toLocaleString("en-US")} proposals submitted in it)`,
        () => Promise.resolve(report.timing),
        "≤ 1 s",
        1000,
        `${Math.round(report.bytes / 1024)} kB`,
      );
    } catch (error) {
      rows.push(failedRow(reportName, "in-process", "≤ 1 s", error));
    }

    // Last: it writes (history rows), so the data set is no longer as generated afterwards.
    log("applying events");
    try {
      const events = await eventsPerSecond(
        db,
        user,
        Math.max(200, Math.round(2_000 * Math.min(1, mainScale * 10))),
      );
      rows.push({
        name: `applying events (${events.events}, one transaction each)`,
        kind: "in-process",
        perSecond: events.perSecond,
        p50: (events.seconds * 1000) / events.events,
        p99: null,
        ratio: null,
        target: "≥ 1,000 / s",
        met: events.perSecond >= 1000,
      });
    } catch (error) {
      rows.push(failedRow("applying events", "in-process", "≥ 1,000 / s", error));
    }
    // Their notifications, fanned out after commit by the worker (decision 031): shown, not hidden.
    log("notification fan-out after those events");
    try {
      const fanOut = await fanOutPerSecond(db);
      rows.push({
        name: `notification fan-out after those events (${fanOut.events} events fanned out)`,
        kind: "in-process",
        perSecond: fanOut.perSecond,
        p50: fanOut.events > 0 ? (fanOut.seconds * 1000) / fanOut.events : null,
        p99: null,
        ratio: null,
        target: "–",
        met: null,
      });
    } catch (error) {
      rows.push(failedRow("notification fan-out after those events", "in-process", "–", error));
    }
  } finally {
    await db.destroy();
  }
}

/** The JavaScript a first visit to the list page loads, and where React Flow is. */
function bundleRows(rows: Row[]) {
  const listJs = pageJavaScript(buildDir, "routes/innspill._index");
  const flowRoutes = routesWithReactFlow(buildDir);
  const flowChunks = reactFlowChunks(buildDir);
  rows.push({
    name: "JavaScript for the list page (gzip)",
    kind: "size",
    perSecond: null,
    p50: null,
    p99: null,
    ratio: null,
    target: "≤ 90 kB",
    met: listJs.gzipBytes <= 90 * 1024,
    note: `${(listJs.gzipBytes / 1024).toFixed(1)} kB gzip (${(listJs.bytes / 1024).toFixed(0)} kB raw, ${listJs.files.length} files)`,
  });
  rows.push({
    name: "React Flow only where a flowchart is",
    kind: "size",
    perSecond: null,
    p50: null,
    p99: null,
    ratio: null,
    target: "not in the list page",
    met: !listJs.includesReactFlow,
    note: `list page: ${listJs.includesReactFlow ? "includes it" : "no"}; routes loading it up front: ${flowRoutes.join(", ") || "none"}; chunks: ${flowChunks.join(", ") || "none"}`,
  });
}

interface GrowthRow {
  name: string;
  small: number | null;
  large: number | null;
  growth: number | null;
  target: string;
  met: boolean | null;
}

/** How each page's p50 grows on one engine from the smallest scale to the largest (target < 1.5 × for the data pages). */
function growthRows(small: ScaleRun, large: ScaleRun, engine: Engine): GrowthRow[] {
  return pagesOf(large.dataset).map((page) => {
    const a = small.engines[engine]?.p50.get(page.name) ?? null;
    const b = large.engines[engine]?.p50.get(page.name) ?? null;
    // Autocannon counts whole milliseconds: a p50 under 1 ms counts as 1.
    const growth = a === null || b === null ? null : Math.max(b, 1) / Math.max(a, 1);
    return {
      name: page.name,
      small: a,
      large: b,
      growth,
      target: page.grows ? "< 1.5 ×" : "",
      met: page.grows ? growth !== null && growth < 1.5 : null,
    };
  });
}

function growthTable(rows: GrowthRow[]): string {
  const ms = (v: number | null) => (v === null ? "–" : v.toFixed(0));
  return alignedTable([
    ["Page", `p50 ms at ${scales[0]}`, `p50 ms at ${mainScale}`, "growth", "Target", "Met"],
    ...rows.map((r) => [
      `GET ${r.name}`,
      ms(r.small),
      ms(r.large),
      r.growth === null ? "–" : `${r.growth.toFixed(2)} ×`,
      r.target || "–",
      r.met === null ? "–" : r.met ? "yes" : "NO",
    ]),
  ]);
}

/**
 * A wrong password for a known e-mail against an unknown e-mail: if the unknown one answered much
 * faster, response times would tell which accounts exist. One request at a time, interleaved.
 */
async function loginEnumeration(
  url: string,
  dataset: Dataset,
  rows: Row[],
  reference: HttpResult | undefined,
) {
  // Generated accounts person2@benk.invalid … (scripts/bench/generate.ts), each tried once.
  const samples = Math.max(2, Math.min(31, (dataset.counts.user ?? 2) - 1));
  const known = Array.from({ length: samples }, (_, i) => `person${i + 2}@benk.invalid`);
  log(`timing ${samples - 1} wrong-password logins each for known and unknown e-mails`);
  const result = await measureLoginEnumeration(url, known);
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const percentile = (xs: number[], p: number) =>
    sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
  const p50 = { known: percentile(result.knownMs, 0.5), unknown: percentile(result.unknownMs, 0.5) };
  const ratio = p50.unknown / p50.known;
  const unexpected = result.unexpected > 0 ? `; ${result.unexpected} answers were not 401` : "";
  const row = (name: string, ms: number[], target: string, met: boolean | null, note: string) =>
    rows.push({
      name,
      kind: "http",
      method: "POST",
      perSecond: 1000 / percentile(ms, 0.5),
      p50: percentile(ms, 0.5),
      p99: percentile(ms, 0.99),
      ratio: reference ? percentile(ms, 0.5) / Math.max(reference.p50, 1) : null,
      target,
      met,
      note,
    });
  row(
    "login, known e-mail, wrong password",
    result.knownMs,
    "",
    null,
    `${result.knownMs.length} one at a time${unexpected}`,
  );
  row(
    "login, unknown e-mail",
    result.unknownMs,
    "unknown ÷ known ≥ 0.6",
    result.unexpected === 0 && ratio >= 0.6,
    `unknown ÷ known = ${ratio.toFixed(2)} (p50 ${p50.unknown.toFixed(0)} ÷ ${p50.known.toFixed(0)} ms)${unexpected}`,
  );
}

/** One plain-text table, columns aligned; the README's Performance section copies it. */
export function table(rows: Row[]): string {
  const num = (v: number | null, digits = 1) => (v === null ? "–" : v.toFixed(digits));
  return alignedTable([
    ["Measurement", "req/s or ops/s", "p50 ms", "p99 ms", "p50 ÷ login page", "Target", "Met", "Note"],
    ...rows.map((r) => [
      `${r.kind === "http" ? `${r.method ?? "GET"} ` : ""}${r.name}`,
      r.perSecond === null ? "–" : Math.round(r.perSecond).toLocaleString("en-US"),
      num(r.p50, r.kind === "http" ? 0 : 2),
      num(r.p99, r.kind === "http" ? 0 : 2),
      r.ratio === null ? "–" : r.ratio.toFixed(1),
      r.target || "–",
      r.met === null ? "–" : r.met ? "yes" : "NO",
      r.note ?? "",
    ]),
  ]);
}

/**
 * Both engines' rows in one table, matched by name: each page's and operation's p50 and rate per
 * engine ("failed" where it failed or did not answer 200, "–" where it was not measured there).
 */
export function sideBySide(sqlite: Row[], postgres: Row[]): string {
  const ms = (r: Row | undefined, digits: number) =>
    !r
      ? "–"
      : r.p50 === null
        ? r.note?.startsWith("failed") || r.note?.startsWith("answered")
          ? "failed"
          : "–"
        : r.p50.toFixed(digits);
  const rate = (r: Row | undefined) =>
    r?.perSecond == null ? "–" : Math.round(r.perSecond).toLocaleString("en-US");
  // A name's last parenthesis may hold one run's figures ("report DOCX 2025 (9,874 proposals …)").
  const key = (r: Row) => `${r.kind} ${r.method ?? ""} ${r.name.replace(/ \([^()]*\)$/, "")}`;
  const timed = (rows: Row[]) => rows.filter((r) => r.kind !== "size");
  const names = [...timed(sqlite), ...timed(postgres).filter((p) => !sqlite.some((s) => key(s) === key(p)))];
  return alignedTable([
    [
      "Measurement",
      "SQLite p50 ms",
      "PostgreSQL p50 ms",
      "SQLite req/s or ops/s",
      "PostgreSQL req/s or ops/s",
    ],
    ...names.map((row) => {
      const a = sqlite.find((r) => key(r) === key(row));
      const b = postgres.find((r) => key(r) === key(row));
      const digits = row.kind === "http" ? 0 : 2;
      return [
        `${row.kind === "http" ? `${row.method ?? "GET"} ` : ""}${row.name}`,
        ms(a, digits),
        ms(b, digits),
        rate(a),
        rate(b),
      ];
    }),
  ]);
}

function alignedTable(lines: string[][]): string {
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  const fmt = (l: string[]) => `| ${l.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [
    fmt(lines[0]!),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...lines.slice(1).map(fmt),
  ].join("\n");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
