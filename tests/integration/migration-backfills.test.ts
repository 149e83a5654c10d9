import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Migrator } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest, openDatabase, type DB } from "#db/connection";
import { isPostgres } from "#db/dialect";
import { migrationProvider } from "#db/migrations";
import { createProposal, listProposals } from "#db/repositories/proposal.repository";
import { makeWorld, testDatabaseLocation, type World } from "../support/db";
import { newPostgresDatabase, postgresOfRun, testEngine } from "../support/engine";

/**
 * An installation that upgrades: proposals written before migrations 2026-11-30-h15t-001 (the
 * links' copy of the listing date) and 2026-11-30-h15v-001 (PostgreSQL's folded search text) must
 * be filled in by them, not only the ones written after. Every other test migrates an empty
 * database, so this one stops before them, writes, and then migrates to the latest.
 */
const BEFORE = "2026-11-30-h15m-001-notification-events";

describe("migrations that fill in existing proposals", () => {
  let dir: string;
  let db: DB;
  let world: World;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "innspill-backfill-"));
    // On PostgreSQL an empty database (template0), not the run's migrated template.
    const location =
      testEngine() === "postgres"
        ? await newPostgresDatabase(postgresOfRun(), "template0")
        : await testDatabaseLocation(dir);
    db = openDatabase(location);
    const migrator = new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true });
    const { error, results } = await migrator.migrateTo(BEFORE);
    if (error) throw error;
    expect(results?.some((r) => r.migrationName.includes("h15t") || r.migrationName.includes("h15v"))).toBe(
      false,
    );
    world = await makeWorld(db);
    const texts = { background: "", problem: "", solution: "", benefits: "", affected: "", resources: "" };
    const proposal = async (
      title: string,
      municipality: string,
      created: string,
      submitted: string | null,
    ) => {
      const id = await createProposal(db, {
        ...texts,
        title,
        authorId: world.users.employee,
        municipalityIds: [world.municipalities[municipality as keyof World["municipalities"]]!],
        suggestedGroupId: null,
        state: submitted ? "submitted" : "draft",
        now: created,
      });
      if (submitted)
        await db.updateTable("proposal").set({ submitted_at: submitted }).where("id", "=", id).execute();
      return id;
    };
    // Created in one order, submitted in another: the list orders by submission.
    ids.meters = await proposal(
      "Smarte vannmålere",
      "Nordby",
      "2024-01-01T10:00:00.000Z",
      "2024-05-01T10:00:00.000Z",
    );
    ids.cafe = await proposal(
      "Kafé for eldre",
      "Nordby",
      "2024-02-01T10:00:00.000Z",
      "2024-03-01T10:00:00.000Z",
    );
    ids.draft = await proposal("Utkast", "Nordby", "2024-04-01T10:00:00.000Z", null);
    await migrateToLatest(db);
  });

  afterAll(async () => {
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("gives every existing link its proposal's listing date, so the list by municipality is in date order", async () => {
    const links = await db
      .selectFrom("proposal_municipality as pm")
      .innerJoin("proposal as p", "p.id", "pm.proposal_id")
      .select(["pm.listed_at", "p.submitted_at", "p.created_at"])
      .execute();
    expect(links).toHaveLength(3);
    for (const link of links) expect(link.listed_at).toBe(link.submitted_at ?? link.created_at);
    const list = await listProposals(db, {
      viewerId: world.users.employee,
      municipalityId: world.municipalities.Nordby,
    });
    // Newest listed first: submitted in May, the draft made in April (its author's), submitted in March.
    expect(list.rows.map((r) => r.id)).toEqual([ids.meters, ids.draft, ids.cafe]);
  });

  it("finds an existing proposal by its words without accents (PostgreSQL: the folded copy is filled in)", async () => {
    const titles = async (q: string) =>
      (await listProposals(db, { viewerId: world.users.employee2, q })).rows.map((r) => r.title);
    expect(await titles("vannmal")).toEqual(["Smarte vannmålere"]);
    expect(await titles("kafe")).toEqual(["Kafé for eldre"]);
    // The engine under test, to read the failure right.
    expect(isPostgres(db)).toBe(testEngine() === "postgres");
  });
});
