import SQLite from "better-sqlite3";
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  sql,
  type SqliteDatabase,
  type Transaction,
} from "kysely";
import pg from "pg";
import { isPostgres, isPostgresUrl } from "./dialect";
import { migrationProvider } from "./migrations";
import type { Database } from "./schema";

export type DB = Kysely<Database>;
/** A repository function takes either the database or a transaction, so it composes inside commands. */
export type Executor = Kysely<Database> | Transaction<Database>;

/** How many connections one app process keeps to PostgreSQL (DATABASE_POOL_SIZE). */
export const DEFAULT_POOL_SIZE = 10;

/**
 * Opens the database: a PostgreSQL URL (`postgres://…`) through a `pg` pool, anything else as a
 * SQLite file (or ":memory:") with WAL, foreign keys and a busy timeout. The one opener: nothing
 * outside db/ knows which engine runs (db/dialect.ts is where code that must differ asks).
 */
export function openDatabase(location: string, opts: { poolSize?: number } = {}): DB {
  if (isPostgresUrl(location)) return openPostgres(location, opts.poolSize ?? DEFAULT_POOL_SIZE);
  const sqlite = new SQLite(location);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(sqlite) }) });
}

/**
 * The SQLite connection as Kysely's driver sees it, with each statement prepared once and reused
 * (the driver would prepare it anew for every query; at national scale preparing was a sixth of
 * the time of applying a process event). The most recently used `max` statements are kept; one
 * still being iterated is never handed out twice.
 */
function reusingStatements(sqlite: SQLite.Database, max = 300): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(query: string) {
      const cached = statements.get(query);
      if (cached && !cached.busy) {
        statements.delete(query);
        statements.set(query, cached);
        return cached;
      }
      const statement = sqlite.prepare(query);
      statements.set(query, statement);
      if (statements.size > max) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}

/**
 * PostgreSQL returns 64-bit integers (`count(*)`, `sum` of integers) and numerics as strings,
 * because they may not fit a JavaScript number. Innspill's counts and sums always do, and the
 * code expects numbers as SQLite gives them: parse them as numbers (process-wide, for `pg`).
 */
let typesSet = false;
function setTypeParsers() {
  if (typesSet) return;
  typesSet = true;
  pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
}

function openPostgres(url: string, poolSize: number): DB {
  setTypeParsers();
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection that dies (a restarted database) must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Runs every pending migration; safe to call on every start (also from several processes at once on PostgreSQL). */
export async function migrateToLatest(db: DB): Promise<void> {
  // Parallel branches name their migrations by branch (2026-11-30-h15b-001 sorts before an already
  // run 2026-11-30-h17-001): each pending one runs, in name order, whatever ran before it.
  const migrator = new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`Migration failed${failed ? ` in ${failed.migrationName}` : ""}: ${String(error)}`);
  }
}

/**
 * Gives the query planner table statistics where they are missing or out of date. On SQLite,
 * `PRAGMA optimize` (which analyses only such tables, on a bounded sample): without any, SQLite
 * checks sets of ids (search hits, a municipality's proposals) against the proposal rows, long
 * texts and all, instead of the narrow index made for it (migration 2026-11-26-005-indexes).
 * Milliseconds on a small database, about a second at national scale. PostgreSQL keeps its
 * statistics itself (autovacuum), so nothing runs there. Run at start-up.
 */
export async function refreshPlannerStatistics(db: DB): Promise<void> {
  if (isPostgres(db)) return;
  await sql`pragma optimize = 0x10002`.execute(db);
}
