/**
 * The server's memory through the bench's one-process sequence, without the rest of the bench: starts
 * the built server (one process, as the bench does) on a copy of a kept data set, loads each page of
 * the bench in its order at 10 connections, then the report and its DOCX one request at a time, and
 * prints after each step the peak (VmHWM) and the current resident memory with its parts (anonymous:
 * the JavaScript heap, buffers and malloc; file: mapped files, SQLite's too) of every process.
 *
 *   cp -r /tmp/innspill-bench-1-… /tmp/mine && npm run build
 *   npx tsx scripts/bench/memory.ts --data /tmp/mine [--build build] [--duration 6] [--node-options '…']
 *
 * `--node-options` is passed to the server as NODE_OPTIONS, to compare V8 settings on the same sequence.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loginCookie } from "../../tests/support/server";
import { BENCH_PASSWORD, type Dataset } from "./generate";
import {
  logPeakMemory,
  measurePath,
  processCpuMs,
  startProductionServer,
  timeSingleRequests,
} from "./server";

const MB = 1024 * 1024;

function status(pid: number): Record<string, number> {
  const text = readFileSync(`/proc/${pid}/status`, "utf8");
  const kB = (name: string) =>
    Math.round(Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(text)?.[1]) / 1024);
  return { hwm: kB("VmHWM"), rss: kB("VmRSS"), anon: kB("RssAnon"), file: kB("RssFile") };
}

/**
 * With a probe preloaded into the server (NODE_OPTIONS=--require …, MEM_PROBE_FILE), the largest
 * process.memoryUsage() figures since the last step: heap used / heap total / external, MB.
 */
function probe(pid: number): string {
  const file = process.env.MEM_PROBE_FILE;
  if (!file) return "";
  try {
    const { max } = JSON.parse(readFileSync(`${file}.${pid}`, "utf8")) as { max: Record<string, number> };
    process.kill(pid, "SIGWINCH");
    const f = (k: string) => Math.round((max[k] ?? 0) / MB);
    return ` heap used ${f("heapUsed")} / total ${f("heapTotal")} (new ${f("new_space")}, old ${f("old_space")}, large ${f("large_object_space")}), external ${f("external")} |`;
  } catch {
    return "";
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      data: { type: "string" },
      build: { type: "string", default: "build" },
      duration: { type: "string", default: "6" },
      "node-options": { type: "string", default: "" },
    },
  });
  if (!values.data) throw new Error("--data <kept bench data directory> is required");
  const dataDir = path.resolve(values.data);
  const dataset = JSON.parse(readFileSync(path.join(dataDir, "dataset.json"), "utf8")) as Dataset;
  const duration = Number(values.duration);
  const year = dataset.reportYear;
  const loaded = [
    "/logg-inn",
    "/healthz",
    "/",
    "/innspill",
    "/innspill?status=groupReview",
    `/innspill?gruppe=${dataset.groupId}`,
    `/innspill?kommune=${dataset.municipalityId}`,
    `/innspill?aar=${year}`,
    `/innspill?q=${encodeURIComponent(dataset.searchTerms.narrow)}`,
    `/innspill?q=${encodeURIComponent(dataset.searchTerms.broad)}`,
    `/innspill/${dataset.sampleProposalId}`,
    `/moter/${dataset.sampleMeetingId}`,
    "/prosess",
  ];
  const single = [`/rapport/${year}`, `/rapport/${year}/last-ned/docx`];
  const server = await startProductionServer({
    engine: "sqlite",
    location: path.join(dataDir, "innspill.db"),
    dataDir,
    buildDir: path.resolve(values.build),
    processes: 1,
    env: values["node-options"] ? { NODE_OPTIONS: values["node-options"] } : {},
  });
  try {
    const pid = server.process.pid!;
    const cookie = await loginCookie(server.url, dataset.bench.email, BENCH_PASSWORD);
    console.log("| after | requests | CPU ms / request | VmHWM | VmRSS | RssAnon | RssFile |");
    console.log("| --- | --- | --- | --- | --- | --- | --- |");
    const row = (name: string, requests: number, cpu: number) => {
      const s = status(pid);
      const perRequest = requests ? (cpu / requests).toFixed(1) : "";
      console.log(
        `| ${name} | ${requests} | ${perRequest} | ${s.hwm} | ${s.rss} | ${s.anon} | ${s.file} |${probe(pid)}`,
      );
    };
    row("start", 0, 0);
    for (const p of loaded) {
      let before = 0;
      const anonymous = p === "/logg-inn" || p === "/healthz";
      const r = await measurePath(server.url, p, {
        cookie: anonymous ? undefined : cookie,
        connections: 10,
        duration,
        processes: 1,
        afterWarmUp: () => (before = processCpuMs(pid)),
      });
      row(p, r.requests, processCpuMs(pid) - before);
    }
    for (const p of single) {
      const before = processCpuMs(pid);
      const r = await timeSingleRequests(server.url, p, cookie, 3);
      const ms = r.ms.map((m) => m.toFixed(0)).join(", ");
      row(`${p} (${r.status}, ${Math.round(r.bytes / 1024)} kB; ${ms} ms)`, 4, processCpuMs(pid) - before);
    }
    let before = 0;
    const r = await measurePath(server.url, "/innspill", {
      cookie,
      connections: 10,
      duration,
      processes: 1,
      afterWarmUp: () => (before = processCpuMs(pid)),
    });
    row("/innspill again", r.requests, processCpuMs(pid) - before);
    logPeakMemory(server);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
