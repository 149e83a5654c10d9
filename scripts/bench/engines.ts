import { sql } from "kysely";
import { openDatabase } from "../../db/connection";
import { copySqliteToPostgres } from "../../db/copy";
import type { Engine } from "../../db/dialect";
import { startPostgresCluster } from "../../tests/support/postgres";

/**
 * Which database engines `npm run bench` measures, and the PostgreSQL side of it. The data set is
 * always generated as a SQLite file; for PostgreSQL that file is moved with db:copy (db/copy.ts,
 * the operators' own tool, verified table by table) into a private throw-away PostgreSQL cluster
 * (the tests' one), or into an empty database given as BENCH_POSTGRES_URL. The server then runs
 * with DATABASE_URL on it, and the in-process timings open it with Kysely.
 */
export type { Engine };
export const engines: readonly Engine[] = ["sqlite", "postgres"];

/** `--engine sqlite|postgres|both` (or BENCH_ENGINE; default sqlite): the engines to measure, in order. */
export function selectedEngines(value: string): Engine[] {
  if (value === "both") return [...engines];
  if (engines.includes(value as Engine)) return [value as Engine];
  throw new Error(`--engine: one of ${engines.join(", ")} or both (or BENCH_ENGINE), not "${value}"`);
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
