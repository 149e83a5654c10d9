/**
 * The server's CPU time per request for given pages, on a kept bench data set: a measurement that
 * holds on a busy machine, where autocannon's latencies measure the other work. Starts the built
 * server (one process, no demo seed) on a copy's directory, logs in as the bench user, sends each
 * path `--requests` times one after the other (after 5 not counted) and divides the server
 * process's CPU time (utime + stime of all its threads, /proc/<pid>/stat) by the count.
 *
 *   BENCH_KEEP=1 npm run bench -- --scales 1        # once: keeps /tmp/innspill-bench-1-…
 *   cp -r /tmp/innspill-bench-1-… /tmp/mine         # the server writes (sessions, optimize)
 *   npm run build
 *   npx tsx scripts/bench/page-cpu.ts --data /tmp/mine [--build build] [--requests 100] /logg-inn /innspill …
 *
 * The server's notification worker is off, as in the bench (decision 030); `--worker in-process`
 * runs it in the server, and the idle figure printed first shows what it costs.
 *
 * Paths may use {proposal}, {meeting}, {group}, {municipality} and {year} from the data set.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loginCookie } from "../../tests/support/server";
import { BENCH_PASSWORD, type Dataset } from "./generate";
import { idleCpuMsPerSecond, logPeakMemory, processCpuMs as cpuMs, startProductionServer } from "./server";

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      data: { type: "string" },
      build: { type: "string", default: "build" },
      requests: { type: "string", default: "100" },
      worker: { type: "string", default: "off" },
    },
  });
  if (!values.data) throw new Error("--data <kept bench data directory> is required");
  const dataDir = path.resolve(values.data);
  const dataset = JSON.parse(readFileSync(path.join(dataDir, "dataset.json"), "utf8")) as Dataset;
  const requests = Number(values.requests);
  const paths = positionals.map((p) =>
    p
      .replace("{proposal}", String(dataset.sampleProposalId))
      .replace("{meeting}", String(dataset.sampleMeetingId))
      .replace("{group}", String(dataset.groupId))
      .replace("{municipality}", String(dataset.municipalityId))
      .replace("{year}", String(dataset.reportYear)),
  );
  const server = await startProductionServer({
    engine: "sqlite",
    location: path.join(dataDir, "innspill.db"),
    dataDir,
    buildDir: path.resolve(values.build),
    processes: 1,
    worker: values.worker === "in-process" ? "in-process" : "off",
  });
  try {
    const pid = server.process.pid!;
    const cookie = await loginCookie(server.url, dataset.bench.email, BENCH_PASSWORD);
    const headers = { Cookie: cookie, "Accept-Encoding": "gzip" };
    // Idle CPU over 5 s: background work (the notification worker's ticks, with --worker in-process)
    // that every figure below includes.
    console.log(`idle server CPU: ${(await idleCpuMsPerSecond(server, 5)).toFixed(1)} ms per second`);
    console.log("| path | status | bytes | server CPU ms / request | wall ms / request |");
    console.log("| --- | --- | --- | --- | --- |");
    for (const p of paths) {
      let status = 0;
      let bytes = 0;
      const get = async () => {
        const anonymous = p === "/logg-inn" || p === "/healthz";
        const reply = await fetch(`${server.url}${p}`, {
          headers: anonymous ? { "Accept-Encoding": "gzip" } : headers,
          redirect: "manual",
        });
        bytes = (await reply.arrayBuffer()).byteLength;
        status = reply.status;
      };
      for (let i = 0; i < 5; i++) await get();
      const cpuBefore = cpuMs(pid);
      const started = performance.now();
      for (let i = 0; i < requests; i++) await get();
      const wall = (performance.now() - started) / requests;
      const cpu = (cpuMs(pid) - cpuBefore) / requests;
      console.log(`| ${p} | ${status} | ${bytes} | ${cpu.toFixed(2)} | ${wall.toFixed(2)} |`);
    }
    logPeakMemory(server);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
