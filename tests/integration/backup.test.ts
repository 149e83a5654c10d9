import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { loginCookie, post, startServer, type TestServer } from "../support/server";

/**
 * `npm run backup` while the server is being written to: the copy is consistent (integrity check,
 * no proposal without the history its transaction wrote), the server kept answering writes while
 * it ran, and a server started on the restored copy has every proposal whose submission had been
 * answered before the backup started.
 */

const run = promisify(execFile);
const root = path.resolve(__dirname, "../..");
const work = mkdtempSync(path.join(tmpdir(), "innspill-backup-"));
const servers: TestServer[] = [];

afterAll(async () => {
  for (const s of servers) await s.stop();
  rmSync(work, { recursive: true, force: true });
});

function proposalForm(title: string, municipalityId: number): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries({
    intent: "submit",
    title,
    background: "Skjemaet fylles ut på papir og skannes.",
    problem: "Saksbehandlerne taster alt inn på nytt.",
    solution: "Et digitalt skjema som går rett inn i fagsystemet.",
    benefits: "Mindre dobbeltarbeid.",
    affected: "Innbyggere og saksbehandlere.",
    resources: "Skjemaløsning og integrasjon.",
    municipalityIds: String(municipalityId),
  }))
    form.append(k, v);
  return form;
}

interface Committed {
  id: number;
  title: string;
  /** When the server's success answer arrived (performance.now()). */
  answeredAt: number;
}

describe("backup and restore", () => {
  it("copies a live database consistently, and a restored copy has every committed proposal", async () => {
    const server = await startServer({ seed: true });
    servers.push(server);
    const cookie = await loginCookie(server.url, "ansatt@innspill.test");
    const live = new Database(server.databasePath, { readonly: true });
    // An open read transaction keeps checkpoints from moving the writes below into the database
    // file: they stay in the WAL, where a copy of the file alone would miss them.
    live.prepare("begin").run();
    const { id: municipalityId } = live.prepare("select id from municipality order by id limit 1").get() as {
      id: number;
    };

    // Three writers submit proposals over HTTP, one after another each, until told to stop.
    const committed: Committed[] = [];
    let stop = false;
    const writer = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const title = `Skjema ${n}-${i} under sikkerhetskopiering`;
        const response = await post(server.url, "/innspill/ny", proposalForm(title, municipalityId), cookie);
        expect(response.status).toBe(302);
        const id = Number(/\/innspill\/(\d+)/.exec(response.headers.get("location") ?? "")?.[1]);
        committed.push({ id, title, answeredAt: performance.now() });
      }
    };
    const writers = [1, 2, 3].map(writer);
    while (committed.length < 15) await new Promise((r) => setTimeout(r, 50));

    const file = path.join(work, "kopi.db");
    const backupStarted = performance.now();
    const { stdout } = await run("npx", ["tsx", "scripts/backup.ts", file], {
      cwd: root,
      env: { ...process.env, DATA_DIR: server.dataDir },
    });
    const backupEnded = performance.now();
    stop = true;
    await Promise.all(writers);
    live.prepare("commit").run();
    live.close();

    expect(stdout).toContain("integritetssjekk: ok");
    // Online: the server went on answering writes while the backup ran.
    expect(
      committed.filter((c) => c.answeredAt > backupStarted && c.answeredAt < backupEnded).length,
    ).toBeGreaterThan(0);
    const before = committed.filter((c) => c.answeredAt < backupStarted);
    expect(before.length).toBeGreaterThanOrEqual(15);

    const copy = new Database(file, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    // Consistent: each submission wrote its proposal, its municipality and two history rows in one
    // transaction; the copy has all of a submission or none of it.
    const copied = copy
      .prepare(
        `select p.id, p.state,
           (select group_concat(h.event, ',') from proposal_history h where h.proposal_id = p.id) as events,
           (select count(*) from proposal_municipality pm where pm.proposal_id = p.id) as municipalities
         from proposal p where p.title like 'Skjema % under sikkerhetskopiering'`,
      )
      .all() as { id: number; state: string; events: string; municipalities: number }[];
    expect(copied.length).toBeGreaterThanOrEqual(before.length);
    for (const row of copied)
      expect(row, `proposal ${row.id}`).toEqual({
        id: row.id,
        state: "submitted",
        events: "CREATE,SUBMIT",
        municipalities: 1,
      });
    copy.close();

    // Restore as the README says: the copy becomes the database of a fresh data directory.
    const restoredDir = path.join(work, "restored");
    mkdirSync(restoredDir);
    copyFileSync(file, path.join(restoredDir, "innspill.db"));
    const restored = await startServer({ seed: false, dataDir: restoredDir });
    servers.push(restored);

    const db = new Database(restored.databasePath, { readonly: true });
    const found = db.prepare("select id, title, state from proposal where id = ?");
    const historyOf = db.prepare("select event from proposal_history where proposal_id = ? order by id");
    for (const c of before) {
      expect(found.get(c.id), `proposal ${c.id}`).toEqual({ id: c.id, title: c.title, state: "submitted" });
      expect(historyOf.all(c.id)).toEqual([{ event: "CREATE" }, { event: "SUBMIT" }]);
    }
    db.close();

    // And the restored server serves them.
    const restoredCookie = await loginCookie(restored.url, "ansatt@innspill.test");
    for (const c of before.slice(0, 5)) {
      const page = await fetch(`${restored.url}/innspill/${c.id}`, { headers: { Cookie: restoredCookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(c.title);
    }
  }, 180_000);

  it("refuses to overwrite an existing file without --force", async () => {
    const server = servers[0]!;
    const file = path.join(work, "kopi.db");
    const refused = await run("npx", ["tsx", "scripts/backup.ts", file], {
      cwd: root,
      env: { ...process.env, DATA_DIR: server.dataDir },
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toContain("finnes allerede");
    const { stdout } = await run("npx", ["tsx", "scripts/backup.ts", file, "--force"], {
      cwd: root,
      env: { ...process.env, DATA_DIR: server.dataDir },
    });
    expect(stdout).toContain("integritetssjekk: ok");
  }, 60_000);
});
