import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { seedDemo } from "~/server/seed/seed.server";
import { reportFigures } from "~/server/report.server";
import { demoHash, testDb } from "../support/db";

/**
 * The annual report's figures on the demo data, as the report computed them before it read only
 * the year's own proposals and steps (issue 15: it used to read every proposal and its whole
 * history). The expected figures were taken from that computation (docs/decisions/022); the
 * report's coverage carries counts only since (it never lists the linked proposals): its lists
 * were dropped and each strategy's distinct count (`linked`) derived from them (decision 027).
 */
describe("the annual report's figures on the demo data", () => {
  let db: DB;
  const expected = JSON.parse(
    readFileSync(new URL("./report-figures.demo.json", import.meta.url), "utf8"),
  ) as Record<string, unknown>;
  const now = new Date("2026-11-30T10:00:00Z");

  beforeAll(async () => {
    db = await testDb();
    await seedDemo(db, { passwordHash: await demoHash() });
  }, 120_000);
  afterAll(async () => {
    await db.destroy();
  });

  for (const year of [2021, 2026])
    it(`are unchanged for ${year}`, async () => {
      expect(JSON.parse(JSON.stringify(await reportFigures(db, year, now)))).toEqual(expected[String(year)]);
    });
});
