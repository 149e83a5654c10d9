import { spawnSync } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";
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

/** Starts server/start.js in production mode on the generated data, without the demo seed. */
export function startProductionServer(opts: { dataDir: string; buildDir: string }): Promise<TestServer> {
  return startServer({
    seed: false,
    dataDir: opts.dataDir,
    buildDir: opts.buildDir,
    startTimeoutMs: 120_000,
  });
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
}

/**
 * Loads one path with a fixed number of connections for a fixed time (after a short warm-up,
 * so the first requests' JIT and page-cache misses do not count). Latencies in milliseconds.
 */
export async function measurePath(
  url: string,
  pathName: string,
  opts: { cookie?: string; connections: number; duration: number; warmup: number },
): Promise<HttpResult> {
  const headers: Record<string, string> = { "Accept-Encoding": "gzip" };
  if (opts.cookie) headers.Cookie = opts.cookie;
  const target = `${url}${pathName}`;
  if (opts.warmup > 0)
    await autocannon({ url: target, connections: opts.connections, duration: opts.warmup, headers });
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
  };
}
