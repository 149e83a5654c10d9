import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest, openDatabase, type DB, type Executor } from "#db/connection";
import { changeStamp, engineOf, isUniqueViolation, serializeOn, skipLockedRows } from "#db/dialect";
import { makeWorld, testDb, type World } from "../support/db";

/**
 * What db/dialect.ts promises, on the engine this project runs (the unit project: SQLite; the
 * integration-pg project: PostgreSQL): the same refusals, the same unique-violation answer, and
 * the concurrency helpers.
 */
describe("the engine seam", () => {
  let db: DB;
  let world: World;
  beforeAll(async () => {
    db = await testDb();
    world = await makeWorld(db);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("runs on the engine the project asks for", () => {
    expect(engineOf(db)).toBe(process.env.INNSPILL_TEST_ENGINE === "postgres" ? "postgres" : "sqlite");
  });

  it("keeps text without U+0000 on both engines (PostgreSQL cannot store it)", async () => {
    await db
      .insertInto("municipality")
      .values({ name: "Nul\u0000by", valid_from: "2000-01-01", valid_to: null })
      .execute();
    const row = await db
      .selectFrom("municipality")
      .select("name")
      .where("name", "in", ["Nulby", "Nul\u0000by"])
      .executeTakeFirst();
    expect(row?.name).toBe("Nulby");
  });

  it("recognises a duplicate in a unique index, and only that index", async () => {
    const error = await db
      .insertInto("municipality")
      .values({ name: "Nordby", valid_from: "2000-01-01", valid_to: null })
      .execute()
      .catch((e: unknown) => e);
    expect(
      isUniqueViolation(error, { name: "municipality_name_key", table: "municipality", columns: ["name"] }),
    ).toBe(true);
    expect(
      isUniqueViolation(error, {
        name: "protocol_item_number",
        table: "protocol_item",
        columns: ["body_id", "number_year", "number"],
      }),
    ).toBe(false);
  });

  it("refuses a change to the history with the same message on both engines", async () => {
    const { id: proposalId } = await db
      .insertInto("proposal")
      .values({
        title: "T",
        state: "submitted",
        author_id: world.users.employee,
        created_at: "2024-01-01T00:00:00.000Z",
        state_changed_at: "2024-01-01T00:00:00.000Z",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("proposal_history")
      .values({
        proposal_id: proposalId,
        from_state: null,
        to_state: "submitted",
        event: "SUBMIT",
        actor_id: world.users.employee,
        at: "2024-01-01T00:00:00.000Z",
      })
      .execute();
    await expect(db.updateTable("proposal_history").set({ reason: "x" }).execute()).rejects.toThrow(
      "proposal_history is append-only",
    );
    await expect(db.deleteFrom("proposal_history").execute()).rejects.toThrow(
      "proposal_history is append-only",
    );
  });

  it("gives a change stamp that moves with every commit, by this connection or another (SQLite only)", async () => {
    if (engineOf(db) === "postgres") {
      expect(await changeStamp(db)).toBeNull();
      return;
    }
    const dir = mkdtempSync(path.join(tmpdir(), "innspill-stamp-"));
    const file = path.join(dir, "stamp.db");
    const one = openDatabase(file);
    await migrateToLatest(one);
    const other = openDatabase(file);
    try {
      const first = await changeStamp(one);
      expect(await changeStamp(one)).toBe(first);
      await other.insertInto("municipality").values({ name: "Andreby", valid_from: "2000-01-01" }).execute();
      const second = await changeStamp(one);
      expect(second).not.toBe(first);
      await one.insertInto("municipality").values({ name: "Egenby", valid_from: "2000-01-01" }).execute();
      expect(await changeStamp(one)).not.toBe(second);
    } finally {
      await one.destroy();
      await other.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs transactions that serialise on one key one after the other", async () => {
    const order: string[] = [];
    const work = (name: string, pause: number) =>
      db.transaction().execute(async (trx) => {
        await serializeOn(trx, "test-key");
        order.push(`${name} in`);
        await new Promise((r) => setTimeout(r, pause));
        order.push(`${name} out`);
      });
    await Promise.all([work("a", 300), new Promise((r) => setTimeout(r, 50)).then(() => work("b", 0))]);
    expect(order).toEqual(["a in", "a out", "b in", "b out"]);
  });

  it("lets a second claimer skip the rows a first one holds", async () => {
    const claim = (trx: Executor) =>
      skipLockedRows(trx, trx.selectFrom("municipality").select("id").orderBy("id").limit(2)).execute();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let first: { id: number }[] = [];
    const firstDone = db.transaction().execute(async (trx) => {
      first = await claim(trx);
      await held;
    });
    await new Promise((r) => setTimeout(r, 200));
    if (engineOf(db) === "postgres") {
      const second = await db.transaction().execute((trx) => claim(trx));
      expect(first).toHaveLength(2);
      expect(second).toHaveLength(2);
      expect(second.map((r) => r.id).filter((id) => first.some((f) => f.id === id))).toEqual([]);
    }
    release();
    await firstDone;
    if (engineOf(db) === "sqlite") expect(first).toHaveLength(2);
  });
});
