import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "#db/connection";
import { meetingFigures } from "#db/repositories/meeting.repository";
import { getProposalForViewer, listProposals } from "#db/repositories/proposal.repository";
import { historiesOf, reportTextsOf, yearsWithData } from "#db/repositories/report.repository";
import {
  demoCoordinatorId,
  expectHistoryContinuesAppendOnly,
  maxHistoryId,
  seededDemoSqlite,
} from "../support/demo-copies";
import { startPostgresCluster, type PostgresCluster } from "../support/postgres";

/**
 * `npm run db:copy` on the seeded demo world: a real SQLite file copied into the private
 * PostgreSQL cluster by the script itself, every table verified, the app's own queries giving the
 * same answers on both engines, the history still append-only afterwards, new rows numbered after
 * the copied ones, and a second run refused.
 */

const root = path.resolve(import.meta.dirname, "../..");

function dbCopy(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "scripts/db-copy.ts", ...args],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let cluster: PostgresCluster;
let dir: string;
let file: string;
let sqlite: DB;
let postgres: DB;
let targetUrl: string;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  await cluster.admin("create database copied");
  targetUrl = cluster.url("copied");
  dir = mkdtempSync(path.join(tmpdir(), "innspill-copy-"));
  file = path.join(dir, "innspill.db");
  sqlite = await seededDemoSqlite(file);
}, 300_000);

afterAll(async () => {
  await sqlite?.destroy();
  await postgres?.destroy();
  await cluster?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("npm run db:copy", () => {
  let first: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    first = await dbCopy("--from", file, "--to", targetUrl);
    postgres = openDatabase(targetUrl);
  }, 300_000);

  it("copies and verifies every table, and prints the table of counts and checksums", async () => {
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Kopiert og kontrollert");
    for (const table of [
      "proposal",
      "proposal_history",
      "meeting",
      "protocol_item",
      "decision",
      "user",
      "step_limit",
    ]) {
      const n = (
        await sqlite
          .selectFrom(table as "proposal")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n;
      expect(n).toBeGreaterThan(0);
      expect(first.stdout).toMatch(new RegExp(`^${table}\\s+${n}\\s+${n}\\s+[0-9a-f]{12}\\s+ja$`, "m"));
    }
    expect(first.stdout).not.toMatch(/NEI/);
  });

  it("keeps ids, the frozen meetings' statuses and history as they were", async () => {
    const ids = (db: DB) =>
      db
        .selectFrom("proposal_history")
        .select(["id", "proposal_id", "event", "to_state"])
        .orderBy("id")
        .execute();
    expect(await ids(postgres)).toEqual(await ids(sqlite));
    const meetings = (db: DB) => db.selectFrom("meeting").select(["id", "status"]).orderBy("id").execute();
    const copied = await meetings(postgres);
    expect(copied).toEqual(await meetings(sqlite));
    expect(copied.some((m) => m.status === "protocolPublished" || m.status === "protocolApproved")).toBe(
      true,
    );
  });

  it("answers the app's queries the same on both engines: list, a proposal, the report's inputs", async () => {
    const viewer = await demoCoordinatorId(sqlite);
    // The municipality with the most proposals: its list walks its links in date order.
    const { municipality_id: municipalityId } = await sqlite
      .selectFrom("proposal_municipality")
      .select(["municipality_id", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("municipality_id")
      .orderBy("n", "desc")
      .executeTakeFirstOrThrow();
    for (const filters of [
      { viewerId: viewer },
      { viewerId: viewer, page: 2 },
      { viewerId: viewer, states: ["completed"] },
      // A search by relevance: its walk of the hits, then the page picked from them by title score.
      { viewerId: viewer, q: "digital" },
      { viewerId: viewer, q: "digital", page: 2, pageSize: 5 },
      { viewerId: viewer, municipalityId },
      { viewerId: viewer, municipalityId, sort: "oldest" as const, page: 2, pageSize: 3 },
      { viewerId: viewer, municipalityId, q: "digital", sort: "newest" as const, pageSize: 2 },
      { viewerId: viewer, municipalityId, q: "digital", sort: "oldest" as const, page: 2, pageSize: 1 },
    ]) {
      const onSqlite = await listProposals(sqlite, filters);
      expect(onSqlite.rows.length, JSON.stringify(filters)).toBeGreaterThan(0);
      expect(await listProposals(postgres, filters)).toEqual(onSqlite);
    }
    const someIds = (await sqlite.selectFrom("proposal").select("id").orderBy("id").execute()).map(
      (r) => r.id,
    );
    for (const id of [someIds[0]!, someIds[Math.floor(someIds.length / 2)]!, someIds.at(-1)!])
      expect(await getProposalForViewer(postgres, id, viewer)).toEqual(
        await getProposalForViewer(sqlite, id, viewer),
      );
    // The annual report's inputs: meeting figures, the years with data, histories, follow-ups' report texts.
    expect(await yearsWithData(postgres)).toEqual(await yearsWithData(sqlite));
    expect(await meetingFigures(postgres, 2021)).toEqual(await meetingFigures(sqlite, 2021));
    expect(await historiesOf(postgres, someIds)).toEqual(await historiesOf(sqlite, someIds));
    expect(await reportTextsOf(postgres, someIds)).toEqual(await reportTextsOf(sqlite, someIds));
  });

  it("numbers new rows after the copied ones, and the history is still append-only", async () => {
    const inserted = await expectHistoryContinuesAppendOnly(postgres, await maxHistoryId(sqlite));
    await sql`delete from proposal_history where id = ${inserted}`.execute(postgres).catch(() => undefined);
  });

  it("refuses a second run on the now non-empty target, with exit code 2 and a Norwegian message", async () => {
    const second = await dbCopy("--from", file, "--to", targetUrl);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain("måldatabasen er ikke tom");
  }, 300_000);

  it("refuses a source that is not at the latest migration, saying how to fix it", async () => {
    await cluster.admin("create database other");
    const old = path.join(dir, "old.db");
    const db = openDatabase(old);
    await sql`create table kysely_migration (name text primary key, timestamp text)`.execute(db);
    await db.destroy();
    const reply = await dbCopy("--from", old, "--to", cluster.url("other"));
    expect(reply.code).toBe(2);
    expect(reply.stderr).toContain("ikke på siste skjemaversjon");
    expect(reply.stderr).toContain("npm run serve");
  }, 300_000);
});
