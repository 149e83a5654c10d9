import {
  PostgresAdapter,
  sql,
  type ColumnDefinitionBuilder,
  type RawBuilder,
  type SqlBool,
  type Kysely,
  type QueryExecutor,
  type SelectQueryBuilder,
} from "kysely";

/**
 * The one place that knows which database engine runs. Innspill runs on SQLite (one file, the
 * default) or PostgreSQL (DATABASE_URL=postgres://…, for several app servers on one database).
 * Migrations and repositories ask here where their SQL must differ, and branch in one visible
 * spot; everything else is written once, with Kysely's builder, for both.
 */
export type Engine = "sqlite" | "postgres";

/** A database, a transaction or a migration's `Kysely<any>`: anything that runs queries. */
type Handle = { getExecutor(): QueryExecutor };

/** Which engine a database handle (or a transaction on it) talks to. */
export function engineOf(db: Handle): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

export function isPostgres(db: Handle): boolean {
  return engineOf(db) === "postgres";
}

/** Whether a location names a PostgreSQL database (a URL) rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

/**
 * Picks the SQL (or value) for the engine that runs: `byEngine(db, { sqlite: …, postgres: … })`.
 * A repository or migration that must differ calls this, so every difference is greppable.
 */
export function byEngine<T>(db: Handle, choices: Record<Engine, T>): T {
  return choices[engineOf(db)];
}

// ---------------------------------------------------------------------------------------------
// Schema: what migrations write differently per engine (the SQLite side is exactly what it always was)

/** An integer primary key the database numbers: `autoincrement` on SQLite, an identity column on PostgreSQL. */
export function autoIncrementId(db: Handle) {
  return (c: ColumnDefinitionBuilder) =>
    isPostgres(db) ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
}

/** A floating-point column: SQLite's `real` is 8 bytes, PostgreSQL's only 4, so there it is `double precision`. */
export function floatType(db: Handle): "real" | "double precision" {
  return isPostgres(db) ? "double precision" : "real";
}

/**
 * PostgreSQL's stand-in for SQLite's `select raise(abort, '…')` in a trigger: one function that
 * refuses the statement with the message given as the trigger's argument (so the error reads the
 * same on both engines), created once by the first migration that needs it.
 */
export const POSTGRES_REFUSE_FUNCTION = sql`create or replace function innspill_refuse() returns trigger
  language plpgsql as $$ begin raise exception '%', tg_argv[0]; end $$`;

/**
 * A PostgreSQL row trigger that refuses with `message` before `events` on `table` when `when` (an
 * expression over old/new; functions may read other tables, subqueries may not) holds.
 */
export function postgresRefuseTrigger(
  name: string,
  events: "insert" | "update" | "delete" | "update or delete",
  table: string,
  message: string,
  when?: string,
) {
  return sql.raw(
    `create trigger ${name} before ${events} on ${table} for each row` +
      (when ? ` when (${when})` : "") +
      ` execute function innspill_refuse('${message.replace(/'/g, "''")}')`,
  );
}

/**
 * What PostgreSQL's search read before its texts were folded: the expression the first migration
 * (2026-11-26-001) indexed. Kept for that migration only; the search now reads `proposal_search`.
 */
export const POSTGRES_SEARCH_TEXT = sql.raw(
  "title || ' ' || background || ' ' || problem || ' ' || solution || ' ' || benefits",
);

/**
 * Whether PostgreSQL's folded search text (a column of `proposal_search`, folded by
 * `innspill_search_fold` when the proposal is written: migration 2026-11-30-h15v-001) contains a
 * word, folded by the same function: lower case, and a Latin letter's accents and rings dropped as
 * SQLite's `remove_diacritics 1` drops them, so "vannmal" finds "vannmålere" on both engines. The
 * pattern is a constant when the statement is planned, so the trigram index answers it. Words are
 * letters and digits only (no LIKE wildcards).
 */
export function postgresFoldedContains(folded: RawBuilder<string>, word: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${folded} like '%' || innspill_search_fold(${word}) || '%'`;
}

// ---------------------------------------------------------------------------------------------
// Errors: what each engine says when it refuses

/**
 * Whether an error is the database refusing a duplicate in one unique index: SQLite names the
 * columns in its message, PostgreSQL gives SQLSTATE 23505 and the index's name.
 */
export function isUniqueViolation(
  error: unknown,
  index: { name: string; table: string; columns: string[] },
): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { code?: string; constraint?: string };
  if (e.code === "23505") return e.constraint === index.name;
  const columns = index.columns.map((c) => `${index.table}.${c}`).join(", ");
  return e.message.includes(`UNIQUE constraint failed: ${columns}`);
}

/**
 * LIKE that ignores case as SQLite's does (SQLite's LIKE folds ASCII letters; PostgreSQL's LIKE
 * folds nothing, its ILIKE folds every letter): the operator to write in a `where`.
 */
export function likeIgnoringCase(db: Handle): "like" | "ilike" {
  return isPostgres(db) ? "ilike" : "like";
}

// ---------------------------------------------------------------------------------------------
// Concurrency: what must hold across several app processes on one database

/**
 * Makes transactions that call this with the same key run one after the other, until the
 * caller's transaction ends: a check that reads and then writes (count the failed logins, then
 * record this one) cannot be raced. SQLite already runs one writing transaction at a time in one
 * process (one connection), and the file's lock orders processes; PostgreSQL runs them side by
 * side, so there a transaction-scoped advisory lock on the key's hash serialises them.
 */
export async function serializeOn(trx: Handle & { isTransaction: boolean }, key: string): Promise<void> {
  if (!trx.isTransaction) throw new Error("serializeOn needs a transaction: the lock lasts until it ends");
  if (!isPostgres(trx)) return;
  await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx as unknown as Kysely<unknown>);
}

/**
 * Claims rows no other transaction holds, skipping those that one does (`FOR UPDATE SKIP LOCKED`
 * on PostgreSQL: several delivery workers take disjoint batches of a queue such as the e-mail
 * outbox). SQLite has no row locks and runs one writing transaction at a time, so there the query
 * is unchanged; the claim's own `update … where status = 'pending'` keeps it single.
 */
export function skipLockedRows<DB, TB extends keyof DB, O>(
  db: Handle,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return isPostgres(db) ? query.forUpdate().skipLocked() : query;
}

/**
 * A stamp that changes whenever anything is committed to the database, by this connection or any
 * other (another server process on the same file): SQLite's `data_version` (others' commits)
 * with this connection's `total_changes()`. A figure computed from the whole database can be kept
 * while the stamp holds. PostgreSQL offers no such cheap stamp: null there, so nothing is kept.
 */
export async function changeStamp(db: Handle): Promise<string | null> {
  if (isPostgres(db)) return null;
  const { rows } = await sql<{ version: number; changes: number }>`
    select (select data_version from pragma_data_version) as version, total_changes() as changes
  `.execute(db as unknown as Kysely<unknown>);
  return `${rows[0]!.version}:${rows[0]!.changes}`;
}
