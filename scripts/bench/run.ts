import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "../../db/connection";
import { hashPassword } from "../../app/server/password.server";
import { pageJavaScript, reactFlowChunks, routesWithReactFlow } from "./bundle";
import { BENCH_PASSWORD, generateDataset, type Dataset } from "./generate";
import { currentUserById } from "../../app/server/current-user.server";
import { eventsPerSecond, flowchartCounts, listQuery, time, type Timing } from "./in-process";
import { reportDocxTiming } from "./report";
import { loginCookie } from "../../tests/support/server";
import { benchEngines, postgresCopyOf, type BenchEngine, type PostgresCopy } from "./engines";
import {
  build,
  measureLoginEnumeration,
  measurePath,
  startProductionServer,
  type HttpResult,
} from "./server";

/**
 * `npm run bench`: generates a national-scale data set, starts the production server on it and
 * measures pages with autocannon, then times single operations in-process, and prints one table
 * (also written as JSON to bench-results/latest.json).
 *
 * Environment: BENCH_SCALE (1 = 100,000 proposals; 0.05 for a quick run), BENCH_DURATION (seconds
 * per page, 10), BENCH_CONNECTIONS (10), BENCH_SKIP_BUILD=1 (reuse build-bench/), BENCH_KEEP=1
 * (keep the generated data directory), BENCH_DATA_DIR (reuse a generated directory as it is).
 * `--engine sqlite|postgres|both` (or BENCH_ENGINE): which engine the server and the in-process
 * timings run on (scripts/bench/engines.ts); `both` prints the two side by side.
 */

const root = path.resolve(import.meta.dirname, "../..");
const env = process.env;
const scale = Number(env.BENCH_SCALE ?? 1);
const duration = Number(env.BENCH_DURATION ?? 10);
const connections = Number(env.BENCH_CONNECTIONS ?? 10);
const buildDir = path.join(root, "build-bench");
const log = (message: string) => console.log(`[bench] ${message}`);

interface Row {
  name: string;
  kind: "http" | "in-process" | "size";
  /** HTTP method of an http row (GET unless said). */
  method?: "POST";
  /** Requests (or operations) per second. */
  perSecond: number | null;
  p50: number | null;
  p99: number | null;
  /** p50 divided by the trivial route's p50 (pages only). */
  ratio: number | null;
  target: string;
  met: boolean | null;
  note?: string;
}

async function main() {
  const started = Date.now();
  const load = { before: loadavg(), after: [] as number[] };
  const dataDir = env.BENCH_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "innspill-bench-"));
  const file = path.join(dataDir, "innspill.db");
  const engines = benchEngines(process.argv.slice(2), env.BENCH_ENGINE);

  const described = path.join(dataDir, "dataset.json");
  let dataset: Dataset;
  if (env.BENCH_DATA_DIR !== undefined && existsSync(described)) {
    dataset = JSON.parse(readFileSync(described, "utf8")) as Dataset;
    log(`reusing ${file}`);
  } else {
    log(`scale ${scale}: generating into ${file}`);
    dataset = await generateDataset({ file, scale, passwordHash: await hashPassword(BENCH_PASSWORD), log });
    writeFileSync(described, JSON.stringify(dataset, null, 2));
  }
  log(`data: ${JSON.stringify(dataset.counts)} in ${dataset.seconds.toFixed(0)} s`);

  if (env.BENCH_SKIP_BUILD !== "1" || !existsSync(buildDir)) {
    log("building into build-bench/");
    build(buildDir);
  }

  // PostgreSQL gets its copy before anything is measured: the event timings write to the SQLite file.
  let postgres: PostgresCopy | undefined;
  if (engines.includes("postgres")) {
    log("copying the data set into PostgreSQL (db:copy)");
    postgres = await postgresCopyOf(file, log);
    log(`db:copy took ${postgres.copySeconds.toFixed(0)} s`);
  }
  const byEngine: Partial<Record<BenchEngine, Row[]>> = {};
  const http: HttpResult[] = [];
  try {
    for (const engine of engines) {
      log(`── measuring on ${engine}`);
      const location = engine === "postgres" ? postgres!.url : file;
      const rows = await measureEngine({ engine, location, dataDir, dataset, http });
      if (engine === "postgres")
        rows.push({
          name: "db:copy of the generated SQLite file",
          kind: "in-process",
          perSecond: null,
          p50: postgres!.copySeconds * 1000,
          p99: null,
          ratio: null,
          target: "",
          met: null,
          note: `${postgres!.tables} tables, ${postgres!.rows.toLocaleString("en-US")} rows, all verified`,
        });
      byEngine[engine] = rows;
    }
  } finally {
    await postgres?.stop();
  }
  const rows = byEngine[engines[0]!]!;
  rows.push(...javaScriptRows());

  load.after = loadavg();
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model ?? "",
      loadBefore: load.before,
      loadAfter: load.after,
    },
    settings: { scale, duration, connections, engines },
    dataset,
    rows,
    engines: byEngine,
    http,
    seconds: (Date.now() - started) / 1000,
  };
  mkdirSync(path.join(root, "bench-results"), { recursive: true });
  writeFileSync(path.join(root, "bench-results/latest.json"), JSON.stringify(results, null, 2));
  for (const engine of engines) {
    console.log(`\n${engineTitle[engine]}\n`);
    console.log(table(engine === engines[0] ? rows : byEngine[engine]!));
  }
  if (engines.length === 2)
    console.log(`\nSide by side\n\n${sideBySide(byEngine.sqlite!, byEngine.postgres!)}`);
  console.log(
    `\n${cpus().length} cores; load average before ${load.before.map((l) => l.toFixed(1)).join(" ")}, after ${load.after.map((l) => l.toFixed(1)).join(" ")}. Written to bench-results/latest.json.`,
  );
  if (env.BENCH_DATA_DIR === undefined && env.BENCH_KEEP !== "1")
    rmSync(dataDir, { recursive: true, force: true });
  else log(`data kept in ${dataDir}`);
}

const engineTitle: Record<BenchEngine, string> = {
  sqlite: "SQLite (the file, as `npm start` runs)",
  postgres: "PostgreSQL (DATABASE_URL, the same data copied with db:copy)",
};

/**
 * Everything measured on one engine: pages over HTTP against the production server on it, then
 * single operations in-process. A measurement that fails on an engine is a row saying so, not
 * the end of the run.
 */
async function measureEngine(opts: {
  engine: BenchEngine;
  location: string;
  dataDir: string;
  dataset: Dataset;
  http: HttpResult[];
}): Promise<Row[]> {
  const { engine, location, dataDir, dataset, http } = opts;
  const rows: Row[] = [];
  // ── Pages over HTTP ────────────────────────────────────────────────────────────
  const server = await startProductionServer({
    dataDir,
    buildDir,
    env: engine === "postgres" ? { DATABASE_URL: location } : {},
  });
  const pages: { name: string; path: string; target?: "list"; anonymous?: boolean }[] = [
    { name: "trivial route (/healthz)", path: "/healthz", anonymous: true },
    { name: "login page, no data (/logg-inn)", path: "/logg-inn", anonymous: true },
    { name: "start page (/)", path: "/" },
    { name: "list, unfiltered", path: "/innspill", target: "list" },
    { name: "list, by status", path: "/innspill?status=groupReview", target: "list" },
    { name: "list, by group", path: `/innspill?gruppe=${dataset.groupId}`, target: "list" },
    { name: "list, by municipality", path: `/innspill?kommune=${dataset.municipalityId}`, target: "list" },
    { name: "list, by year", path: `/innspill?aar=${dataset.reportYear}`, target: "list" },
    { name: "search, specific word", path: `/innspill?q=${dataset.searchTerms.narrow}`, target: "list" },
    {
      name: "search, common word",
      path: `/innspill?q=${encodeURIComponent(dataset.searchTerms.broad)}`,
      target: "list",
    },
    { name: "proposal page", path: `/innspill/${dataset.sampleProposalId}` },
    { name: "flowchart (/prosess)", path: "/prosess" },
    { name: `report (/rapport/${dataset.reportYear})`, path: `/rapport/${dataset.reportYear}` },
  ];
  try {
    const cookie = await loginCookie(server.url, dataset.bench.email, BENCH_PASSWORD);
    let trivial: HttpResult | undefined;
    for (const page of pages) {
      const headers: Record<string, string> = page.anonymous ? {} : { Cookie: cookie };
      const probeStarted = performance.now();
      const probe = await fetch(`${server.url}${page.path}`, { headers, redirect: "manual" });
      await probe.arrayBuffer();
      const probeMs = performance.now() - probeStarted;
      const unmeasured = (note: string, p50: number | null = null) =>
        rows.push({
          name: page.name,
          kind: "http",
          perSecond: p50 === null ? null : 1000 / p50,
          p50,
          p99: null,
          ratio: p50 === null || !trivial ? null : p50 / Math.max(trivial.p50, 1),
          target: page.target ? "p50 ≤ 1.5 × trivial" : "",
          met: page.target && p50 !== null ? false : null,
          note,
        });
      if (probe.status !== 200) {
        log(`${page.path}: ${probe.status}, not measured`);
        unmeasured(`answered ${probe.status}, not measured`);
        continue;
      }
      // A page that takes seconds for one request would only time out under load: its one request is the result.
      if (probeMs > 2000) {
        log(`${page.path}: one request took ${(probeMs / 1000).toFixed(1)} s, not load-tested`);
        const again = performance.now();
        await (await fetch(`${server.url}${page.path}`, { headers })).arrayBuffer();
        const ms = Math.min(probeMs, performance.now() - again);
        unmeasured(`one request at a time: ${(ms / 1000).toFixed(1)} s each; not load-tested`, ms);
        continue;
      }
      log(`measuring ${page.path} (${duration} s, ${connections} connections)`);
      const result = await measurePath(server.url, page.path, {
        cookie: page.anonymous ? undefined : cookie,
        connections,
        duration,
        warmup: Math.min(3, duration),
      });
      http.push(result);
      trivial ??= result;
      const ratio = result.p50 / Math.max(trivial.p50, 1);
      rows.push({
        name: page.name,
        kind: "http",
        perSecond: result.requestsPerSecond,
        p50: result.p50,
        p99: result.p99,
        ratio,
        target: page.target ? "p50 ≤ 1.5 × trivial" : "",
        met: page.target ? ratio <= 1.5 : null,
        note:
          result.errors + result.non2xx > 0
            ? `${result.errors} errors, ${result.non2xx} non-2xx of ${result.requests}`
            : undefined,
      });
    }
    await loginEnumeration(server.url, dataset, rows, trivial);
  } finally {
    await server.stop();
  }

  // ── Single operations, in-process ──────────────────────────────────────────────
  const db = openDatabase(location);
  const user = await currentUserById(db, dataset.bench.userId);
  const viewerId = user.id;
  const timed = async (
    name: string,
    measure: Promise<Timing>,
    target = "",
    limit?: number,
    note?: string,
  ) => {
    try {
      const t = await measure;
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
      rows.push(failedRow(name, target, error));
    }
  };
  log("timing queries in-process");
  await timed(
    `search query "${dataset.searchTerms.narrow}"`,
    time(listQuery(db, { viewerId, q: dataset.searchTerms.narrow })),
    "≤ 10 ms",
    10,
  );
  await timed(
    `search query "${dataset.searchTerms.broad}"`,
    time(listQuery(db, { viewerId, q: dataset.searchTerms.broad })),
    "≤ 10 ms",
    10,
  );
  await timed("list query, unfiltered", time(listQuery(db, { viewerId })));
  await timed("list query, by status", time(listQuery(db, { viewerId, states: ["groupReview"] })));
  await timed("list query, by group", time(listQuery(db, { viewerId, groupId: dataset.groupId })));
  await timed(
    "list query, by municipality",
    time(listQuery(db, { viewerId, municipalityId: dataset.municipalityId })),
  );
  await timed("list query, by year", time(listQuery(db, { viewerId, year: dataset.reportYear })));
  await timed("flowchart counts (countByState)", time(flowchartCounts(db), 100), "≤ 5 ms", 5);

  log("building the report");
  try {
    const report = await reportDocxTiming(db, dataset.reportYear);
    await timed(
      `report DOCX ${dataset.reportYear} (${report.proposals.toLocaleString("en-US")} proposals submitted in it)`,
      Promise.resolve(report.timing),
      "≤ 1 s",
      1000,
      `${Math.round(report.bytes / 1024)} kB`,
    );
  } catch (error) {
    rows.push(failedRow(`report DOCX ${dataset.reportYear}`, "≤ 1 s", error));
  }

  // Last: it writes (history rows), so the data set is no longer as generated afterwards.
  log("applying events");
  try {
    const events = await eventsPerSecond(
      db,
      user,
      Math.max(200, Math.round(2_000 * Math.min(1, scale * 10))),
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
    rows.push(failedRow("applying events", "≥ 1,000 / s", error));
  }
  await db.destroy();
  return rows;
}

/** A measurement that could not be taken on this engine: shown as such, with the error's first line. */
function failedRow(name: string, target: string, error: unknown): Row {
  const message = String(error instanceof Error ? error.message : error)
    .split("\n")[0]!
    .slice(0, 80);
  return {
    name,
    kind: "in-process",
    perSecond: null,
    p50: null,
    p99: null,
    ratio: null,
    target,
    met: false,
    note: `failed: ${message}`,
  };
}

/** The size of the JavaScript pages send (the same on every engine). */
function javaScriptRows(): Row[] {
  const rows: Row[] = [];
  // ── JavaScript sent ────────────────────────────────────────────────────────────
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
    target: "≤ 150 kB",
    met: listJs.gzipBytes <= 150 * 1024,
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
  return rows;
}

/**
 * A wrong password for a known e-mail against an unknown e-mail: if the unknown one answered much
 * faster, response times would tell which accounts exist. One request at a time, interleaved.
 */
async function loginEnumeration(url: string, dataset: Dataset, rows: Row[], trivial: HttpResult | undefined) {
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
      ratio: trivial ? percentile(ms, 0.5) / Math.max(trivial.p50, 1) : null,
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
  const lines = [
    ["Measurement", "req/s or ops/s", "p50 ms", "p99 ms", "p50 ÷ trivial", "Target", "Met", "Note"],
  ];
  for (const r of rows) {
    lines.push([
      `${r.kind === "http" ? `${r.method ?? "GET"} ` : ""}${r.name}`,
      r.perSecond === null ? "–" : Math.round(r.perSecond).toLocaleString("en-US"),
      num(r.p50, r.kind === "http" ? 0 : 2),
      num(r.p99, r.kind === "http" ? 0 : 2),
      r.ratio === null ? "–" : r.ratio.toFixed(1),
      r.target || "–",
      r.met === null ? "–" : r.met ? "yes" : "NO",
      r.note ?? "",
    ]);
  }
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  const fmt = (l: string[]) => `| ${l.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [
    fmt(lines[0]!),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...lines.slice(1).map(fmt),
  ].join("\n");
}

/** Both engines' rows in one table, matched by name: what the README's Performance section shows. */
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
  // A name's parenthesis may hold figures of one engine's run ("report DOCX 2025 (9,874 proposals …)").
  const key = (r: Row) => r.name.replace(/ \(.*\)$/, "");
  const names = [
    ...sqlite.map((r) => r.name),
    ...postgres.filter((r) => !sqlite.some((s) => key(s) === key(r))).map((r) => r.name),
  ];
  const lines = [
    [
      "Measurement",
      "SQLite p50 ms",
      "PostgreSQL p50 ms",
      "SQLite req/s or ops/s",
      "PostgreSQL req/s or ops/s",
    ],
  ];
  for (const name of names) {
    const a = sqlite.find((r) => r.name === name);
    const b = postgres.find((r) => key(r) === key(a ?? ({ name } as Row)));
    const kind = (a ?? b)!;
    if (kind.kind === "size") continue;
    const digits = kind.kind === "http" ? 0 : 2;
    lines.push([
      `${kind.kind === "http" ? `${kind.method ?? "GET"} ` : ""}${name}`,
      ms(a, digits),
      ms(b, digits),
      rate(a),
      rate(b),
    ]);
  }
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
