import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface TestServer {
  url: string;
  dataDir: string;
  /** The SQLite file (on SQLite runs only: tests that read it raw with better-sqlite3). */
  databasePath: string;
  /** The server's database, for `openDatabase`: the SQLite file, or the PostgreSQL URL on PostgreSQL runs. */
  database: string;
  /** The process started: the server itself, or with several processes the cluster's primary. */
  process: ChildProcess;
  /** How many server processes serve (WEB_CONCURRENCY). */
  processes: number;
  /**
   * The processes that serve requests now: the server itself, or the primary's forked server
   * processes (a replaced one appears under its new pid).
   */
  servingPids: () => number[];
  stop: () => Promise<void>;
}

/** The pids of a process's children (Linux: read from /proc). */
export function childPids(parent: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid …; comm may hold spaces and parentheses, so read after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === parent) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children.sort((a, b) => a - b);
}

/** A port nothing listens on now (the OS picks it). */
export async function freePort(): Promise<number> {
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

/**
 * Starts the built production server (npm test builds first) on its own SQLite file
 * in a temporary data directory, seeded with the demo world unless `seed` is false. The one
 * starter: the tests and the benchmark (scripts/bench/server.ts, with its own `buildDir`, a
 * kept `dataDir` and a longer `startTimeoutMs` for a national-scale file) use it.
 */
export async function startServer(
  opts: {
    seed?: boolean;
    env?: Record<string, string>;
    dataDir?: string;
    buildDir?: string;
    startTimeoutMs?: number;
    /** A port chosen beforehand (a test's OpenID provider must know the app's address first). */
    port?: number;
    /**
     * A PostgreSQL URL to run on. On the PostgreSQL test projects (INNSPILL_TEST_ENGINE=postgres)
     * a server given none gets a new database of the run's cluster; elsewhere it runs on SQLite.
     */
    databaseUrl?: string;
    /** Server processes (WEB_CONCURRENCY; node:cluster when over 1). Default 1. */
    processes?: number;
  } = {},
): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), "innspill-test-"));
  const databaseUrl =
    opts.databaseUrl ??
    (process.env.INNSPILL_TEST_ENGINE === "postgres"
      ? await newServerDatabase(opts.seed !== false)
      : undefined);
  const port = opts.port ?? (await freePort());
  // Started as `npm run serve` starts it: with its V8 heap limit (SERVER_HEAP_MB) and malloc's fixed
  // threshold for memory of its own mapping (decision 032).
  const child = spawn(process.execPath, [heapLimitFlag(opts.env), "server/start.js"], {
    cwd: root,
    env: {
      MALLOC_MMAP_THRESHOLD_: serveScriptDefault("MALLOC_MMAP_THRESHOLD_"),
      ...process.env,
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      SEED_DEMO: opts.seed === false ? "false" : "true",
      // Set or emptied (empty is unset): a DATABASE_URL in the shell must not move a SQLite test.
      DATABASE_URL: databaseUrl ?? "",
      ...(opts.buildDir ? { BUILD_DIR: opts.buildDir } : {}),
      WEB_CONCURRENCY: String(opts.processes ?? 1),
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let started = () => {};
  const collectStderr = (chunk: Buffer) => (output += chunk.toString());
  const collectStdout = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes("kjører på")) started();
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => {
        // Not left running behind the failed test.
        child.kill("SIGKILL");
        reject(new Error(`Server did not start:\n${output}`));
      },
      // Seeding the demo world over PostgreSQL's round trips takes longer than into a SQLite file.
      opts.startTimeoutMs ?? (databaseUrl ? 180_000 : 30_000),
    );
    started = () => {
      clearTimeout(timer);
      resolve();
    };
    child.stdout!.on("data", collectStdout);
    child.stderr!.on("data", collectStderr);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Server exited with ${code}:\n${output}`));
    });
  });
  child.removeAllListeners("exit");
  // Started: the output is no longer kept (a server logs a line per request; keeping and searching it
  // all would cost the test or bench process CPU that grows with every request, decision 032). The
  // pipes are still read, so the server never waits on a full one; a test may listen itself.
  child.stdout!.removeListener("data", collectStdout).resume();
  child.stderr!.removeListener("data", collectStderr).resume();
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    databasePath: path.join(dataDir, "innspill.db"),
    database: databaseUrl ?? path.join(dataDir, "innspill.db"),
    process: child,
    processes: opts.processes ?? 1,
    servingPids: () => ((opts.processes ?? 1) > 1 ? childPids(child.pid!) : [child.pid!]),
    stop: async () => {
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        });
      }
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new PostgreSQL database for a server: a copy of the seeded demo world, or of the empty schema. */
async function newServerDatabase(seeded: boolean): Promise<string> {
  const { newPostgresDatabase, postgresOfRun } = await import("./engine");
  const run = postgresOfRun();
  return newPostgresDatabase(run, seeded ? run.seededTemplate : run.template);
}

/** Logs in over HTTP and returns the session cookie for later requests. */
export async function loginCookie(baseUrl: string, email: string, password = "demo1234"): Promise<string> {
  const response = await fetch(`${baseUrl}/logg-inn`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
    body: new URLSearchParams({ email, password, redirectTo: "/" }),
  });
  const cookie = response.headers.get("set-cookie");
  if (response.status !== 302 || !cookie) throw new Error(`Login failed for ${email}: ${response.status}`);
  return cookie.split(";")[0]!;
}

/** A same-origin POST as a browser would send it. */
export function post(baseUrl: string, pathName: string, body: FormData | URLSearchParams, cookie?: string) {
  return fetch(`${baseUrl}${pathName}`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: baseUrl, ...(cookie ? { Cookie: cookie } : {}) },
    body,
  });
}

/** The default `npm run serve` gives a variable (package.json: `${NAME:-<default>}`). */
function serveScriptDefault(name: string): string {
  const scripts = (
    JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    }
  ).scripts;
  const fallback = new RegExp(`\\$\\{${name}:-(\\d+)\\}`).exec(scripts.serve ?? "")?.[1];
  if (!fallback) throw new Error(`package.json's serve script has no \${${name}:-…} default`);
  return fallback;
}

/**
 * `npm run serve`'s `--max-old-space-size` (package.json: `${SERVER_HEAP_MB:-<default>}`), with
 * SERVER_HEAP_MB from the server's environment when it is set, as the shell would take it.
 */
function heapLimitFlag(env: Record<string, string> | undefined): string {
  const fallback = serveScriptDefault("SERVER_HEAP_MB");
  const given = env?.SERVER_HEAP_MB || process.env.SERVER_HEAP_MB;
  // A value that is not a number is the configuration's to refuse (with its message), not node's.
  return `--max-old-space-size=${given && /^\d+$/.test(given) ? given : fallback}`;
}
