import Database from "better-sqlite3";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { startServer, type TestServer } from "../support/server";
import { form, login, Multipart, request } from "./support";

/**
 * The server is killed with SIGKILL while it is busy writing, and started again on the same
 * data directory: the database is intact, every proposal's state is the target of its last
 * history row, and every write the server had answered with success is there.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), "innspill-crash-"));
cpSync(inject("seededTemplateDir"), dataDir, { recursive: true });
let server: TestServer | undefined;

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Answered {
  submitted: { id: number; title: string }[];
  assigned: number[];
}

/** Writers that keep submitting and assigning until told to stop, remembering every success. */
function driveWrites(
  url: string,
  cookies: { submitter: string; coordinator: string },
  db: Database.Database,
) {
  const answered: Answered = { submitted: [], assigned: [] };
  let stopped = false;
  let n = 0;
  const municipalityId = (db.prepare("select min(id) id from municipality").get() as { id: number }).id;
  const groupId = (
    db.prepare("select body_id id from body_name where name = 'Helse og velferd'").get() as { id: number }
  ).id;
  const worker = async (w: number) => {
    while (!stopped) {
      const title = `Krasjtest ${w}-${n++}`;
      try {
        const created = await request(url, "/innspill/ny", {
          cookie: cookies.submitter,
          body: new Multipart()
            .field("intent", "submit")
            .field("title", title)
            .field("background", "Bakgrunn ".repeat(50))
            .field("problem", "Problem.")
            .field("solution", "Løsning.")
            .field("municipalityIds", String(municipalityId)),
          timeoutMs: 10_000,
        });
        if (created.status !== 302) continue;
        const id = Number(/\/innspill\/(\d+)/.exec(created.location ?? "")?.[1]);
        answered.submitted.push({ id, title });
        const { version } = db.prepare("select version from proposal where id = ?").get(id) as {
          version: number;
        };
        const assigned = await request(url, `/innspill/${id}`, {
          cookie: cookies.coordinator,
          body: form({ intent: "event", type: "ASSIGN", version: String(version), groupId: String(groupId) }),
          timeoutMs: 10_000,
        });
        if (assigned.status === 302) answered.assigned.push(id);
      } catch {
        // The server died under this request: it was never answered, so it promises nothing.
      }
    }
  };
  const done = Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
  return {
    answered,
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}

describe("crash: kill -9 under write load", () => {
  it("restarts with an intact database that holds every answered write", async () => {
    server = await startServer({ dataDir });
    const cookies = {
      submitter: await login(server.url, "ansatt@innspill.test"),
      coordinator: await login(server.url, "koordinator@innspill.test"),
    };
    const liveDb = new Database(server.databasePath, { readonly: true });
    liveDb.pragma("busy_timeout = 5000");
    const load = driveWrites(server.url, cookies, liveDb);

    // Let the writers get going, then pull the plug in the middle of their work.
    const started = Date.now();
    while (load.answered.assigned.length < 40 && Date.now() - started < 20_000)
      await new Promise((r) => setTimeout(r, 50));
    const exited = new Promise<void>((resolve) => server!.process.once("exit", () => resolve()));
    server.process.kill("SIGKILL");
    await exited;
    await load.stop();
    liveDb.close();
    const { answered } = load;
    console.info(
      `crash: killed after ${answered.submitted.length} answered submissions and ${answered.assigned.length} answered assignments`,
    );
    expect(answered.submitted.length).toBeGreaterThan(0);
    expect(answered.assigned.length).toBeGreaterThan(0);

    server = await startServer({ dataDir });
    const db = new Database(server.databasePath, { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.pragma("foreign_key_check")).toEqual([]);

      const mismatched = db
        .prepare(
          `select p.id, p.state,
             (select h.to_state from proposal_history h where h.proposal_id = p.id order by h.id desc limit 1) as last
           from proposal p`,
        )
        .all() as { id: number; state: string; last: string | null }[];
      // Every proposal, drafts included, starts its history with a CREATE row.
      expect(mismatched.filter((p) => p.last !== p.state)).toEqual([]);

      const byId = db.prepare("select title, state from proposal where id = ?");
      for (const s of answered.submitted)
        expect(byId.get(s.id), `proposal ${s.id}`).toMatchObject({ title: s.title });
      const assign = db.prepare(
        "select count(*) n from proposal_history where proposal_id = ? and event = 'ASSIGN' and to_state = 'groupReview'",
      );
      for (const id of answered.assigned) {
        expect(byId.get(id), `proposal ${id}`).toMatchObject({ state: "groupReview" });
        expect((assign.get(id) as { n: number }).n, `proposal ${id}`).toBe(1);
      }
    } finally {
      db.close();
    }

    // And the restarted server serves what it stored.
    const cookie = await login(server.url, "ansatt@innspill.test");
    const last = answered.submitted.at(-1)!;
    const page = await request(server.url, `/innspill/${last.id}`, { cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain(last.title);
  });
});
