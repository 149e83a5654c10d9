import type { SyncDb } from "../support/sync-db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "~/domain/texts";
import {
  form,
  login,
  Multipart,
  openReadOnly,
  request,
  startSeededServer,
  type ReliabilityServer,
} from "./support";

/**
 * Fifty people press the same button at the same moment: the coordinator's "assign to a group"
 * on one proposal, all from the same page (the same version). Exactly one wins; the other 49
 * are told that someone else changed it, and the history records one step, not fifty.
 */

let server: ReliabilityServer;
let readDb: SyncDb;

beforeAll(async () => {
  server = await startSeededServer();
  readDb = openReadOnly(server.database);
});

afterAll(async () => {
  readDb?.close();
  await server?.dispose();
});

const one = <T>(sql: string, ...params: unknown[]) => readDb.prepare(sql).get(...params) as T;

describe("concurrent writes to one proposal", () => {
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
});
