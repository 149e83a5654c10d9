import type { SyncDb } from "../support/sync-db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "#db/connection";
import { t } from "~/domain/texts";
import { currentUser } from "../support/db";
import { meetingVersion, otherCase, plan } from "../support/meetings";
import {
  form,
  login,
  Multipart,
  openReadOnly,
  processCounts,
  request,
  startSeededServer,
  type ReliabilityServer,
} from "./support";

/**
 * Fifty people press the same button at the same moment: the coordinator's "assign to a group"
 * on one proposal, all from the same page (the same version). Exactly one wins; the other 49
 * are told that someone else changed it, and the history records one step, not fifty. And
 * twelve notices of one body published at once get twenty-four case numbers in a row, none twice.
 * Each with one server process and with two on the same database file (decision 021).
 */

describe.each(processCounts)("concurrent writes, %i server process(es)", (processes) => {
  let server: ReliabilityServer;
  let readDb: SyncDb;

  beforeAll(async () => {
    server = await startSeededServer({}, { processes });
    readDb = openReadOnly(server.database);
  });

  afterAll(async () => {
    readDb?.close();
    await server?.dispose();
  });

  const one = <T>(sql: string, ...params: unknown[]) => readDb.prepare(sql).get(...params) as T;

  it("serves from as many processes as asked", () => {
    expect(server.servingPids()).toHaveLength(processes);
  });

  it("a public notice and its page have one ETag whichever process answers, and 304 from any", async () => {
    const { id } = one<{ id: number }>(
      "select id from meeting where notice_published_at is not null limit 1",
    );
    // A new connection per request: the cluster hands connections to its processes in turn.
    const fresh = { Connection: "close" };
    for (const path of [`/offentlig/moter/${id}/innkalling.docx`, `/offentlig/moter/${id}`]) {
      const tags = new Set<string | undefined>();
      for (let i = 0; i < 4; i += 1)
        tags.add((await request(server.url, path, { headers: fresh })).headers.etag);
      expect([...tags], path).toHaveLength(1);
      const [etag] = [...tags];
      expect(etag, path).toBeTruthy();
      for (let i = 0; i < 4; i += 1) {
        const again = await request(server.url, path, { headers: { ...fresh, "If-None-Match": etag! } });
        expect(again.status, path).toBe(304);
      }
    }
  });

  it("50 simultaneous ASSIGNs at the same version: one 302, 49 × 409 with the conflict message, one history row", async () => {
    const submitter = await login(server.url, "ansatt@innspill.test");
    const coordinator = await login(server.url, "koordinator@innspill.test");
    const created = await request(server.url, "/innspill/ny", {
      cookie: submitter,
      body: new Multipart()
        .field("intent", "submit")
        .field("title", "Samtidige klikk")
        .field("background", "Bakgrunn.")
        .field("problem", "Problem.")
        .field("solution", "Løsning.")
        .field("municipalityIds", String(one<{ id: number }>("select min(id) id from municipality").id)),
    });
    expect(created.status).toBe(302);
    const id = Number(/\/innspill\/(\d+)/.exec(created.location!)![1]);
    const { version } = one<{ version: number }>("select version from proposal where id = ?", id);
    const groupId = one<{ id: number }>(
      "select body_id id from body_name where name = 'Helse og velferd'",
    ).id;
    const historyBefore = one<{ n: number }>(
      "select count(*) n from proposal_history where proposal_id = ?",
      id,
    ).n;

    const replies = await Promise.all(
      Array.from({ length: 50 }, () =>
        request(server.url, `/innspill/${id}`, {
          cookie: coordinator,
          body: form({ intent: "event", type: "ASSIGN", version: String(version), groupId: String(groupId) }),
        }),
      ),
    );

    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 302)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const reply of replies.filter((r) => r.status === 409))
      expect(reply.body).toContain(t.errors.conflict);

    const history = readDb
      .prepare("select event, from_state, to_state from proposal_history where proposal_id = ? order by id")
      .all(id) as { event: string; from_state: string; to_state: string }[];
    expect(history).toHaveLength(historyBefore + 1);
    expect(history.at(-1)).toEqual({ event: "ASSIGN", from_state: "submitted", to_state: "groupReview" });
    expect(one("select state, version, group_id from proposal where id = ?", id)).toEqual({
      state: "groupReview",
      version: version + 1,
      group_id: groupId,
    });
  });

  it("12 notices of one body published at once: 24 case numbers, none twice, none skipped", async () => {
    const coordinator = await login(server.url, "koordinator@innspill.test");
    const db: DB = openDatabase(server.database);
    try {
      const coordinatorId = one<{ id: number }>(
        "select id from user where email = 'koordinator@innspill.test'",
      ).id;
      const user = await currentUser(db, coordinatorId);
      const committeeId = one<{ id: number }>(
        "select id from body where kind = 'committee' and valid_to is null",
      ).id;
      // A year of its own, far enough ahead to hold no other numbered case.
      const year = 2040 + processes;
      const meetings: number[] = [];
      for (let i = 0; i < 12; i += 1) {
        const meetingId = await plan(db, user, committeeId, `${year}-03-${String(i + 10).padStart(2, "0")}`);
        await otherCase(db, user, meetingId, `Sak A ${i}`);
        await otherCase(db, user, meetingId, `Sak B ${i}`);
        meetings.push(meetingId);
      }
      const versions = await Promise.all(meetings.map((id) => meetingVersion(db, id)));
      const replies = await Promise.all(
        meetings.map((meetingId, i) =>
          request(server.url, `/moter/${meetingId}`, {
            cookie: coordinator,
            body: form({ intent: "publishNotice", version: String(versions[i]), confirmed: "yes" }),
          }),
        ),
      );
      expect(replies.map((r) => r.status)).toEqual(meetings.map(() => 302));
      const numbers = (
        readDb
          .prepare("select number from protocol_item where body_id = ? and number_year = ? order by number")
          .all(committeeId, year) as { number: number }[]
      ).map((r) => r.number);
      expect(numbers).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    } finally {
      await db.destroy();
    }
  });
});
