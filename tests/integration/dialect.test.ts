import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB, Executor } from "#db/connection";
import { engineOf, isUniqueViolation, serializeOn, skipLockedRows } from "#db/dialect";
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
