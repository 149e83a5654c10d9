import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { bodyOfKind, listMembershipsOfBody } from "#db/repositories/organisation.repository";
import { seedDemo } from "~/server/seed/seed.server";
import type { ReportBlock } from "~/domain/report-document";
import { liveReport } from "~/server/report.server";
import { demoHash, testDb } from "../support/db";

/**
 * The demo year read as the real annual report's chapter: the demo proposals with their report
 * texts (seeded follow-ups), and the demo meetings held as db/seed.ts will hold them (driven here
 * the way tests/integration/seed-meetings.test.ts drives them, until the seed does it itself).
 */
describe("the 2021 demo report", () => {
  let db: DB;
  let blocks: ReportBlock[];

  beforeAll(async () => {
    db = await testDb();
    await seedDemo(db, { passwordHash: await demoHash() });
    blocks = (await liveReport(db, 2021, new Date("2026-11-26T10:00:00.000Z"))).blocks;
  }, 120_000);
  afterAll(async () => {
    await db.destroy();
  });

  const texts = () =>
    blocks.map((b) =>
      b.kind === "heading" ? `${b.number} ${b.text}` : b.kind === "paragraph" ? b.text : "",
    );

  it("states the board's meetings and protocol items as the real report does", () => {
    expect(texts()).toContain(
      "Det har blitt avholdt 7 styremøter i 2021 og det er blitt protokollført 32 saker.",
    );
    expect(texts()).toContain("3.1 Styret");
  });

  /** The blocks under a numbered heading, up to the next heading. */
  const under = (numbered: string) => {
    const start = blocks.findIndex((b) => b.kind === "heading" && `${b.number} ${b.text}` === numbered);
    expect(start, numbered).toBeGreaterThan(-1);
    const end = blocks.findIndex((b, i) => i > start && b.kind === "heading");
    return blocks.slice(start + 1, end);
  };

  it("lists the board through 2021 as the real report's 3.1 does, with the two mid-year changes", () => {
    expect(under("3.1 Styret")).toEqual([
      { kind: "paragraph", text: "Styret har i 2021 bestått av:" },
      {
        kind: "list",
        items: [
          "Arnfinn Dalheim, styreleder, Molde kommune (fram til 30.6.2021)",
          "Helge Furnes, styreleder, Molde kommune (fra 9.8.2021)",
          "Gunvor Hjertøy, styremedlem, Aukra kommune (fram til 30.6.2021)",
          "Anita Stokke, styremedlem, Aukra kommune (fra 1.9.2021)",
          "Per Olav Setnes, styremedlem, Rauma kommune",
          "Elin Sandvik, styremedlem, Vestnes kommune",
        ],
      },
      {
        kind: "paragraph",
        text: "Det har blitt avholdt 7 styremøter i 2021 og det er blitt protokollført 32 saker.",
      },
    ]);
  });

  it("says who left and who joined the board in 2021 (the real report's 2.1.1)", () => {
    expect(under("2.1.1 Nye styremedlemmer")).toEqual([
      { kind: "paragraph", text: "Gikk ut av styret i 2021:" },
      {
        kind: "list",
        items: [
          "Arnfinn Dalheim, styreleder, Molde kommune (fram til 30.6.2021)",
          "Gunvor Hjertøy, styremedlem, Aukra kommune (fram til 30.6.2021)",
        ],
      },
      { kind: "paragraph", text: "Kom inn i styret i 2021:" },
      {
        kind: "list",
        items: [
          "Helge Furnes, styreleder, Molde kommune (fra 9.8.2021)",
          "Anita Stokke, styremedlem, Aukra kommune (fra 1.9.2021)",
        ],
      },
    ]);
    expect(under("2.1.2 Endringer i organiseringen")).toEqual([
      {
        kind: "paragraph",
        text: "Faggruppene Økonomi, Lønn og personal og Microsoft365 ble opprettet fra 1.4.2021.",
      },
    ]);
  });

  it("keeps the demo login styreleder@innspill.test the board's chair today", async () => {
    const board = (await bodyOfKind(db, "board"))!;
    const chairs = (
      await listMembershipsOfBody(db, board.id, { on: new Date().toISOString().slice(0, 10) })
    ).filter((m) => m.role === "chair");
    expect(chairs).toHaveLength(1);
    const user = await db
      .selectFrom("user")
      .select("email")
      .where("id", "=", chairs[0]!.user_id)
      .executeTakeFirstOrThrow();
    expect(user.email).toBe("styreleder@innspill.test");
  });

  // The report speaks of several bodies: the case carries the board's code (issue 10).
  it("says when the board approved the strategy's goals", () => {
    expect(
      texts().some((t) =>
        /^Styret godkjente hovedmål og delmål i «Strategi for digital transformasjon 2022–2025» i sitt møte 8\.12\.2021 \(ST-sak \d+\/2021\)\.$/.test(
          t,
        ),
      ),
    ).toBe(true);
  });

  it("places the report's initiatives in their fields with their municipalities and texts", () => {
    const index = blocks.findIndex((b) => b.kind === "heading" && b.text === "Helse og velferd");
    const digisos = blocks.findIndex((b) => b.kind === "entry" && b.title === "Digisos");
    expect(index).toBeGreaterThan(-1);
    expect(digisos).toBeGreaterThan(index);
    const entry = blocks[digisos] as Extract<ReportBlock, { kind: "entry" }>;
    expect(entry.municipalities).toBe("Aukra, Molde, Rauma og Vestnes kommune");
    expect(entry.text).toMatch(/^Innføringen av Digital sosialtjenester \(Digisos\) ble fullført\./);
  });
});
