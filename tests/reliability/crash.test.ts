import Database from "better-sqlite3";
import { readFileSync, rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";
import { form, login, Multipart, processCounts, request, seededDataDir } from "./support";

/**
 * The server is killed with SIGKILL while it is busy writing, and started again on the same
 * data directory: the database is intact, every proposal's state is the target of its last
 * history row, and every write the server had answered with success is there. With two server
 * processes (decision 021), one of them is killed first: the primary starts another, the writes
 * go on, and then the whole server (primary and server processes) is killed.
 */

/** Whether a process still runs (a zombie, dead but not yet reaped, does not). */
const running = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
};

const waitFor = async (what: string, ok: () => boolean, timeoutMs = 60_000) => {
  const started = Date.now();
  while (!ok()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

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

describe.each(processCounts)("crash: kill -9 under write load, %i server process(es)", (processes) => {
  const dataDir = seededDataDir();
  let server: TestServer | undefined;

  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("restarts with an intact database that holds every answered write", async () => {
    server = await startServer({ dataDir, processes });
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
    if (processes > 1) {
      // One server process dies: the others go on serving and the primary starts a new one.
      const before = server.servingPids();
      expect(before).toHaveLength(processes);
      process.kill(before[0]!, "SIGKILL");
      await waitFor("a new server process", () => {
        const now = server!.servingPids();
        return now.length === processes && !now.includes(before[0]!);
      });
      const answeredBefore = load.answered.assigned.length;
      await waitFor(
        "writes after the replacement",
        () => load.answered.assigned.length >= answeredBefore + 20,
      );
    }
    // The whole server dies: the primary and every server process at once.
    const victims = processes > 1 ? server.servingPids() : [];
    const exited = new Promise<void>((resolve) => server!.process.once("exit", () => resolve()));
    server.process.kill("SIGKILL");
    for (const pid of victims) process.kill(pid, "SIGKILL");
    await exited;
    await waitFor("every server process to end", () => victims.every((pid) => !running(pid)));
    await load.stop();
    liveDb.close();
    const { answered } = load;
    console.info(
      `crash: killed after ${answered.submitted.length} answered submissions and ${answered.assigned.length} answered assignments`,
    );
    expect(answered.submitted.length).toBeGreaterThan(0);
    expect(answered.assigned.length).toBeGreaterThan(0);

    server = await startServer({ dataDir, processes });
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
