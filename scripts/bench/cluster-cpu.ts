/**
 * Where the CPU goes when the list page is loaded with one and with two server processes: a
 * measurement that holds on a busy machine, where the bench's req/s measure the other work too.
 * Starts the built server on a copy of a kept bench data set with `--processes` server processes,
 * logs in, warms up as the bench does (until `--warmup` answers; the bench's 2,000 per server process
 * if not given), then loads `--path` at `--connections` (autocannon, as the bench) for a fixed number of
 * requests (`--requests`) or for `--duration` seconds, and prints how many connections each server
 * process held, and the CPU time (utime + stime, /proc/<pid>/stat) of the primary, each server
 * process (and its threads, by name with `--threads`) and this load generator, per request.
 * Prefer `--duration`: autocannon splits `--requests` evenly over the connections, so at the end the
 * connections of the process that was faster have finished and it idles (decision 032, round 5).
 *
 *   npm run build
 *   cp -r /tmp/innspill-bench-1-… /tmp/mine && rm -rf /tmp/mine/outbox/*
 *   npx tsx scripts/bench/cluster-cpu.ts --data /tmp/mine --processes 2 [--duration 20] [--path /innspill]
 *
 * More server environment with `--env NAME=value` (repeatable), e.g. `--env NODE_OPTIONS=--max-semi-space-size=32`.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { loginCookie } from "../../tests/support/server";
import { BENCH_PASSWORD, type Dataset } from "./generate";
import {
  logPeakMemory,
  processCpuMs,
  startProductionServer,
  warmUp,
  WARM_UP_REQUESTS_PER_PROCESS,
} from "./server";

const TICKS_PER_SECOND = 100;
/** `--threads`: every other thread on its own instead of summed. */
let perThread = false;

/**
 * CPU ms of a process's threads: the main thread's user and system time, and the other threads'
 * (V8's GC helpers, libuv's pool; node names them all "node").
 */
function threadCpuMs(pid: number): Map<string, number> {
  const byName = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const user = (Number(fields[11]) * 1000) / TICKS_PER_SECOND;
      const system = (Number(fields[12]) * 1000) / TICKS_PER_SECOND;
      if (Number(tid) === pid) {
        byName.set("main user", user);
        byName.set("main system", system);
      } else if (perThread) {
        const comm = readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8").trim();
        byName.set(`${comm} ${tid}`, user + system);
      } else byName.set("other threads", (byName.get("other threads") ?? 0) + user + system);
    } catch {
      // The thread ended while we looked.
    }
  }
  return byName;
}

/** The machine's CPU time by kind (/proc/stat's first line), in ms. */
function machineCpuMs(): Record<string, number> {
  const [, ...values] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
  const names = ["user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"];
  return Object.fromEntries(names.map((n, i) => [n, (Number(values[i]) * 1000) / TICKS_PER_SECOND]));
}

/** How many established connections each server process holds on the port (`ss -tnp`; none without ss). */
function connectionsByProcess(port: string): Map<number, number> {
  const counts = new Map<number, number>();
  let out = "";
  try {
    out = execFileSync("ss", ["-tnpH", "state", "established", `( sport = :${port} )`], { encoding: "utf8" });
  } catch {
    return counts;
  }
  for (const match of out.matchAll(/pid=(\d+)/g))
    counts.set(Number(match[1]), (counts.get(Number(match[1])) ?? 0) + 1);
  return counts;
}

async function main() {
  const { values } = parseArgs({
    options: {
      data: { type: "string" },
      build: { type: "string", default: "build" },
      processes: { type: "string", default: "1" },
      requests: { type: "string", default: "6000" },
      duration: { type: "string" },
      warmup: { type: "string" },
      connections: { type: "string", default: "10" },
      path: { type: "string", default: "/innspill" },
      env: { type: "string", multiple: true, default: [] },
      threads: { type: "boolean", default: false },
    },
  });
  perThread = values.threads;
  if (!values.data) throw new Error("--data <kept bench data directory> is required");
  const dataDir = path.resolve(values.data);
  const dataset = JSON.parse(readFileSync(path.join(dataDir, "dataset.json"), "utf8")) as Dataset;
  const processes = Number(values.processes);
  const requests = Number(values.requests);
  const connections = Number(values.connections);
  const env = Object.fromEntries(
    values.env.map((e) => {
      const at = e.indexOf("=");
      if (at < 1) throw new Error(`--env ${e}: expected NAME=value`);
      return [e.slice(0, at), e.slice(at + 1)];
    }),
  );
  const server = await startProductionServer({
    engine: "sqlite",
    location: path.join(dataDir, "innspill.db"),
    dataDir,
    buildDir: path.resolve(values.build),
    processes,
    env,
  });
  try {
    const cookie = await loginCookie(server.url, dataset.bench.email, BENCH_PASSWORD);
    const headers = { Cookie: cookie, "Accept-Encoding": "gzip" };
    const url = `${server.url}${values.path}`;
    // The bench's warm-up unless told: the same answers per server process (decision 032, round 5).
    const warmedUp = await warmUp(url, {
      headers,
      connections,
      requests:
        values.warmup !== undefined ? Number(values.warmup) : WARM_UP_REQUESTS_PER_PROCESS * processes,
      maxSeconds: 600,
    });
    console.log(`warm-up: ${warmedUp.requests} answers in ${warmedUp.seconds} s`);
    const primary = server.process.pid!;
    const serving = processes > 1 ? server.servingPids() : [];
    const pids = [primary, ...serving];
    const before = {
      pids: pids.map((pid) => processCpuMs(pid)),
      threads: pids.map((pid) => threadCpuMs(pid)),
      self: process.cpuUsage(),
      machine: machineCpuMs(),
    };
    const started = performance.now();
    const running = autocannon(
      values.duration
        ? { url, connections, duration: Number(values.duration), headers }
        : { url, connections, amount: requests, headers },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const split = connectionsByProcess(new URL(server.url).port);
    const result = await running;
    const wallMs = performance.now() - started;
    const self = process.cpuUsage(before.self);
    const machine = machineCpuMs();
    const done = result.requests.total;
    const per = (ms: number) => (ms / done).toFixed(3);
    console.log(
      `${values.path}, ${processes} process(es), ${done} requests (${result.non2xx} non-2xx, ${result.errors} errors) ` +
        `at ${connections} connections, ${(done / (wallMs / 1000)).toFixed(0)} req/s wall (noise on a busy machine)`,
    );
    console.log(
      `connections by server process: ${[...split].map(([pid, n]) => `${pid}: ${n}`).join(", ") || "not read"}`,
    );
    console.log("| who | CPU ms / request |");
    console.log("| --- | --- |");
    let servers = 0;
    pids.forEach((pid, i) => {
      const ms = processCpuMs(pid) - before.pids[i]!;
      const role = i === 0 ? (processes > 1 ? "primary" : "server") : `server process ${i}`;
      if (processes === 1 || i > 0) servers += ms;
      const threads = threadCpuMs(pid);
      const detail = [...threads]
        .map(([name, t]) => [name, t - (before.threads[i]!.get(name) ?? 0)] as const)
        .filter(([, t]) => t > 0)
        .map(([name, t]) => `${name} ${per(t)}`)
        .join(", ");
      console.log(`| ${role} ${pid} | ${per(ms)} (${detail}) |`);
    });
    console.log(`| all server processes | ${per(servers)} |`);
    console.log(
      `| load generator (this process) | ${per((self.user + self.system) / 1000)} (user ${per(self.user / 1000)}, system ${per(self.system / 1000)}) |`,
    );
    const kinds = Object.entries(machine)
      .map(([k, v]) => `${k} ${per(v - before.machine[k]!)}`)
      .join(", ");
    console.log(`| machine (all processes, /proc/stat) | ${kinds} |`);
    logPeakMemory(server);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
