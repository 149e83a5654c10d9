import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
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

  it("says when the board approved the strategy's goals", () => {
    expect(
      texts().some((t) =>
        /^Styret godkjente hovedmål og delmål i «Strategi for digital transformasjon 2022–2025» i sitt møte 8\.12\.2021 \(Sak \d+\/2021\)\.$/.test(
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
