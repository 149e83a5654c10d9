import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type DB } from "#db/connection";
import { copySqliteToPostgres } from "#db/copy";
import { t } from "~/domain/texts";
import { currentUser } from "../support/db";
import { otherCase, plan, publish } from "../support/meetings";
import { startPostgresCluster, type PostgresCluster } from "../support/postgres";
import { startServer, type TestServer } from "../support/server";
import { form, login, Multipart, request } from "./support";

/**
 * Two app servers behind one load balancer: two separate processes of the built server, on
 * different ports, on ONE PostgreSQL database (the seeded demo world, moved there with db:copy).
 * Whatever must hold under concurrency holds across them, because it is the database that
 * decides, not a lock in a process: 50 simultaneous transitions of one proposal, spread over
 * both servers, have exactly one winner; 20 people adding cases to one published meeting at
 * once, through both servers, each trying again after a conflict, all get their case, numbered
 * consecutively without gaps or duplicates.
 */

let cluster: PostgresCluster;
let db: DB;
const servers: TestServer[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  cluster = await startPostgresCluster();
  await cluster.admin("create database shared");
  const url = cluster.url("shared");
  await copySqliteToPostgres(path.join(inject("seededTemplateDir"), "innspill.db"), url);
  db = openDatabase(url, { poolSize: 4 });
  // One secret for both, as behind a load balancer: a session cookie from one is valid on the other.
  const env = { DATABASE_URL: url, SESSION_SECRET: "two-servers-one-database-session-secret-0123456789" };
  for (let i = 0; i < 2; i++) {
    const dataDir = mkdtempSync(path.join(tmpdir(), "innspill-pg-server-"));
    dirs.push(dataDir);
    servers.push(await startServer({ dataDir, seed: false, env, startTimeoutMs: 120_000 }));
  }
}, 600_000);

afterAll(async () => {
  for (const server of servers) await server.stop();
  await db?.destroy();
  await cluster?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Server A or B, alternately. */
const server = (i: number) => servers[i % 2]!.url;

describe("two server processes on one PostgreSQL database", () => {
  it("50 simultaneous ASSIGNs at the same version over both servers: one 302, 49 × 409, one history row", async () => {
    const submitter = await login(server(0), "ansatt@innspill.test");
    const coordinator = await login(server(1), "koordinator@innspill.test");
    const municipality = await db
      .selectFrom("municipality")
      .select((eb) => eb.fn.min("id").as("id"))
      .executeTakeFirstOrThrow();
    const created = await request(server(0), "/innspill/ny", {
      cookie: submitter,
      body: new Multipart()
        .field("intent", "submit")
        .field("title", "Samtidige klikk på to servere")
        .field("background", "Bakgrunn.")
        .field("problem", "Problem.")
        .field("solution", "Løsning.")
        .field("municipalityIds", String(municipality.id)),
    });
    expect(created.status).toBe(302);
    const id = Number(/\/innspill\/(\d+)/.exec(created.location!)![1]);
    const { version } = await db
      .selectFrom("proposal")
      .select("version")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const group = await db
      .selectFrom("body_name")
      .select("body_id")
      .where("name", "=", "Helse og velferd")
      .executeTakeFirstOrThrow();
    const historyBefore = await historyOf(id);

    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        request(server(i), `/innspill/${id}`, {
          cookie: coordinator,
          body: form({
            intent: "event",
            type: "ASSIGN",
            version: String(version),
            groupId: String(group.body_id),
          }),
        }),
      ),
    );

    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 302)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const reply of replies.filter((r) => r.status === 409))
      expect(reply.body).toContain(t.errors.conflict);
    // Both servers answered some of them (the losers were refused on both).
    expect(new Set(replies.map((r, i) => (r.status === 409 ? i % 2 : -1)))).toEqual(new Set([-1, 0, 1]));

    const history = await historyOf(id);
    expect(history).toHaveLength(historyBefore.length + 1);
    expect(history.at(-1)).toEqual({ event: "ASSIGN", from_state: "submitted", to_state: "groupReview" });
    expect(
      await db
        .selectFrom("proposal")
        .select(["state", "version", "group_id"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ state: "groupReview", version: version + 1, group_id: group.body_id });
  });

  it("20 people add a case to one published meeting at once over both servers: all kept, numbers consecutive", async () => {
    const coordinator = await login(server(0), "koordinator@innspill.test");
    // A board meeting of a year of its own, planned and its notice published with one case (number 1).
    const board = await db
      .selectFrom("body")
      .select("id")
      .where("kind", "=", "board")
      .executeTakeFirstOrThrow();
    const organiser = await currentUser(db, await userId("koordinator@innspill.test"));
    const meetingId = await plan(db, organiser, board.id, "2031-03-10");
    await otherCase(db, organiser, meetingId, "Første sak");
    await publish(db, organiser, meetingId);
    const meeting = await db
      .selectFrom("meeting")
      .select(["id", "body_id", "starts_at"])
      .where("id", "=", meetingId)
      .executeTakeFirstOrThrow();
    const year = Number(meeting.starts_at.slice(0, 4));
    const numbersBefore = await numbersOfBody(meeting.body_id, year);

    // Each person tries again with the meeting's new version when someone else got there first.
    const addOne = async (i: number) => {
      for (let attempt = 0; attempt < 200; attempt++) {
        const { version } = await db
          .selectFrom("meeting")
          .select("version")
          .where("id", "=", meeting.id)
          .executeTakeFirstOrThrow();
        const reply = await request(server(i + attempt), `/moter/${meeting.id}`, {
          cookie: coordinator,
          freshConnection: true,
          body: form({
            intent: "addCase",
            version: String(version),
            kind: "other",
            title: `Samtidig sak ${i + 1}`,
            presentation: "Orientering.",
          }),
        });
        if (reply.status === 302 || reply.status === 303) return attempt;
        expect(reply.status, reply.body.slice(0, 300)).toBe(409);
      }
      throw new Error(`Sak ${i + 1} got no place after 200 attempts`);
    };
    await Promise.all(Array.from({ length: 20 }, (_, i) => addOne(i)));

    const added = await db
      .selectFrom("protocol_item")
      .select(["title", "number", "number_year"])
      .where("meeting_id", "=", meeting.id)
      .where("title", "like", "Samtidig sak %")
      .execute();
    expect(added.map((a) => a.title).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `Samtidig sak ${i + 1}`).sort(),
    );
    const numbers = added.map((a) => a.number!).sort((a, b) => a - b);
    const first = Math.max(0, ...numbersBefore) + 1;
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => first + i));
    expect(added.every((a) => a.number_year === year)).toBe(true);
    const all = await numbersOfBody(meeting.body_id, year);
    expect(new Set(all).size).toBe(all.length);
    const counter = await db
      .selectFrom("case_number_counter")
      .select("last_number")
      .where("body_id", "=", meeting.body_id)
      .where("year", "=", year)
      .executeTakeFirstOrThrow();
    expect(counter.last_number).toBe(first + 19);
  });

  it("20 cases added at once to 20 published meetings of one board over both servers: the shared counter gives 20 distinct consecutive numbers", async () => {
    const coordinator = await login(server(1), "koordinator@innspill.test");
    const organiser = await currentUser(db, await userId("koordinator@innspill.test"));
    const board = await db
      .selectFrom("body")
      .select("id")
      .where("kind", "=", "board")
      .executeTakeFirstOrThrow();
    const meetings: { id: number; version: number }[] = [];
    for (let m = 0; m < 20; m++) {
      const id = await plan(
        db,
        organiser,
        board.id,
        `2032-${String(1 + (m % 12)).padStart(2, "0")}-${10 + Math.floor(m / 12)}`,
      );
      await otherCase(db, organiser, id, `Første sak i møte ${m + 1}`);
      await publish(db, organiser, id);
      const { version } = await db
        .selectFrom("meeting")
        .select("version")
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      meetings.push({ id, version });
    }
    const before = await numbersOfBody(board.id, 2032);
    expect(before.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

    // No version conflicts here (each meeting has one writer): only the body's counter is shared.
    const replies = await Promise.all(
      meetings.map((m, i) =>
        request(server(i), `/moter/${m.id}`, {
          cookie: coordinator,
          freshConnection: true,
          body: form({
            intent: "addCase",
            version: String(m.version),
            kind: "other",
            title: `Parallell sak ${i + 1}`,
            presentation: "Orientering.",
          }),
        }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 302));
    const after = (await numbersOfBody(board.id, 2032)).sort((a, b) => a - b);
    expect(after).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });
});

function historyOf(id: number) {
  return db
    .selectFrom("proposal_history")
    .select(["event", "from_state", "to_state"])
    .where("proposal_id", "=", id)
    .orderBy("id")
    .execute();
}

async function numbersOfBody(bodyId: number, year: number): Promise<number[]> {
  const rows = await db
    .selectFrom("protocol_item")
    .innerJoin("meeting", "meeting.id", "protocol_item.meeting_id")
    .select("protocol_item.number")
    .where("meeting.body_id", "=", bodyId)
    .where("protocol_item.number_year", "=", year)
    .where(sql<boolean>`protocol_item.number is not null`)
    .execute();
  return rows.map((r) => r.number!);
}

async function userId(email: string): Promise<number> {
  return (await db.selectFrom("user").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}
