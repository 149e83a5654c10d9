import SQLite from "better-sqlite3";
import {
  CompiledQuery,
  Kysely,
  Migrator,
  OperationNodeTransformer,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type Driver,
  type KyselyPlugin,
  type PrimitiveValueListNode,
  type SqliteDatabase,
  type Transaction,
  type ValueNode,
} from "kysely";
import pg from "pg";
import { isPostgres, isPostgresUrl } from "./dialect";
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
  /**
   * Waiting for another process's write lock here does not block this process: better-sqlite3's
   * busy timeout sleeps synchronously (the whole process stalls, every request with it), so the
   * lock is tried without it and tried again after a growing pause (1–32 ms), up to the busy
   * timeout. Kysely holds the process's one connection for this transaction meanwhile.
   */
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const deadline = Date.now() + BUSY_TIMEOUT_MS;
    await connection.executeQuery(CompiledQuery.raw("pragma busy_timeout = 0"));
    try {
      for (let pause = 1; ; pause = Math.min(2 * pause, 32)) {
        try {
          await connection.executeQuery(CompiledQuery.raw("begin immediate"));
          return;
        } catch (error) {
          if (!isBusy(error) || Date.now() + pause > deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, pause));
        }
      }
    } finally {
      await connection.executeQuery(CompiledQuery.raw(`pragma busy_timeout = ${BUSY_TIMEOUT_MS}`));
    }
  }
}

/** SQLite said another connection holds the lock (SQLITE_BUSY and its extended codes). */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly database: SqliteDatabase) {
    super({ database });
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.database });
  }
}

/** How many connections one app process keeps to PostgreSQL (DATABASE_POOL_SIZE). */
export const DEFAULT_POOL_SIZE = 10;

/**
 * Opens the database: a PostgreSQL URL (`postgres://…`) through a `pg` pool, anything else as a
 * SQLite file (or ":memory:") with WAL, foreign keys and a busy timeout, whose transactions begin
 * immediate (see ImmediateSqliteDriver), so several processes may write to one file. The one
 * opener: nothing outside db/ knows which engine runs (db/dialect.ts is where code that must
 * differ asks).
 */
export function openDatabase(location: string, opts: { poolSize?: number } = {}): DB {
  if (isPostgresUrl(location)) return openPostgres(location, opts.poolSize ?? DEFAULT_POOL_SIZE);
  const sqlite = new SQLite(location);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma("synchronous = NORMAL");
  return new Kysely<Database>({
    dialect: new ImmediateSqliteDialect(reusingStatements(sqlite)),
    plugins: [withoutNulCharacters],
  });
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
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [withoutNulCharacters] });
}

/** Runs every pending migration; safe to call on every start (also from several processes at once on PostgreSQL). */
export async function migrateToLatest(db: DB): Promise<void> {
  // Branches built in parallel add migrations whose names sort before one already applied
  // elsewhere (2026-11-30-h15c-… after 2026-11-30-h17-…): each is applied once, whatever its place.
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

/**
 * Text never carries U+0000: PostgreSQL cannot store it in a text column (the statement fails), so
 * on both engines it is dropped from every string a query sends, and the same input is kept the
 * same way whichever engine runs (a pasted NUL is an accident, never meaning).
 */
class NulStripper extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    return typeof node.value === "string" && node.value.includes("\u0000")
      ? { ...node, value: node.value.replaceAll("\u0000", "") }
      : super.transformValue(node);
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    if (!node.values.some((v) => typeof v === "string" && v.includes("\u0000")))
      return super.transformPrimitiveValueList(node);
    return {
      ...node,
      values: node.values.map((v) => (typeof v === "string" ? v.replaceAll("\u0000", "") : v)),
    };
  }
}

/**
 * Whether any string in a query's tree holds U+0000: a walk without copying, so the transformer (which
 * copies the whole tree) runs only for the rare query that needs it. Running it on every query was a
 * tenth of the CPU of applying a process event. Bytes (attachments) and dates are not walked into.
 * A NUL in a name rather than a value only costs the transform; it never skips one that is needed.
 */
function carriesNul(node: unknown): boolean {
  if (typeof node === "string") return node.includes("\u0000");
  if (typeof node !== "object" || node === null || ArrayBuffer.isView(node) || node instanceof Date)
    return false;
  if (Array.isArray(node)) return node.some(carriesNul);
  for (const key in node) if (carriesNul((node as Record<string, unknown>)[key])) return true;
  return false;
}

const withoutNulCharacters: KyselyPlugin = {
  transformQuery: (args) => (carriesNul(args.node) ? new NulStripper().transformNode(args.node) : args.node),
  transformResult: async (args) => args.result,
};
