import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import {
  conflictsOfMeeting,
  getItem,
  itemsOfMeeting,
  listMeetings,
  meetingFigures,
  votesOfMeeting,
} from "#db/repositories/meeting.repository";
import { bodyOfKind } from "#db/repositories/organisation.repository";
import { seedDemo } from "~/server/seed/seed.server";
import { demoHash, testDb } from "../support/db";

/**
 * The demo year's meetings, as the replay of db/seed.ts drives them: every committee and
 * board decision of the demo proposals asks for its protocol item, in replay order, then
 * `finish` holds the meetings through the real commands.
 */
describe("demo meetings of 2021", () => {
  let db: DB;
  let strategyItemId: number;
  beforeAll(async () => {
    db = await testDb();
    await seedDemo(db, { passwordHash: await demoHash() });
    const strategy = await db.selectFrom("strategy").select("approved_item_id").executeTakeFirstOrThrow();
    strategyItemId = strategy.approved_item_id!;
  }, 60_000);
  afterAll(async () => {
    await db.destroy();
  });

  it("holds 7 board meetings with 32 protocol items, Sak 1/2021 to Sak 32/2021 in date order", async () => {
    const board = (await bodyOfKind(db, "board", "2021-06-01"))!;
    const meetings = (await listMeetings(db, { bodyId: board.id, year: 2021 })).reverse();
    expect(meetings.map((m) => m.starts_at.slice(0, 10))).toEqual([
      "2021-02-10",
      "2021-04-14",
      "2021-06-16",
      "2021-09-08",
      "2021-10-20",
      "2021-11-17",
      "2021-12-08",
    ]);
    expect(meetings.every((m) => m.status === "protocolPublished")).toBe(true);
    const numbers: number[] = [];
    for (const m of meetings) numbers.push(...(await itemsOfMeeting(db, m.id)).map((i) => i.number!));
    expect(numbers).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect((await meetingFigures(db, 2021)).find((f) => f.bodyId === board.id)).toEqual({
      bodyId: board.id,
      meetings: 7,
      items: 32,
    });
  });

  it("holds the committee two weeks before each board meeting, numbered on its own", async () => {
    const committee = (await bodyOfKind(db, "committee", "2021-06-01"))!;
    const meetings = (await listMeetings(db, { bodyId: committee.id, year: 2021 })).reverse();
    expect(meetings.map((m) => m.starts_at.slice(0, 10))).toEqual([
      "2021-01-27",
      "2021-03-31",
      "2021-06-02",
      "2021-08-25",
      "2021-10-06",
      "2021-11-03",
      "2021-11-24",
    ]);
    const first = await itemsOfMeeting(db, meetings[0]!.id);
    expect(first[0]!.number).toBe(1);
    // The split vote: one member against, recorded with the others.
    const june = await votesOfMeeting(db, meetings[2]!.id);
    expect(june.filter((v) => v.choice === "against")).toHaveLength(1);
  });

  it("links the strategy case of 8.12.2021, keeps exempt cases and a declared conflict", async () => {
    const item = (await getItem(db, strategyItemId))!;
    expect(item.title).toContain("Strategi for digital transformasjon");
    const all = await db.selectFrom("protocol_item").selectAll().where("exempt", "=", 1).execute();
    expect(all.map((i) => i.exempt_basis)).toEqual([
      "offl. § 24 tredje ledd",
      "offl. § 13 jf. fvl. § 13 første ledd nr. 1",
    ]);
    const personal = all.find((i) => i.title === "Personalsak")!;
    expect((await conflictsOfMeeting(db, personal.meeting_id)).map((c) => c.protocol_item_id)).toEqual([
      personal.id,
    ]);
  });
});
