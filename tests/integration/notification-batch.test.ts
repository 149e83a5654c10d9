import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { insertNotificationRows, type NewNotification } from "#db/repositories/notification.repository";
import { makeWorld, testDb, type World } from "../support/db";

process.env.DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "innspill-batch-"));

let db: DB;
let world: World;

beforeEach(async () => {
  db = await testDb();
  world = await makeWorld(db);
});

const row = (userId: number, dedupeKey: string | null, title: string): NewNotification => ({
  user_id: userId,
  kind: "waitingReminder",
  proposal_id: null,
  meeting_id: null,
  title,
  body: "",
  link: "/innspill/1",
  dedupe_key: dedupeKey,
  email: "none",
  digested_at: null,
  created_at: "2026-11-30T08:00:00.000Z",
  read_at: null,
});

describe("insertNotificationRows (one statement for a fan-out)", () => {
  it("gives each written row its own id, and none to a row whose key was already written or repeats", async () => {
    const a = world.users.employee;
    const b = world.users.groupMember;
    const [existing] = await insertNotificationRows(db, [row(a, "week-48", "earlier")]);
    const ids = await insertNotificationRows(db, [
      row(b, null, "b-free"),
      row(a, "week-48", "a-again"),
      row(b, "week-48", "b-week"),
      row(a, null, "a-free"),
      row(b, "week-48", "b-week-repeated"),
      row(a, "week-49", "a-next"),
    ]);
    expect(existing).toBeTypeOf("number");
    expect(ids.map((id) => id === undefined)).toEqual([false, true, false, false, true, false]);
    const stored = await db.selectFrom("notification").select(["id", "title"]).orderBy("id").execute();
    const titleOf = new Map(stored.map((s) => [s.id, s.title]));
    expect(ids.map((id) => (id === undefined ? null : titleOf.get(id)))).toEqual([
      "b-free",
      null,
      "b-week",
      "a-free",
      null,
      "a-next",
    ]);
    expect(stored.map((s) => s.title)).toEqual(["earlier", "b-free", "b-week", "a-free", "a-next"]);
  });
});
