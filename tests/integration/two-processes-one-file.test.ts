import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { migrateToLatest, openDatabase, type DB } from "#db/connection";

/**
 * Several server processes write to one SQLite file (WEB_CONCURRENCY, decision 021). A transaction
 * that reads and then writes must not be refused because another process committed in between
 * (with SQLite's default deferred `begin` it would be, at once, with SQLITE_BUSY: its snapshot is
 * stale, and no busy timeout helps). Here the other process is a real one: a child that writes to
 * the same file while our transaction sits between its read and its write.
 */

let dir: string | undefined;
let db: DB | undefined;

afterEach(async () => {
  await db?.destroy();
  db = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Another process: opens the file with the same busy timeout, says it is about to write
 * (`about`), writes a row, reports and exits.
 */
function writeFromAnotherProcess(file: string) {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1]);
    db.pragma("busy_timeout = 5000");
    process.stdout.write("ready\\n");
    try {
      db.prepare("insert into site_text (key, body, updated_at, version) values ('other-process', 'x', '2026-01-01', 1)").run();
      process.stdout.write(JSON.stringify({ ok: true }));
    } catch (error) {
      process.stdout.write(JSON.stringify({ ok: false, message: String(error.message) }));
    }`;
  let about!: () => void;
  const ready = new Promise<void>((r) => (about = r));
  const done = new Promise<{ ok: boolean; message?: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", script, file], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      if (out.startsWith("ready\n")) about();
    });
    child.on("error", reject);
    child.on("exit", () =>
      resolve(JSON.parse(out.replace("ready\n", "") || '{"ok":false,"message":"no answer"}')),
    );
  });
  return { ready, done };
}

describe("two processes on one database file", () => {
  it("a transaction that reads, then writes after another process wrote, commits (begin immediate)", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "innspill-two-processes-"));
    const file = path.join(dir, "innspill.db");
    db = openDatabase(file);
    await migrateToLatest(db);

    let other: ReturnType<typeof writeFromAnotherProcess> | undefined;
    await db.transaction().execute(async (trx) => {
      await sql`select count(*) from site_text`.execute(trx);
      // The other process writes now: its insert would commit in this pause, unless it must wait
      // for our transaction's lock (which it does: ours began immediate).
      other = writeFromAnotherProcess(file);
      await other.ready;
      await new Promise((r) => setTimeout(r, 300));
      await sql`insert into site_text (key, body, updated_at, version) values ('this-process', 'y', '2026-01-01', 1)`.execute(
        trx,
      );
    });
    // The other process waited for our transaction and then wrote too.
    expect(await other!.done).toEqual({ ok: true });
    const keys = await sql<{ key: string }>`select key from site_text order by key`.execute(db);
    expect(keys.rows.map((r) => r.key)).toEqual(["other-process", "this-process"]);
  });

  it("waiting for another process's write lock does not stall this process", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "innspill-two-processes-"));
    const file = path.join(dir, "innspill.db");
    db = openDatabase(file);
    await migrateToLatest(db);
    // The other process takes the write lock, holds it a while, writes and commits.
    const script = `
      const Database = require("better-sqlite3");
      const db = new Database(process.argv[1]);
      db.exec("begin immediate");
      process.stdout.write("locked\\n");
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
      db.prepare("insert into site_text (key, body, updated_at, version) values ('first', 'x', '2026-01-01', 1)").run();
      db.exec("commit");`;
    const child = spawn(process.execPath, ["-e", script, file], { stdio: ["ignore", "pipe", "inherit"] });
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    await new Promise<void>((resolve) => child.stdout.on("data", () => resolve()));

    let ticks = 0;
    const clock = setInterval(() => (ticks += 1), 5);
    try {
      await db
        .transaction()
        .execute((trx) =>
          sql`insert into site_text (key, body, updated_at, version) values ('second', 'y', '2026-01-01', 1)`.execute(
            trx,
          ),
        );
    } finally {
      clearInterval(clock);
    }
    await exited;
    // This process's timers ran while its transaction waited for the lock (a synchronous busy wait runs none).
    expect(ticks).toBeGreaterThan(0);
    const keys = await sql<{ key: string }>`select key from site_text order by rowid`.execute(db);
    expect(keys.rows.map((r) => r.key)).toEqual(["first", "second"]);
  });
});
