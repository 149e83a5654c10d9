import Database from "better-sqlite3";
import { createRequire } from "node:module";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";

/**
 * A test's own synchronous view of a server's database, from outside the server, on either
 * engine: the subset of better-sqlite3's API the HTTP tests use (`prepare(sql).get/all/run`).
 * On SQLite it is better-sqlite3 on the file; on PostgreSQL each statement runs on one connection
 * held by a worker thread and is waited for synchronously, as the tests expect, with `?` parameters
 * written in as literals and the table name `user` quoted (a reserved word there). Tests write SQL
 * both engines read. Test code only.
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

/**
 * A PostgreSQL connection the test's thread can wait on: a worker thread holds one `pg` client, and
 * each statement is posted to it and waited for with Atomics.wait (a process per statement, as
 * `psql` would be, costs tens of milliseconds each and made the suite's PostgreSQL run slow).
 */
const workerSource = `
const { workerData } = require("node:worker_threads");
const pg = require(workerData.pgPath);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
const client = new pg.Client({ connectionString: workerData.url });
client.on("error", () => {});
const ready = client.connect();
workerData.requests.on("message", async (sql) => {
  let reply;
  try {
    await ready;
    const result = await client.query(sql);
    reply = { rows: result.rows, rowCount: result.rowCount ?? 0 };
  } catch (error) {
    reply = { error: String(error && error.message ? error.message : error) };
  }
  workerData.replies.postMessage(reply);
  Atomics.store(workerData.signal, 0, 1);
  Atomics.notify(workerData.signal, 0);
});
`;

type Reply = { rows: unknown[]; rowCount: number } | { error: string };

function postgresSyncDb(url: string): SyncDb {
  const requests = new MessageChannel();
  const replies = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: {
      url,
      pgPath: createRequire(import.meta.url).resolve("pg"),
      requests: requests.port2,
      replies: replies.port2,
      signal,
    },
    transferList: [requests.port2, replies.port2],
  });
  worker.unref();
  const run = (sql: string): { rows: unknown[]; rowCount: number } => {
    Atomics.store(signal, 0, 0);
    requests.port1.postMessage(sql);
    if (Atomics.wait(signal, 0, 0, 120_000) === "timed-out")
      throw new Error(`PostgreSQL did not answer: ${sql}`);
    const reply = receiveMessageOnPort(replies.port1)?.message as Reply | undefined;
    if (!reply) throw new Error(`No answer from PostgreSQL: ${sql}`);
    if ("error" in reply) throw new Error(`${reply.error}\n${sql}`);
    return reply;
  };
  return {
    engine: "postgres",
    prepare: (sql) => ({
      get: (...params) => run(toPostgresSql(sql, params)).rows[0],
      all: (...params) => run(toPostgresSql(sql, params)).rows,
      run: (...params) => ({ changes: run(toPostgresSql(sql, params)).rowCount }),
    }),
    close: () => {
      requests.port1.close();
      replies.port1.close();
      void worker.terminate();
    },
  };
}
