import { sql } from "kysely";
import { expect } from "vitest";
import { migrateToLatest, openDatabase, type DB } from "#db/connection";
import { seedDemo } from "~/server/seed/seed.server";
import { demoHash } from "./db";

/**
 * Helpers for the tests that carry the demo world from one database to another (db:copy, backup
 * and restore): the source to copy, and the checks every copy must pass.
 */

/** A new SQLite file at `file`, migrated and seeded with the demo world; left open. */
export async function seededDemoSqlite(file: string): Promise<DB> {
  const db = openDatabase(file);
  await migrateToLatest(db);
  await seedDemo(db, { passwordHash: await demoHash() });
  return db;
}

/** The demo coordinator's id: the viewer whose answers the copies are compared by. */
export async function demoCoordinatorId(db: DB): Promise<number> {
  const row = await db
    .selectFrom("user")
    .select("id")
    .where("email", "=", "koordinator@innspill.test")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * In `copy`, whose history's highest id is `max`: a new history row gets the next id (the
 * numbering continues after the copied rows) and rewriting an old one is refused (append-only).
 * Returns the new row's id.
 */
export async function expectHistoryContinuesAppendOnly(copy: DB, max: number): Promise<number> {
  const { id: _id, ...row } = await copy
    .selectFrom("proposal_history")
    .selectAll()
    .where("id", "=", max)
    .executeTakeFirstOrThrow();
  const inserted = await copy
    .insertInto("proposal_history")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  expect(inserted.id).toBe(max + 1);
  await expect(
    sql`update proposal_history set event = 'rewritten' where id = ${max}`.execute(copy),
  ).rejects.toThrow(/append-only/);
  return inserted.id;
}

/** The highest proposal_history id in `db`. */
export async function maxHistoryId(db: DB): Promise<number> {
  const row = await db
    .selectFrom("proposal_history")
    .select((eb) => eb.fn.max("id").as("m"))
    .executeTakeFirstOrThrow();
  return row.m as number;
}
