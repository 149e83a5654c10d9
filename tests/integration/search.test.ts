import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { isPostgres } from "#db/dialect";
import {
  compactSearchIndex,
  createProposal,
  listProposals,
  similarProposals,
  updateDraft,
  type KeepUntilChange,
} from "#db/repositories/proposal.repository";
import { applyProposalEvent } from "~/server/commands/apply-proposal-event.server";
import { currentUser, makeWorld, testDb, type World } from "../support/db";

/**
 * The search's contract, the same on both engines (FTS5 trigrams on SQLite, pg_trgm on
 * PostgreSQL: this file runs in the unit and the integration-pg projects): every word of three
 * letters or more occurs, as a substring of a compound too, whatever its case; drafts only for
 * their author; "similar" ranks a word in the title above one in the texts.
 */
describe("search", () => {
  let db: DB;
  let world: World;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    db = await testDb();
    world = await makeWorld(db);
    const texts = { background: "", problem: "", solution: "", benefits: "", affected: "", resources: "" };
    const add = async (key: string, title: string, extra: Partial<typeof texts>, state = "submitted") => {
      ids[key] = await createProposal(db, {
        ...texts,
        ...extra,
        title,
        authorId: world.users.employee,
        municipalityIds: [world.municipalities.Nordby],
        suggestedGroupId: null,
        state,
        now: "2024-03-01T10:00:00.000Z",
      });
      if (state !== "draft")
        await db
          .updateTable("proposal")
          .set({ submitted_at: "2024-03-01T10:00:00.000Z" })
          .where("id", "=", ids[key]!)
          .execute();
    };
    await add("meters", "Smarte vannmålere", { problem: "Manuell avlesning hvert år." });
    await add("leaks", "Varsling av lekkasjer", {
      solution: "Sensorer som melder fra om vannmåler viser lekkasje.",
    });
    await add("post", "Digital post til innbyggere", { benefits: "Mindre papir." });
    await add("draft", "Utkast om vannmålere", {}, "draft");
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const titles = async (q: string, viewerId = world.users.employee2) =>
    (await listProposals(db, { viewerId, q })).rows.map((r) => r.title).sort();

  it('finds "Smarte vannmålere" by "vannmål", in title or texts, whatever the case', async () => {
    expect(await titles("vannmål")).toEqual(["Smarte vannmålere", "Varsling av lekkasjer"]);
    expect(await titles("VANNMÅL")).toEqual(["Smarte vannmålere", "Varsling av lekkasjer"]);
    expect(await titles("avlesning")).toEqual(["Smarte vannmålere"]);
  });

  it("wants every word, and counts what it finds", async () => {
    expect(await titles("vannmål lekkasje")).toEqual(["Varsling av lekkasjer"]);
    expect(await titles("vannmål papir")).toEqual([]);
    const found = await listProposals(db, { viewerId: world.users.employee2, q: "vannmål" });
    expect(found.total).toBe(2);
  });

  it("shows a draft only to its author", async () => {
    expect(await titles("vannmål", world.users.employee)).toEqual([
      "Smarte vannmålere",
      "Utkast om vannmålere",
      "Varsling av lekkasjer",
    ]);
  });

  it("finds the same after the search index is merged (as at start-up)", async () => {
    const before = await titles("vannmål");
    await compactSearchIndex(db);
    await compactSearchIndex(db);
    expect(await titles("vannmål")).toEqual(before);
    expect(before).toEqual(["Smarte vannmålere", "Varsling av lekkasjer"]);
  });

  it("counts the unfiltered list as each viewer sees it: their own drafts, nobody else's", async () => {
    // The unfiltered total is counted as every proposal less other people's drafts (decision 028).
    for (const [viewerId, expected] of [
      [world.users.employee2, 3],
      [world.users.employee, 4],
    ] as const) {
      const first = await listProposals(db, { viewerId });
      expect(first.total).toBe(expected);
      expect(first.rows).toHaveLength(expected);
      // A page past the end counts with the count query alone.
      const past = await listProposals(db, { viewerId, page: 9 });
      expect(past).toMatchObject({ total: expected, rows: [] });
    }
  });

  it("counts a filtered list as each viewer sees it, also when the count everyone shares is kept", async () => {
    // A filter's total is everyone's (no drafts) plus the viewer's own drafts; the first may be kept
    // between requests (decision 028, round 3): one read serves both viewers, and both totals are exact.
    const kept = new Map<string, Promise<unknown>>();
    const reads: string[] = [];
    const keep: KeepUntilChange = <T>(key: string, read: () => Promise<T>) => {
      if (!kept.has(key)) {
        reads.push(key);
        kept.set(key, read());
      }
      return kept.get(key) as Promise<T>;
    };
    for (const filters of [
      {},
      { municipalityId: world.municipalities.Nordby },
      { year: 2024 },
      { states: ["draft", "submitted"] },
    ]) {
      for (const [viewerId, expected] of [
        [world.users.employee2, 3],
        [world.users.employee, 4],
      ] as const) {
        for (const keeping of [undefined, keep]) {
          const list = await listProposals(db, { viewerId, ...filters }, keeping);
          expect(list.total, JSON.stringify(filters)).toBe(expected);
          expect(list.rows).toHaveLength(expected);
        }
      }
    }
    // On PostgreSQL the list counts in its page's statement and keeps nothing.
    expect(reads).toHaveLength(isPostgres(db) ? 0 : 4);
  });

  it("ranks a proposal with the words in its title first among the similar, never drafts or the excluded one", async () => {
    const similar = await similarProposals(db, "Vannmåler med fjernavlesning");
    expect(similar.map((s) => s.title)).toEqual(["Smarte vannmålere", "Varsling av lekkasjer"]);
    const without = await similarProposals(db, "Vannmåler med fjernavlesning", { excludeId: ids.meters });
    expect(without.map((s) => s.title)).toEqual(["Varsling av lekkasjer"]);
  });
});

/**
 * The list by municipality walks the municipality's links in date order, each carrying a copy of
 * when its proposal was listed (migration 2026-11-30-h15t-001, kept by the database): the copy
 * follows every write, so the list is ordered as the proposals' own dates order it.
 */
describe("the list by municipality", () => {
  let db: DB;
  let world: World;
  beforeAll(async () => {
    db = await testDb();
    world = await makeWorld(db);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("is newest first by when each was listed, also after a draft is submitted or its municipalities change", async () => {
    const { Vestøy: west, Østdal: east } = world.municipalities as Record<string, number>;
    const texts = { background: "b", problem: "p", solution: "s", benefits: "", affected: "", resources: "" };
    const draft = (title: string, municipalityIds: number[], now: string) =>
      createProposal(db, {
        ...texts,
        title,
        authorId: world.users.employee,
        municipalityIds,
        suggestedGroupId: null,
        state: "draft",
        now,
      });
    const a = await draft("A", [west!], "2024-01-01T10:00:00.000Z");
    const b = await draft("B", [west!, east!], "2024-02-01T10:00:00.000Z");
    const c = await draft("C", [west!], "2024-03-01T10:00:00.000Z");
    const author = await currentUser(db, world.users.employee);
    for (const [id, at] of [
      [a, "2024-06-01T10:00:00.000Z"],
      [c, "2024-04-01T10:00:00.000Z"],
    ] as const) {
      const submitted = await applyProposalEvent(db, {
        proposalId: id,
        expectedVersion: 1,
        user: author,
        type: "SUBMIT",
        payload: {},
        now: new Date(at),
      });
      expect(submitted).toMatchObject({ ok: true });
    }
    // B, still a draft, leaves Østdal: its links are written anew.
    expect(
      await updateDraft(db, b, 1, { ...texts, title: "B", municipalityIds: [west!], suggestedGroupId: null }),
    ).toBe(true);

    const ids = async (viewerId: number, municipalityId: number, more: Record<string, unknown> = {}) =>
      (await listProposals(db, { viewerId, municipalityId, ...more })).rows.map((r) => r.id);
    // A submitted in June, C in April, then B's draft of February (its author's alone).
    expect(await ids(world.users.employee2, west!)).toEqual([a, c]);
    expect(await ids(world.users.employee, west!)).toEqual([a, c, b]);
    expect(await ids(world.users.employee, west!, { sort: "oldest" })).toEqual([b, c, a]);
    expect(await ids(world.users.employee, west!, { pageSize: 1, page: 2 })).toEqual([c]);
    expect(await ids(world.users.employee, west!, { states: ["submitted"] })).toEqual([a, c]);
    expect(await ids(world.users.employee, east!)).toEqual([]);
    const page = await listProposals(db, {
      viewerId: world.users.employee,
      municipalityId: west!,
      pageSize: 2,
    });
    expect(page.total).toBe(3);
  });
});
