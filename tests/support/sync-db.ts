import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";

/**
 * A test's own synchronous view of a server's database, from outside the server, on either
 * engine: the subset of better-sqlite3's API the HTTP tests use (`prepare(sql).get/all/run`).
 * On SQLite it is better-sqlite3 on the file; on PostgreSQL each statement runs through `psql`
 * (synchronously, as the tests expect), with `?` parameters written in as literals and the
 * table name `user` quoted (a reserved word there). Tests write SQL both engines read. Test code only.
 */
export interface SyncStatement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number };
}

export interface SyncDb {
  engine: "sqlite" | "postgres";
  prepare(sql: string): SyncStatement;
  close(): void;
}

/** Opens `database` (a SQLite file or a postgres:// URL); read-only on SQLite unless `writable`. */
export function openSyncDb(database: string, opts: { writable?: boolean } = {}): SyncDb {
  if (/^postgres(ql)?:\/\//.test(database)) return postgresSyncDb(database);
  const sqlite = new Database(database, { readonly: !opts.writable, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  return {
    engine: "sqlite",
    prepare: (sql) => {
      const statement = sqlite.prepare(sql);
      return {
        get: (...params) => statement.get(...params),
        all: (...params) => statement.all(...params),
        run: (...params) => ({ changes: statement.run(...params).changes }),
      };
    },
    close: () => sqlite.close(),
  };
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "1" : "0";
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** The SQLite spellings the tests use, in PostgreSQL's. */
export function toPostgresSql(sql: string, params: unknown[]): string {
  let i = 0;
  return sql
    .replace(/\?/g, () => literal(params[i++]))
    .replace(/(from|join|update|into|table)\s+user\b/gi, '$1 "user"');
}

export function psql(url: string, sql: string): string {
  return execFileSync("psql", [url, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
}

function postgresSyncDb(url: string): SyncDb {
  const rows = (sql: string, params: unknown[]) =>
    JSON.parse(
      psql(url, `select coalesce(json_agg(t), '[]'::json) from (${toPostgresSql(sql, params)}) t`),
    ) as unknown[];
  return {
    engine: "postgres",
    prepare: (sql) => ({
      get: (...params) => rows(sql, params)[0],
      all: (...params) => rows(sql, params),
      run: (...params) => ({
        changes: Number(
          psql(url, `with t as (${toPostgresSql(sql, params)} returning 1) select count(*) from t`).trim(),
        ),
      }),
    }),
    close: () => {},
  };
}
