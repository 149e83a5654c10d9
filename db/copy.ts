import SQLite from "better-sqlite3";
import { createHash } from "node:crypto";
import { sql, type Kysely, type Transaction } from "kysely";
import { migrateToLatest, openDatabase } from "./connection";
import { isPostgres } from "./dialect";
import { migrationProvider } from "./migrations";

/**
 * Moves an installation from its SQLite file to an empty PostgreSQL database (`npm run db:copy`,
 * decision 025): the target is migrated to the same schema, every table is copied in dependency
 * order, in batches, inside one transaction, with ids intact, and each table is then verified by
 * row count and a checksum computed the same way on both engines.
 *
 * The copy respects the triggers that keep records frozen, as the app does: it only inserts,
 * except that an approved meeting or strategy is first written with the status it had before
 * (held, draft) and given its real status once everything under it is in, and a reference to a
 * later row of the same table (a proposal merged into a newer one) is filled in after that row.
 */

/** The copy names its tables at run time, from the schema, so it talks to the database untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- table names come from the schema at run time
type Untyped = Kysely<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
type UntypedTransaction = Transaction<any>;

/** Why a copy was not started; the script turns each into a message for the operator. */
export type CopyRefusal =
  | { reason: "sourceNotMigrated"; missing: string[]; unknown: string[] }
  | { reason: "targetNotEmpty"; tables: string[] };

export class CopyRefused extends Error {
  constructor(readonly refusal: CopyRefusal) {
    super(refusal.reason);
  }
}

/** One table's verification: rows and checksum on both sides. */
export interface TableCheck {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceChecksum: string;
  targetChecksum: string;
  ok: boolean;
}

/**
 * Tables a migration fills (the default step limits): found by migrating a throw-away database in
 * memory, since the same migrations write the same rows on both engines. Their rows in the
 * target do not make it "not empty"; the copy replaces them with the source's (perhaps edited) rows.
 */
async function tablesFilledByMigrations(): Promise<Set<string>> {
  const memory = openDatabase(":memory:");
  const scratch = memory as unknown as Untyped;
  try {
    await migrateToLatest(memory);
    const tables = await scratch.introspection.getTables();
    const filled = new Set<string>();
    for (const t of tables) {
      if (MIGRATION_TABLES.has(t.name)) continue;
      const { rows } = await sql.raw(`select 1 from ${quote(t.name)} limit 1`).execute(scratch);
      if (rows.length > 0) filled.add(t.name);
    }
    return filled;
  } finally {
    await scratch.destroy();
  }
}

/** Rows whose status would freeze what is copied after them: written as `placeholder` first. */
const HELD_BACK_STATUS: Record<string, { frozen: string[]; placeholder: string }> = {
  meeting: { frozen: ["protocolApproved", "protocolPublished"], placeholder: "held" },
  strategy: { frozen: ["approved", "replaced"], placeholder: "draft" },
};

/** Kysely's own bookkeeping: written by migrating the target, not copied. */
const MIGRATION_TABLES = new Set(["kysely_migration", "kysely_migration_lock"]);

/**
 * PostgreSQL's tables that its triggers fill from the copied ones, as SQLite's full-text index is
 * filled from `proposal`: not in the SQLite file, not copied (migration 2026-11-30-h15v-001).
 */
const DERIVED_TABLES = new Set(["proposal_search"]);

/** At most this many bound values in one INSERT (PostgreSQL allows 65,535). */
const MAX_PARAMETERS = 30_000;

interface TableShape {
  name: string;
  columns: string[];
  primaryKey: string[];
  /** Columns of the primary key that hold text (ordered byte-wise on both engines). */
  textKey: Set<string>;
  /** Foreign-key columns that reference this same table. */
  selfReferences: string[];
  identity: string | null;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The migrations the source has run, compared with the ones this code knows. */
function sourceMigrationState(source: SQLite.Database, known: string[]) {
  const hasTable = source
    .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
    .get();
  const done = hasTable
    ? (source.prepare("select name from kysely_migration").all() as { name: string }[]).map((r) => r.name)
    : [];
  return {
    missing: known.filter((name) => !done.includes(name)),
    unknown: done.filter((name) => !known.includes(name)),
  };
}

/** The SQLite file's own tables: not SQLite's, not Kysely's, not a full-text index or its shadow tables. */
function sourceTables(source: SQLite.Database): string[] {
  const rows = source
    .prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%'")
    .all() as { name: string; sql: string | null }[];
  const virtual = rows.filter((r) => /^create virtual table/i.test(r.sql ?? "")).map((r) => r.name);
  return rows
    .map((r) => r.name)
    .filter(
      (name) => !MIGRATION_TABLES.has(name) && !virtual.some((v) => name === v || name.startsWith(`${v}_`)),
    );
}

/** Tables, columns, keys and references of the (migrated) PostgreSQL schema, parents before children. */
async function postgresTables(db: Untyped): Promise<TableShape[]> {
  const columns = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_identity: string;
  }>`
    select table_name, column_name, data_type, is_identity from information_schema.columns
    where table_schema = 'public' order by table_name, ordinal_position`.execute(db);
  const keys = await sql<{ table_name: string; column_name: string }>`
    select c.relname as table_name, a.attname as column_name
    from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
    join lateral unnest(i.indkey) with ordinality as k(attnum, position) on true
    join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
    where i.indisprimary and n.nspname = 'public' order by c.relname, k.position`.execute(db);
  const references = await sql<{ child: string; parent: string; column_name: string }>`
    select c.relname as child, p.relname as parent, a.attname as column_name
    from pg_constraint f join pg_class c on c.oid = f.conrelid join pg_class p on p.oid = f.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum = any (f.conkey)
    where f.contype = 'f' and n.nspname = 'public'`.execute(db);

  const shapes = new Map<string, TableShape>();
  for (const c of columns.rows) {
    if (MIGRATION_TABLES.has(c.table_name) || DERIVED_TABLES.has(c.table_name)) continue;
    let shape = shapes.get(c.table_name);
    if (!shape) {
      shape = {
        name: c.table_name,
        columns: [],
        primaryKey: [],
        textKey: new Set(),
        selfReferences: [],
        identity: null,
      };
      shapes.set(c.table_name, shape);
    }
    shape.columns.push(c.column_name);
    if (c.is_identity === "YES") shape.identity = c.column_name;
  }
  const textColumns = new Set(
    columns.rows.filter((c) => c.data_type !== "integer").map((c) => `${c.table_name}.${c.column_name}`),
  );
  for (const k of keys.rows) {
    const shape = shapes.get(k.table_name);
    if (!shape) continue;
    shape.primaryKey.push(k.column_name);
    if (textColumns.has(`${k.table_name}.${k.column_name}`)) shape.textKey.add(k.column_name);
  }
  const parents = new Map<string, Set<string>>([...shapes.keys()].map((t) => [t, new Set<string>()]));
  for (const r of references.rows) {
    if (!shapes.has(r.child)) continue;
    if (r.child === r.parent) shapes.get(r.child)!.selfReferences.push(r.column_name);
    else parents.get(r.child)!.add(r.parent);
  }

  // Parents first; names break ties, so the order is the same on every run.
  const ordered: TableShape[] = [];
  const placed = new Set<string>();
  while (placed.size < shapes.size) {
    const ready = [...shapes.keys()]
      .filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)))
      .sort();
    if (ready.length === 0)
      throw new Error(
        `Circular references between tables: ${[...shapes.keys()].filter((t) => !placed.has(t))}`,
      );
    for (const t of ready) {
      placed.add(t);
      ordered.push(shapes.get(t)!);
    }
  }
  return ordered;
}

/** The ORDER BY both engines agree on: the primary key (text byte-wise), else every column. */
function orderBy(shape: TableShape, engine: "sqlite" | "postgres"): string {
  const keys = shape.primaryKey.length > 0 ? shape.primaryKey : shape.columns;
  return keys
    .map((k) => (engine === "postgres" && shape.textKey.has(k) ? `${quote(k)} collate "C"` : quote(k)))
    .join(", ");
}

function selectAll(shape: TableShape, engine: "sqlite" | "postgres"): string {
  return `select ${shape.columns.map(quote).join(", ")} from ${quote(shape.name)} order by ${orderBy(shape, engine)}`;
}

/**
 * A table's rows as one engine-independent checksum: every row as a JSON array of its values in
 * column order (integers, floats and texts come back as the same JavaScript values from both
 * drivers), one line each, hashed with sha256 in primary-key order.
 */
class TableHash {
  private hash = createHash("sha256");
  rows = 0;
  add(row: Record<string, unknown>, columns: string[]) {
    this.hash.update(JSON.stringify(columns.map((c) => row[c] ?? null)) + "\n");
    this.rows++;
  }
  digest() {
    return this.hash.digest("hex");
  }
}

function sourceChecksum(source: SQLite.Database, shape: TableShape) {
  const hash = new TableHash();
  for (const row of source.prepare(selectAll(shape, "sqlite")).iterate())
    hash.add(row as Record<string, unknown>, shape.columns);
  return { rows: hash.rows, checksum: hash.digest() };
}

/** Reads a PostgreSQL table through a server-side cursor, so a national-scale table never sits in memory whole. */
async function targetChecksum(target: Untyped, shape: TableShape) {
  const hash = new TableHash();
  await target.transaction().execute(async (trx) => {
    await sql.raw(`declare copy_check no scroll cursor for ${selectAll(shape, "postgres")}`).execute(trx);
    for (;;) {
      const { rows } = await sql.raw<Record<string, unknown>>("fetch 5000 from copy_check").execute(trx);
      for (const row of rows) hash.add(row, shape.columns);
      if (rows.length < 5000) break;
    }
  });
  return { rows: hash.rows, checksum: hash.digest() };
}

async function copyTable(
  source: SQLite.Database,
  trx: UntypedTransaction,
  shape: TableShape,
  heldBack: Map<string, Map<string, unknown[]>>,
): Promise<number> {
  const batchSize = Math.max(1, Math.min(2000, Math.floor(MAX_PARAMETERS / shape.columns.length)));
  const hold = HELD_BACK_STATUS[shape.name];
  const id = shape.primaryKey.length === 1 ? shape.primaryKey[0]! : null;
  const later: { id: unknown; column: string; value: unknown }[] = [];
  const inserted = new Set<unknown>();
  let batch: Record<string, unknown>[] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length > 0) await trx.insertInto(shape.name).values(batch).execute();
    batch = [];
  };
  for (const raw of source.prepare(selectAll(shape, "sqlite")).iterate()) {
    const row = { ...(raw as Record<string, unknown>) };
    if (hold && hold.frozen.includes(row.status as string)) {
      const byStatus = heldBack.get(shape.name) ?? new Map<string, unknown[]>();
      heldBack.set(shape.name, byStatus);
      byStatus.set(row.status as string, [...(byStatus.get(row.status as string) ?? []), row[id!]]);
      row.status = hold.placeholder;
    }
    for (const column of shape.selfReferences) {
      const value = row[column];
      if (value !== null && value !== undefined && !inserted.has(value) && value !== row[id!]) {
        later.push({ id: row[id!], column, value });
        row[column] = null;
      }
    }
    if (id) inserted.add(row[id]);
    batch.push(row);
    count++;
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  for (const fix of later)
    await trx
      .updateTable(shape.name)
      .set({ [fix.column]: fix.value })
      .where(id!, "=", fix.id)
      .execute();
  return count;
}

export interface CopyOptions {
  /** Told after each table is copied (for progress lines). */
  onTable?: (table: string, rows: number) => void;
}

/**
 * Copies the SQLite file `sourceFile` into the PostgreSQL database at `targetUrl` and verifies
 * it. Throws CopyRefused (nothing written but the target's migrations) when the source is not at
 * the latest migration or the target holds data; returns one check per table otherwise.
 */
export async function copySqliteToPostgres(
  sourceFile: string,
  targetUrl: string,
  options: CopyOptions = {},
): Promise<TableCheck[]> {
  const source = new SQLite(sourceFile, { readonly: true, fileMustExist: true });
  const target = openDatabase(targetUrl, { poolSize: 2 }) as unknown as Untyped;
  try {
    if (!isPostgres(target)) throw new Error("The target must be a PostgreSQL URL.");
    const known = Object.keys(await migrationProvider.getMigrations());
    const state = sourceMigrationState(source, known);
    if (state.missing.length > 0 || state.unknown.length > 0)
      throw new CopyRefused({ reason: "sourceNotMigrated", ...state });

    await migrateToLatest(target);
    const tables = await postgresTables(target);
    const missing = sourceTables(source).filter((name) => !tables.some((t) => t.name === name));
    if (missing.length > 0)
      throw new Error(`Tables in the SQLite file that PostgreSQL lacks: ${missing.join(", ")}`);
    const byMigrations = await tablesFilledByMigrations();
    const filled: string[] = [];
    for (const shape of tables.filter((t) => !byMigrations.has(t.name))) {
      const { rows } = await sql
        .raw<{ any: number }>(`select 1 as any from ${quote(shape.name)} limit 1`)
        .execute(target);
      if (rows.length > 0) filled.push(shape.name);
    }
    if (filled.length > 0) throw new CopyRefused({ reason: "targetNotEmpty", tables: filled });

    // One read transaction on the source: every table is read from the same moment.
    source.exec("begin");
    try {
      await target.transaction().execute(async (trx) => {
        const heldBack = new Map<string, Map<string, unknown[]>>();
        // Children first: nothing else is in the target yet, but keep the order right anyway.
        for (const shape of [...tables].reverse().filter((t) => byMigrations.has(t.name)))
          await trx.deleteFrom(shape.name).execute();
        for (const shape of tables) {
          const rows = await copyTable(source, trx, shape, heldBack);
          options.onTable?.(shape.name, rows);
        }
        for (const [table, byStatus] of heldBack)
          for (const [status, ids] of byStatus)
            await trx.updateTable(table).set({ status }).where("id", "in", ids).execute();
        for (const shape of tables.filter((t) => t.identity)) {
          const column = shape.identity!;
          await sql
            .raw(
              `select setval(pg_get_serial_sequence('${quote(shape.name)}', '${column}'), ` +
                `coalesce(max(${quote(column)}), 0) + 1, false) from ${quote(shape.name)}`,
            )
            .execute(trx);
        }
      });

      const checks: TableCheck[] = [];
      for (const shape of tables) {
        const from = sourceChecksum(source, shape);
        const to = await targetChecksum(target, shape);
        checks.push({
          table: shape.name,
          sourceRows: from.rows,
          targetRows: to.rows,
          sourceChecksum: from.checksum,
          targetChecksum: to.checksum,
          ok: from.rows === to.rows && from.checksum === to.checksum,
        });
      }
      return checks;
    } finally {
      source.exec("rollback");
    }
  } finally {
    source.close();
    await target.destroy();
  }
}

/**
 * Row count and checksum of every table of a PostgreSQL database (computed as db:copy verifies):
 * two databases with the same data give the same map. Used to check a restored backup.
 */
export async function postgresTableChecksums(
  url: string,
): Promise<Map<string, { rows: number; checksum: string }>> {
  const db = openDatabase(url, { poolSize: 1 }) as unknown as Untyped;
  try {
    const result = new Map<string, { rows: number; checksum: string }>();
    for (const shape of await postgresTables(db)) result.set(shape.name, await targetChecksum(db, shape));
    return result;
  } finally {
    await db.destroy();
  }
}
