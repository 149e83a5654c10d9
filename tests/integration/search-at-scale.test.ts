import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { createProposal, listProposals, similarProposals } from "#db/repositories/proposal.repository";
import { t } from "~/domain/texts";
import { matchMunicipality } from "~/server/proposal-list.server";
import { makeWorld, testDb, type World } from "../support/db";

/**
 * The list's search by relevance stops counting at its cap, the titles' words come first, and
 * "similar" leaves out words found in many proposals (issue 15). Through the repository's public
 * functions on a real SQLite database with the real migrations.
 */

let db: DB;
let world: World;
const texts = { background: "", problem: "", solution: "", benefits: "", affected: "", resources: "" };

async function proposal(title: string, body = "", state = "submitted") {
  return createProposal(db, {
    ...texts,
    background: body,
    title,
    authorId: world.users.employee,
    municipalityIds: [world.municipalities.Nordby],
    suggestedGroupId: null,
    state,
    now: "2026-01-01T10:00:00.000Z",
  });
}

beforeAll(async () => {
  db = await testDb();
  world = await makeWorld(db);
});

afterAll(async () => {
  await db.destroy();
});

describe("search by relevance", () => {
  it("shows 'more than' the cap instead of counting every hit", async () => {
    for (let i = 0; i < 6; i++) await proposal(`Sak ${i}`, "Om kjøkkenhage og annet");
    const viewerId = world.users.employee;
    const capped = await listProposals(db, { viewerId, q: "kjøkkenhage", searchCap: 4 });
    expect(capped).toMatchObject({ total: 4, more: true });
    expect(capped.rows).toHaveLength(4);
    const exact = await listProposals(db, { viewerId, q: "kjøkkenhage", searchCap: 6 });
    expect(exact).toMatchObject({ total: 6, more: false });
    // The page says so, with the cap written the Norwegian way (1 000).
    expect(t.proposal.resultsMore(1000).replace(/\s/g, " ")).toMatch(/^Mer enn 1 000 treff/);
    // A date order counts every hit, as before.
    expect(
      await listProposals(db, { viewerId, q: "kjøkkenhage", sort: "newest", searchCap: 4 }),
    ).toMatchObject({ total: 6, more: false });
  });

  it("puts proposals with the words in their title first, then the newest", async () => {
    const inTitle = await proposal("Sensorer i omsorgsbolig");
    const older = await proposal("Annet", "Nevner omsorgsbolig i teksten");
    const newer = await proposal("Mer annet", "Også omsorgsbolig her");
    const found = await listProposals(db, { viewerId: world.users.employee, q: "omsorgsbolig" });
    expect(found.rows.map((r) => r.id)).toEqual([inTitle, newer, older]);
  });

  it("keeps finding a part of a compound word, and never another's draft", async () => {
    const smart = await proposal("Smarte vannmålere");
    await proposal("Vannmålere i utkast", "", "draft");
    const found = await listProposals(db, { viewerId: world.users.employee2, q: "vannmål" });
    expect(found.rows.map((r) => r.id)).toEqual([smart]);
  });
});

describe("similar proposals", () => {
  it("leave out a word found in many proposals", async () => {
    // 60 proposals share "fellestjeneste": more than the 50 a word may be found in and still tell likeness.
    for (let i = 0; i < 60; i++) await proposal(`Fellestjeneste nummer ${i}`);
    const rare = await proposal("Droneinspeksjon av bruer");
    const similar = await similarProposals(db, "Fellestjeneste for droneinspeksjon");
    expect(similar.map((s) => s.id)).toEqual([rare]);
    expect(await similarProposals(db, "Fellestjeneste i kommunen")).toEqual([]);
  });
});

describe("the municipality filter's text", () => {
  const municipalities = [
    { id: 1, name: "Molde", valid_from: "2020-01-01" },
    { id: 2, name: "Modum", valid_from: "2000-01-01" },
    { id: 3, name: "Ørland", valid_from: "2000-01-01" },
    { id: 4, name: "Molde", valid_from: "2000-01-01" },
  ];
  it("names one municipality by its name, its beginning, a part of it, or its id", () => {
    expect(matchMunicipality("molde", municipalities)).toEqual({ kind: "one", id: 1, name: "Molde" });
    expect(matchMunicipality("ørl", municipalities)).toEqual({ kind: "one", id: 3, name: "Ørland" });
    expect(matchMunicipality("dum", municipalities)).toEqual({ kind: "one", id: 2, name: "Modum" });
    expect(matchMunicipality("4", municipalities)).toEqual({ kind: "one", id: 4, name: "Molde" });
    expect(matchMunicipality(" ", municipalities)).toEqual({ kind: "none" });
  });
  it("offers the candidates when several match, and none when nothing does", () => {
    expect(matchMunicipality("mo", municipalities)).toEqual({
      kind: "unresolved",
      text: "mo",
      candidates: ["Modum", "Molde"],
    });
    expect(matchMunicipality("Xyz", municipalities)).toEqual({
      kind: "unresolved",
      text: "Xyz",
      candidates: [],
    });
  });
});
