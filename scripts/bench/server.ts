import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import autocannon from "autocannon";

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

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

/** Starts server/start.js in production mode on the generated data, without the demo seed. */
export async function startProductionServer(opts: {
  dataDir: string;
  buildDir: string;
}): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ["server/start.js"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATA_DIR: opts.dataDir,
      BUILD_DIR: opts.buildDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      SEED_DEMO: "false",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Server did not start:\n${output}`)), 120_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("kjører på")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Server exited with ${code}:\n${output}`));
    });
  });
  child.removeAllListeners("exit");
  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    stop: async () => {
      if (child.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
    },
  };
}

/** Logs in as a browser would and returns the session cookie. */
export async function login(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/logg-inn`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: url },
    body: new URLSearchParams({ email, password, redirectTo: "/" }),
  });
  const cookie = response.headers.get("set-cookie");
  if (response.status !== 302 || !cookie) throw new Error(`Login failed: ${response.status}`);
  return cookie.split(";")[0]!;
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
