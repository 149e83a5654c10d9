import { rmSync } from "node:fs";
import { CompiledQuery, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshPlannerStatistics, type DB } from "#db/connection";
import { countByState } from "#db/repositories/process.repository";
import {
  groupFlowInPeriod,
  groupFlowQuery,
  recommendationsInPeriod,
  recommendationsQuery,
} from "#db/repositories/report.repository";
import {
  listProposals,
  listProposalsQueries,
  waitingProposals,
  type ProposalFilters,
} from "#db/repositories/proposal.repository";
import { generatedPlansDb, queryPlan } from "../support/query-plans";

/**
 * The proposal list's filters are answered from indexes, never by reading the whole proposal
 * table (whose rows carry the long texts): the plans SQLite chooses for the very queries
 * listProposals runs, on a database with thousands of proposals (the benchmark's generator at a
 * small scale): as loaded, without statistics; after the server's start-up statistics; and after
 * a full ANALYZE.
 */

let dir: string;
let db: DB;

beforeAll(async () => {
  ({ dir, db } = await generatedPlansDb("innspill-plans-"));
}, 120_000);

afterAll(async () => {
  await db?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const planOf = (query: { compile: () => CompiledQuery }) => queryPlan(db, query);

/**
 * A list's two statements: its count and its page. A search by relevance has its walk of the hits
 * (which is also its count) and the page's rows read by their ids.
 */
function countAndRows(f: ProposalFilters) {
  const queries = listProposalsQueries(db, f);
  return "hits" in queries ? { count: queries.hits, rows: queries.rowsOf([1, 2, 3]) } : queries;
}

/**
 * Full scans of a table: "SCAN proposal" without "USING (COVERING) INDEX". Not table scans: the
 * full-text index ("SCAN fts VIRTUAL TABLE INDEX 0:M…", a MATCH lookup in its own index) and the
 * search's hits, found once per statement ("MATERIALIZE hits", then "SCAN hits"; by relevance, at
 * most the cap's hits, "SCAN shown"), nor the one row an unfiltered count's two counts are
 * subtracted in ("SCAN CONSTANT ROW").
 */
const fullScans = (plan: string[]) =>
  plan.filter(
    (line) =>
      line.startsWith("SCAN ") &&
      line !== "SCAN hits" &&
      line !== "SCAN shown" &&
      line !== "SCAN CONSTANT ROW" &&
      !/ USING (COVERING )?INDEX | VIRTUAL TABLE INDEX \d+:M/.test(line),
  );

const viewerId = 1;
const filters: Record<string, ProposalFilters> = {
  unfiltered: { viewerId },
  "unfiltered, oldest first, page 3": { viewerId, sort: "oldest", page: 3 },
  "one status": { viewerId, states: ["groupReview"] },
  "all open statuses": {
    viewerId,
    states: [
      "submitted",
      "groupReview",
      "awaitingSubmitter",
      "committeeReview",
      "boardReview",
      "approved",
      "inProgress",
    ],
  },
  group: { viewerId, groupId: 2 },
  municipality: { viewerId, municipalityId: 42 },
  year: { viewerId, year: new Date().getFullYear() - 1 },
  "my own": { viewerId, authorId: viewerId },
  "search words, newest first": { viewerId, q: "legevakt", sort: "newest" },
  "search words by relevance": { viewerId, q: "legevakt" },
  "search words by relevance, with a group": { viewerId, q: "legevakt", groupId: 2 },
  "search, too short for the index": { viewerId, q: "ny" },
  "status, group and year": {
    viewerId,
    states: ["completed"],
    groupId: 3,
    year: new Date().getFullYear() - 3,
  },
  "municipality and search": { viewerId, municipalityId: 7, q: "velferdsteknologi", sort: "newest" },
};

describe.each([
  ["as loaded, without statistics", "none"],
  ["after the start-up's statistics (PRAGMA optimize)", "optimize"],
  ["after a full ANALYZE", "analyze"],
] as const)("proposal list query plans, %s", (_label, statistics) => {
  beforeAll(async () => {
    if (statistics === "optimize") await refreshPlannerStatistics(db);
    if (statistics === "analyze") await sql`analyze`.execute(db);
  });

  it.runIf(statistics !== "none")(
    "checks sets of ids (hits, a municipality's) in the narrow index",
    async () => {
      const stats = await sql<{ idx: string }>`select idx from sqlite_stat1 where tbl = 'proposal'`.execute(
        db,
      );
      expect(stats.rows.map((r) => r.idx)).toContain("proposal_visible");
      for (const f of [
        { viewerId, q: "legevakt", sort: "newest" as const },
        { viewerId, municipalityId: 42 },
      ]) {
        const { count, rows } = countAndRows(f);
        expect((await planOf(count)).join("\n")).toMatch(
          /SEARCH proposal USING COVERING INDEX proposal_visible/,
        );
        expect((await planOf(rows)).join("\n")).toMatch(
          /SEARCH proposal USING COVERING INDEX proposal_visible/,
        );
      }
    },
  );

  it.each(Object.entries(filters))("%s: counted and paged from indexes", async (_name, f) => {
    const queries = countAndRows(f);
    const { count, rows } = queries;
    const countPlan = await planOf(count);
    const rowsPlan = await planOf(rows);
    expect(fullScans(countPlan), countPlan.join("\n")).toEqual([]);
    expect(fullScans(rowsPlan), rowsPlan.join("\n")).toEqual([]);
    // The filter's total in two parts (everyone's, the viewer's drafts): each from indexes too, and
    // the viewer's drafts from the (state, author_id) index, not a municipality's every proposal.
    const counted = "counted" in queries ? queries.counted : null;
    if (counted) {
      for (const part of [counted.shared, counted.ownDrafts]) {
        const plan = await planOf(part);
        expect(fullScans(plan), plan.join("\n")).toEqual([]);
      }
      // Checked proposal by proposal against the municipality: its list of proposals is not read.
      expect((await planOf(counted.ownDrafts)).join("\n")).not.toMatch(/LIST SUBQUERY/);
    }
    // Only the page's rows are read from the table: the texts of the other hits are never touched.
    expect(rowsPlan.join("\n")).toMatch(/SEARCH proposal USING INTEGER PRIMARY KEY/);
  });

  it("searches the full-text index once for the page and its count", async () => {
    const plan = await planOf(
      countAndRows({ viewerId, q: "velferdsteknologi", page: 2, sort: "newest" }).rows,
    );
    expect(plan.filter((line) => line.startsWith("SCAN fts VIRTUAL TABLE"))).toHaveLength(1);
    expect(plan.filter((line) => line === "MATERIALIZE hits")).toHaveLength(1);
  });

  it("searches by relevance with the full-text index as the outer loop, once", async () => {
    const plan = await planOf(countAndRows({ viewerId, q: "velferdsteknologi", page: 2 }).count);
    expect(plan.filter((line) => line.startsWith("SCAN fts VIRTUAL TABLE"))).toHaveLength(1);
    // Each hit's row by its id, in the walk: the walk stops at the cap.
    const walk = plan.indexOf(plan.find((line) => line.startsWith("SCAN fts VIRTUAL TABLE"))!);
    expect(plan[walk + 1]).toMatch(/^SEARCH proposal USING INTEGER PRIMARY KEY/);
  });

  it("walks the unfiltered list in date order instead of sorting every proposal", async () => {
    const plan = await planOf(countAndRows({ viewerId }).rows);
    expect(plan.join("\n")).toMatch(/SCAN proposal USING (COVERING )?INDEX proposal_listed/);
    // One sort only: of the page's twenty rows, after they are picked.
    expect(plan.filter((line) => line === "USE TEMP B-TREE FOR ORDER BY")).toHaveLength(1);
  });

  it("walks a municipality's links in date order instead of sorting its every proposal", async () => {
    for (const f of [
      { viewerId, municipalityId: 42 },
      { viewerId, municipalityId: 42, sort: "oldest" as const, page: 2 },
      { viewerId, municipalityId: 42, states: ["completed"], groupId: 3 },
    ]) {
      const plan = await planOf(countAndRows(f).rows);
      // The links' copy of each proposal's listing date, in order, each link's proposal checked against
      // the filters (in the narrow index when it holds them: "checks sets of ids" above) up to the page's end.
      expect(plan.join("\n")).toMatch(
        /SEARCH pm USING COVERING INDEX proposal_municipality_listed \(municipality_id=\?\)\nSEARCH proposal USING /,
      );
      // One sort only: of the page's twenty rows, after they are picked.
      expect(
        plan.filter((line) => line.startsWith("USE TEMP B-TREE")),
        plan.join("\n"),
      ).toEqual(["USE TEMP B-TREE FOR ORDER BY"]);
    }
  });

  it("reads the report's group figures for a year from the event index, never the whole history", async () => {
    const year = new Date().getFullYear() - 1;
    const [from, to] = [`${year}-01-01`, `${year + 1}-01-01`];
    const flow = await planOf({ compile: () => groupFlowQuery(from, to).compile(db) });
    expect(flow.join("\n")).toMatch(/SEARCH proposal_history USING COVERING INDEX proposal_history_event_at/);
    expect(fullScans(flow), flow.join("\n")).toEqual([]);
    const recommendations = await planOf({ compile: () => recommendationsQuery(from, to).compile(db) });
    expect(fullScans(recommendations), recommendations.join("\n")).toEqual([]);
    // Each recommendation's assignment is looked up in its own proposal's history.
    expect(recommendations.join("\n")).toMatch(
      /SEARCH a USING INDEX proposal_history_proposal \(proposal_id=\?\)/,
    );
  });

  it("counts the flowchart's states as a plain GROUP BY would", async () => {
    const plain = await db
      .selectFrom("proposal")
      .select(["state", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("state")
      .execute();
    expect(await countByState(db)).toEqual(Object.fromEntries(plain.map((r) => [r.state, Number(r.n)])));
    expect(plain.length).toBeGreaterThan(10);
  });
});

describe("the report's group figures", () => {
  it("agree with a plain reading of the year's history", async () => {
    const year = new Date().getFullYear() - 2;
    const [from, to] = [`${year}-01-01`, `${year + 1}-01-01`];
    const steps = await db
      .selectFrom("proposal_history")
      .select(["proposal_id", "event", "at", "group_id"])
      .orderBy("id")
      .execute();
    const inYear = steps.filter((s) => s.at >= from && s.at < to && s.group_id !== null);
    const distinct = (events: string[], groupId: number) =>
      new Set(
        inYear.filter((s) => events.includes(s.event) && s.group_id === groupId).map((s) => s.proposal_id),
      ).size;
    const flow = await groupFlowInPeriod(db, from, to);
    expect(flow.length).toBeGreaterThan(0);
    for (const f of flow) {
      expect(f.received).toBe(distinct(["ASSIGN", "MOVE_GROUP"], f.groupId));
      expect(f.assessed).toBe(distinct(["RECOMMEND", "GROUP_REJECT"], f.groupId));
      expect(f.recommended).toBe(distinct(["RECOMMEND"], f.groupId));
    }
    const recommendations = await recommendationsInPeriod(db, from, to);
    expect(recommendations.length).toBe(inYear.filter((s) => s.event === "RECOMMEND").length);
    expect(recommendations.length).toBeGreaterThan(0);
    for (const r of recommendations.slice(0, 50)) {
      const assigned = steps
        .filter(
          (s) =>
            s.proposal_id === r.proposalId &&
            s.at <= r.recommendedAt &&
            ["ASSIGN", "MOVE_GROUP"].includes(s.event),
        )
        .map((s) => s.at)
        .sort()
        .at(-1);
      expect(r.assignedAt).toBe(assigned ?? null);
    }
  });
});

describe("the list's answers", () => {
  it("agree with a plain reading of the filters (the indexes change speed, not results)", async () => {
    const all = await db
      .selectFrom("proposal")
      .select(["id", "state", "author_id", "group_id", "submitted_at", "created_at"])
      .execute();
    const visible = all.filter((p) => p.state !== "draft" || p.author_id === viewerId);
    const listed = (p: (typeof all)[number]) => p.submitted_at ?? p.created_at;
    const byNewest = (a: (typeof all)[number], b: (typeof all)[number]) =>
      listed(b).localeCompare(listed(a)) || b.id - a.id;

    const page = await listProposals(db, { viewerId, page: 2 });
    expect(page.total).toBe(visible.length);
    expect(page.rows.map((r) => r.id)).toEqual(
      visible
        .sort(byNewest)
        .slice(20, 40)
        .map((p) => p.id),
    );

    const group = await listProposals(db, { viewerId, groupId: 2, states: ["completed"] });
    const expected = visible.filter((p) => p.group_id === 2 && p.state === "completed").sort(byNewest);
    expect(group.total).toBe(expected.length);
    expect(group.rows.map((r) => r.id)).toEqual(expected.slice(0, 20).map((p) => p.id));

    const hits = await sql<{ id: number }>`
      select rowid as id from proposal_fts where proposal_fts match '"velferdsteknologi"'`.execute(db);
    const hitIds = new Set(hits.rows.map((h) => h.id));
    const found = visible.filter((p) => hitIds.has(p.id)).sort(byNewest);
    const search = await listProposals(db, { viewerId, q: "Velferdsteknologi", sort: "newest" });
    expect(search.total).toBe(found.length);
    expect(search.rows.map((r) => r.id)).toEqual(found.slice(0, 20).map((p) => p.id));
    expect(Object.keys(search.rows[0]!)).not.toContain("total");
    const pastTheEnd = await listProposals(db, {
      viewerId,
      q: "velferdsteknologi",
      page: 10_000,
      sort: "newest",
    });
    expect(pastTheEnd).toMatchObject({ rows: [], total: found.length });

    const waiting = await waitingProposals(db, { states: ["approved", "inProgress"], limit: 50 });
    const plain = await db
      .selectFrom("proposal")
      .select("state_changed_at")
      .where("state", "in", ["approved", "inProgress"])
      .orderBy("state_changed_at")
      .limit(50)
      .execute();
    expect(waiting.map((w) => w.state_changed_at)).toEqual(plain.map((p) => p.state_changed_at));
    expect(waiting.every((w) => w.state === "approved" || w.state === "inProgress")).toBe(true);
    const inGroup = await waitingProposals(db, { states: ["groupReview"], groupIds: [2, 3], limit: 10 });
    expect(inGroup.length).toBe(10);
    expect(inGroup.every((w) => w.state === "groupReview" && [2, 3].includes(w.group_id!))).toBe(true);

    // By municipality: the links' copy of the listing date orders the page as the proposals' own dates do.
    const links = await db
      .selectFrom("proposal_municipality")
      .select(["proposal_id", "listed_at"])
      .where("municipality_id", "=", 42)
      .execute();
    const ofMunicipality = new Set(links.map((l) => l.proposal_id));
    const inMunicipality = visible.filter((p) => ofMunicipality.has(p.id)).sort(byNewest);
    expect(inMunicipality.length).toBeGreaterThan(10);
    for (const [page, sort] of [
      [1, "newest"],
      [2, "newest"],
      [2, "oldest"],
    ] as const) {
      const listedPage = await listProposals(db, { viewerId, municipalityId: 42, page, sort, pageSize: 5 });
      const order = sort === "newest" ? inMunicipality : [...inMunicipality].reverse();
      expect(listedPage.total).toBe(inMunicipality.length);
      expect(listedPage.rows.map((r) => r.id)).toEqual(
        order.slice((page - 1) * 5, page * 5).map((p) => p.id),
      );
    }
    const byId = new Map(all.map((p) => [p.id, p]));
    expect(links.filter((l) => l.listed_at !== listed(byId.get(l.proposal_id)!))).toEqual([]);

    const year = new Date().getFullYear() - 2;
    const ofYear = await listProposals(db, { viewerId, year, sort: "oldest" });
    const inYear = visible.filter((p) => listed(p).startsWith(String(year)));
    expect(ofYear.total).toBe(inYear.length);
    expect(ofYear.rows[0]?.id).toBe(inYear.sort((a, b) => byNewest(b, a))[0]?.id);
  });
});

describe("the flowchart's counts on an empty database", () => {
  it("are none", async () => {
    const { testDb } = await import("../support/db");
    const empty = await testDb();
    expect(await countByState(empty)).toEqual({});
    await empty.destroy();
  });
});
