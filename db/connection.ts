import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect, sql, type SqliteDatabase, type Transaction } from "kysely";
import { migrationProvider } from "./migrations";
import type { Database } from "./schema";

export type DB = Kysely<Database>;
/** A repository function takes either the database or a transaction, so it composes inside commands. */
export type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Opens the SQLite file (or ":memory:") with WAL, foreign keys and a busy timeout.
 * Nothing outside db/ knows the database is SQLite.
 */
export function openDatabase(file: string): DB {
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(sqlite) }) });
}

/**
 * The connection as Kysely's SQLite driver sees it, with each statement prepared once and reused
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

/** Runs every pending migration; safe to call on every start. */
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
 * Gives SQLite's query planner table statistics where they are missing or out of date
 * (`PRAGMA optimize`, which analyses only such tables, on a bounded sample). Without any, SQLite
 * checks sets of ids (search hits, a municipality's proposals) against the proposal rows, long
 * texts and all, instead of the narrow index made for it (migration 2026-11-26-005-indexes).
 * Milliseconds on a small database, about a second at national scale. Run at start-up.
 */
export async function refreshPlannerStatistics(db: DB): Promise<void> {
  await sql`pragma optimize = 0x10002`.execute(db);
}
