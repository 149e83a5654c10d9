import SQLite from "better-sqlite3";
import {
  CompiledQuery,
  Kysely,
  Migrator,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type Driver,
  type Transaction,
} from "kysely";
import { migrationProvider } from "./migrations";
import type { Database } from "./schema";

export type DB = Kysely<Database>;
/** A repository function takes either the database or a transaction, so it composes inside commands. */
export type Executor = Kysely<Database> | Transaction<Database>;

/** How long a statement waits for another process's write lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Kysely's SQLite driver begins transactions with a plain (deferred) `begin`: the write lock is
 * taken at the first write. With several server processes on one file (WEB_CONCURRENCY, decision
 * 021) a deferred transaction that has read and then writes fails at once with SQLITE_BUSY
 * (busy_timeout does not help: its snapshot is stale) when another process committed meanwhile.
 * `begin immediate` takes the write lock first, waiting up to the busy timeout, so every
 * transaction reads what it then writes on. Within one process Kysely runs one transaction at a
 * time on its one connection anyway, so nothing is lost by it.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly database: SQLite.Database) {
    super({ database });
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.database });
  }
}

/**
 * Opens the SQLite file (or ":memory:") with WAL, foreign keys and a busy timeout; transactions
 * begin immediate (see ImmediateSqliteDriver), so several processes may write to one file.
 * Nothing outside db/ knows the database is SQLite.
 */
export function openDatabase(file: string): DB {
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma("synchronous = NORMAL");
  return new Kysely<Database>({ dialect: new ImmediateSqliteDialect(sqlite) });
}

/** Runs every pending migration; safe to call on every start. */
export async function migrateToLatest(db: DB): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`Migration failed${failed ? ` in ${failed.migrationName}` : ""}: ${String(error)}`);
  }
}

/**
 * Gives SQLite's query planner table statistics where they are missing or out of date
 * (`PRAGMA optimize`, which analyses only such tables, on a bounded sample). Without any, SQLite
 * checks sets of ids (search hits, a municipality's proposals) against the proposal rows, long
 * texts and all, instead of the narrow index made for it (migration 2026-11-26-005-indexes).
 * Milliseconds on a small database, about a second at national scale. Run at start-up.
 */
export async function refreshPlannerStatistics(db: DB): Promise<void> {
  await sql`pragma optimize = 0x10002`.execute(db);
}
