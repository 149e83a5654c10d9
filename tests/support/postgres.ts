import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./server";

/**
 * A private, throw-away PostgreSQL cluster for the tests: `initdb` into a temporary directory
 * (as the `postgres` user when the tests run as root, since PostgreSQL refuses to run as root),
 * started with `pg_ctl` on a free port on 127.0.0.1 with its socket in that directory, durability
 * switched off (nothing in it outlives the run), and stopped and removed at the end. Nothing
 * depends on a system cluster or a fixed port. Without PostgreSQL's binaries it fails with a
 * message saying what to install: the suite never silently skips an engine.
 */
export interface PostgresCluster {
  port: number;
  /** A URL for one database of this cluster. */
  url: (database: string) => string;
  /** Runs SQL as the superuser in the `postgres` database. */
  admin: (query: string) => Promise<void>;
  stop: () => Promise<void>;
}

/** Where initdb and pg_ctl are: PG_BIN, else the newest /usr/lib/postgresql/<n>/bin, else pg_config. */
export function postgresBinDir(): string {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian))
    candidates.push(
      ...readdirSync(debian)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => path.join(debian, v, "bin")),
    );
  try {
    candidates.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim());
  } catch {
    // no pg_config on PATH
  }
  const found = candidates.find(
    (dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl")),
  );
  if (!found)
    throw new Error(
      "The tests run against PostgreSQL too, but no PostgreSQL server binaries were found " +
        "(initdb, pg_ctl). Install them (Debian: `apt-get install postgresql`) or set PG_BIN to their directory.",
    );
  return found;
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** Runs a PostgreSQL binary, as the `postgres` user when we are root. */
function run(bin: string, args: string[]) {
  const [command, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  try {
    execFileSync(command, argv, { stdio: "pipe", encoding: "utf8" });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${path.basename(bin)} failed: ${e.message}\n${e.stdout ?? ""}\n${e.stderr ?? ""}`);
  }
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(path.join(tmpdir(), "innspill-pg-"));
  const data = path.join(dir, "data");
  chmodSync(dir, 0o700);
  if (isRoot) execFileSync("chown", ["postgres:postgres", dir]);
  run(path.join(bin, "initdb"), [
    "-D",
    data,
    "-U",
    "postgres",
    "--auth=trust",
    "--encoding=UTF8",
    "--locale=C.UTF-8",
    "--no-sync",
  ]);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    `-c unix_socket_directories=${dir}`,
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=300",
    "-c shared_buffers=64MB",
  ].join(" ");
  run(path.join(bin, "pg_ctl"), [
    "-D",
    data,
    "-l",
    path.join(dir, "log"),
    "-o",
    options,
    "-w",
    "-t",
    "120",
    "start",
  ]);
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    admin: async (query: string) => {
      const client = new pg.Client({ connectionString: url("postgres") });
      await client.connect();
      try {
        await client.query(query);
      } finally {
        await client.end();
      }
    },
    stop: async () => {
      // The postmaster's pid, to end it even if pg_ctl gives up (a loaded machine): never left running.
      const pid = Number(readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0]);
      try {
        run(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "-t", "120", "stop"]);
      } catch {
        if (pid > 0) process.kill(pid, "SIGQUIT");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
