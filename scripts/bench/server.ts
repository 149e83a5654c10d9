import { spawnSync } from "node:child_process";
import http from "node:http";
import path from "node:path";
import autocannon from "autocannon";
import { readFileSync } from "node:fs";
import type { Engine } from "../../db/dialect";
import { startServer, type TestServer } from "../../tests/support/server";

/** The production build and server the HTTP measurements run against, and the measuring itself. */

const root = path.resolve(import.meta.dirname, "../..");

/** Builds the app into its own directory, so other work's ./build is left alone. */
export function build(buildDir: string): void {
  const result = spawnSync("npx", ["remix", "vite:build"], {
    cwd: root,
    env: { ...process.env, BUILD_DIR: buildDir, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`Build failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * Starts server/start.js in production mode on the generated data, without the demo seed, with
 * `processes` server processes (WEB_CONCURRENCY; node:cluster when over 1). On SQLite it runs on
 * the file in `dataDir`; on PostgreSQL with DATABASE_URL = `location` (scripts/bench/engines.ts).
 * The notification worker is off unless asked for (`worker: "in-process"`): the pages are measured
 * on a server that only serves, as beside a worker of its own (`npm run worker`); decision 030.
 */
export function startProductionServer(opts: {
  engine: Engine;
  /** The SQLite file (dataDir/innspill.db) or the PostgreSQL URL. */
  location: string;
  dataDir: string;
  buildDir: string;
  processes: number;
  worker?: "off" | "in-process";
  /** More environment for the server (scripts/bench/memory.ts compares NODE_OPTIONS). */
  env?: Record<string, string>;
}): Promise<TestServer> {
  return startServer({
    seed: false,
    dataDir: opts.dataDir,
    buildDir: opts.buildDir,
    processes: opts.processes,
    env: {
      NOTIFICATION_WORKER: opts.worker ?? "off",
      ...(opts.engine === "postgres" ? { DATABASE_URL: opts.location } : {}),
      ...opts.env,
    },
    startTimeoutMs: 120_000,
  });
}

const TICKS_PER_SECOND = 100;

/** A process's CPU time so far (utime + stime of all its threads, /proc/<pid>/stat), in milliseconds. */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  // After "pid (comm) ": state is field 0, utime 11, stime 12.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/**
 * The CPU the server's processes use while no request arrives, in ms per second over `seconds`:
 * what runs in the background (the notification worker's ticks, when it runs in the server).
 */
export async function idleCpuMsPerSecond(server: TestServer, seconds: number): Promise<number> {
  const pids = server.processes > 1 ? [server.process.pid!, ...server.servingPids()] : [server.process.pid!];
  const total = () => pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);
  const before = total();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return (total() - before) / seconds;
}

/**
 * The peak resident memory (VmHWM, Linux) of each of the server's processes so far, in bytes: the
 * server itself, or the cluster's primary and every server process it runs now.
 */
export function peakMemory(server: TestServer): { pid: number; role: string; bytes: number }[] {
  const pids =
    server.processes > 1
      ? [
          { pid: server.process.pid!, role: "primary" },
          ...server.servingPids().map((pid) => ({ pid, role: "server process" })),
        ]
      : [{ pid: server.process.pid!, role: "server" }];
  return pids.flatMap(({ pid, role }) => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kB = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]);
      return Number.isFinite(kB) ? [{ pid, role, bytes: kB * 1024 }] : [];
    } catch {
      return [];
    }
  });
}

/** Prints each of the server's processes' peak memory (the measuring tools' last line). */
export function logPeakMemory(server: TestServer): void {
  for (const m of peakMemory(server))
    console.log(`peak memory (VmHWM) ${m.role} ${m.pid}: ${Math.round(m.bytes / 1024 / 1024)} MB`);
}

/** Times `runs` requests one after the other (after one that is not counted); milliseconds, sorted. */
export async function timeSingleRequests(
  url: string,
  pathName: string,
  cookie: string | undefined,
  runs = 3,
): Promise<{ status: number; ms: number[]; bytes: number }> {
  const headers: Record<string, string> = {
    "Accept-Encoding": "gzip",
    ...(cookie ? { Cookie: cookie } : {}),
  };
  let status = 0;
  let bytes = 0;
  const ms: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    const reply = await fetch(`${url}${pathName}`, { headers, redirect: "manual" });
    bytes = (await reply.arrayBuffer()).byteLength;
    status = reply.status;
    if (i > 0) ms.push(performance.now() - started);
  }
  return { status, ms: ms.sort((a, b) => a - b), bytes };
}

export interface HttpResult {
  path: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  mean: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** The warm-up before the measurement: its 2xx answers and the seconds it took. */
  warmUp: { seconds: number; requests: number };
}

/**
 * Requests each server process serves of a path before it is measured. A process that has just
 * started runs the page's code unoptimised for its first requests (V8 compiles a hot function once it
 * has been called often enough): on the national list page two fresh processes spend 9.6 ms of CPU
 * per request after 300 requests each, 8.6 ms after 1,200, 7.6–7.8 ms after 2,000 and more (decision
 * 032, round 5). A warm-up of a fixed few seconds warmed a fast page more than a slow one and each of
 * two processes half as much as one.
 */
export const WARM_UP_REQUESTS_PER_PROCESS = 2_000;

/** The warm-up loads in slices of this many seconds, counting the answers. */
const WARM_UP_SLICE_S = 2;

/**
 * Loads a path for slices of `WARM_UP_SLICE_S` seconds until it has answered `requests` times with
 * 2xx, or `maxSeconds` have passed, or a slice got no 2xx answer at all (the measurement then shows
 * the failure). Timed slices, not a fixed amount: autocannon divides an amount evenly over the
 * connections, so the process that holds more of them would get more of the warm-up; under timed load
 * both processes stay busy and each serves about half.
 */
export async function warmUp(
  target: string,
  opts: { headers: Record<string, string>; connections: number; requests: number; maxSeconds: number },
): Promise<HttpResult["warmUp"]> {
  let requests = 0;
  let seconds = 0;
  while (requests < opts.requests && seconds < opts.maxSeconds) {
    const slice = Math.min(WARM_UP_SLICE_S, opts.maxSeconds - seconds);
    const r = await autocannon({
      url: target,
      connections: opts.connections,
      duration: slice,
      headers: opts.headers,
    });
    seconds += slice;
    requests += r["2xx"];
    if (r["2xx"] === 0) break;
  }
  return { requests, seconds };
}

/**
 * Loads one path with a fixed number of connections for `duration` seconds, after a warm-up of
 * `WARM_UP_REQUESTS_PER_PROCESS` answers per server process (`warmUp`; at most six times the
 * duration), so the first requests' JIT and page-cache misses do not count. `afterWarmUp` runs
 * between the two (to read a process's CPU time there). Latencies in milliseconds.
 */
export async function measurePath(
  url: string,
  pathName: string,
  opts: {
    cookie?: string;
    connections: number;
    duration: number;
    processes: number;
    afterWarmUp?: () => void;
  },
): Promise<HttpResult> {
  const headers: Record<string, string> = { "Accept-Encoding": "gzip" };
  if (opts.cookie) headers.Cookie = opts.cookie;
  const target = `${url}${pathName}`;
  const warmedUp = await warmUp(target, {
    headers,
    connections: opts.connections,
    requests: WARM_UP_REQUESTS_PER_PROCESS * opts.processes,
    maxSeconds: 6 * opts.duration,
  });
  opts.afterWarmUp?.();
  const r = await autocannon({
    url: target,
    connections: opts.connections,
    duration: opts.duration,
    headers,
  });
  return {
    path: pathName,
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    mean: r.latency.mean,
    requests: r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    warmUp: warmedUp,
  };
}

/** One login POST from a given loopback source address; its status and milliseconds to the full answer. */
function timedLogin(url: string, email: string, password: string, localAddress: string) {
  const body = new URLSearchParams({ email, password, redirectTo: "/" }).toString();
  return new Promise<{ status: number; ms: number }>((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      `${url}/logg-inn`,
      {
        method: "POST",
        localAddress,
        agent: false,
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": Buffer.byteLength(body),
          Origin: url,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

export interface LoginEnumerationResult {
  knownMs: number[];
  unknownMs: number[];
  /** Answers other than 401 (a wrong password's), which would make the comparison meaningless. */
  unexpected: number;
}

/**
 * Wrong-password logins for known e-mails against logins for unknown ones, interleaved one at a
 * time. The server throttles by the socket's address (server/start.js) and by account, so every
 * attempt comes from its own loopback address and every known account is tried once: no
 * throttling delay applies. The first pair only warms up (the first unknown e-mail also makes
 * the server's dummy hash) and is not counted.
 */
export async function measureLoginEnumeration(
  url: string,
  knownEmails: string[],
): Promise<LoginEnumerationResult> {
  const result: LoginEnumerationResult = { knownMs: [], unknownMs: [], unexpected: 0 };
  for (const [i, email] of knownEmails.entries()) {
    const host = (n: number) => `127.0.${100 + Math.floor(n / 250)}.${(n % 250) + 1}`;
    const known = await timedLogin(url, email, "feil-passord-benk", host(2 * i));
    const unknown = await timedLogin(
      url,
      `finnes.ikke.${i}@benk.invalid`,
      "feil-passord-benk",
      host(2 * i + 1),
    );
    for (const r of [known, unknown]) if (r.status !== 401) result.unexpected++;
    if (i === 0) continue;
    result.knownMs.push(known.ms);
    result.unknownMs.push(unknown.ms);
  }
  return result;
}
