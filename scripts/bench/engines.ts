import { sql } from "kysely";
import { openDatabase } from "../../db/connection";
import { copySqliteToPostgres } from "../../db/copy";
import { startPostgresCluster } from "../../tests/support/postgres";

/**
 * Which database engines `npm run bench` measures, and the PostgreSQL side of it: the generated
 * SQLite file is moved with db:copy (db/copy.ts, the operators' own tool, verified table by table)
 * into a private throw-away PostgreSQL cluster (the tests' one), or into an empty database given
 * as BENCH_POSTGRES_URL.
 */
export type BenchEngine = "sqlite" | "postgres";

const usage = "--engine must be sqlite, postgres or both (or BENCH_ENGINE)";

/** From `--engine <x>` / `--engine=<x>` on the command line, else BENCH_ENGINE, else sqlite. */
export function benchEngines(argv: string[], fromEnv: string | undefined): BenchEngine[] {
  let value = fromEnv || "sqlite";
  argv.forEach((arg, i) => {
    if (arg === "--engine") value = argv[i + 1] ?? "";
    else if (arg.startsWith("--engine=")) value = arg.slice("--engine=".length);
  });
  if (value === "both") return ["sqlite", "postgres"];
  if (value === "sqlite" || value === "postgres") return [value];
  throw new Error(`${usage}, not "${value}"`);
}

export interface PostgresCopy {
  url: string;
  copySeconds: number;
  tables: number;
  rows: number;
  stop: () => Promise<void>;
}

/** The generated data set in PostgreSQL, copied and verified; `stop` removes a private cluster. */
export async function postgresCopyOf(file: string, log: (message: string) => void): Promise<PostgresCopy> {
  const given = process.env.BENCH_POSTGRES_URL;
  const cluster = given ? undefined : await startPostgresCluster();
  try {
    if (cluster) await cluster.admin("create database bench");
    const url = given ?? cluster!.url("bench");
    const started = performance.now();
    const checks = await copySqliteToPostgres(file, url, {
      onTable: (table, rows) => log(`  ${table}: ${rows.toLocaleString("en-US")} rows`),
    });
    const bad = checks.filter((c) => !c.ok);
    if (bad.length > 0) throw new Error(`db:copy did not verify: ${bad.map((c) => c.table).join(", ")}`);
    // PostgreSQL plans from statistics autovacuum would gather later: gather them now, as after a restore.
    const db = openDatabase(url, { poolSize: 1 });
    await sql`analyze`.execute(db);
    await db.destroy();
    return {
      url,
      copySeconds: (performance.now() - started) / 1000,
      tables: checks.length,
      rows: checks.reduce((sum, c) => sum + c.sourceRows, 0),
      stop: async () => cluster?.stop(),
    };
  } catch (error) {
    await cluster?.stop();
    throw error;
  }
}
