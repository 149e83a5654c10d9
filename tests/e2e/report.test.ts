import { addDays, today } from "#workflows/dates";
import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "#db/connection";
import { expectNoAxeViolations, launchBrowser, loginAs } from "../support/browser";
import { startServer, type TestServer } from "../support/server";

/**
 * The loop in a browser: an approved proposal is started and completed with a report text, the
 * text appears in this year's report under its specialist field, and the Word file carries it.
 */
describe("follow-up to annual report (browser)", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let proposalId: number;
  const year = new Date().getFullYear();
  const reportText =
    "Innbyggerportalene har fått klarspråk og universell utforming, for alle innbyggere i de fire kommunene.";

  beforeAll(async () => {
    server = await startServer();
    const db = openDatabase(server.databasePath);
    const row = await db
      .selectFrom("proposal")
      .select("id")
      .where("state", "=", "approved")
      .where("title", "like", "Videreutvikling av innbyggerportalene%")
      .executeTakeFirstOrThrow();
    proposalId = row.id;
    await db.destroy();
    browser = await launchBrowser();
    const context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
    await loginAs(page, server.url, "koordinator@innspill.test");
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("starts and completes an approved proposal with a report text", async () => {
    await page.goto(`${server.url}/innspill/${proposalId}`);
    await page.getByRole("link", { name: "Start gjennomføring" }).click();
    await page.waitForURL(`**/innspill/${proposalId}/oppstart`);
    await expectNoAxeViolations(page);
    const end = addDays(today(), 90);
    await page.getByLabel("Planlagt ferdig").fill(end);
    await page.getByRole("button", { name: "Start gjennomføringen" }).click();
    await page.waitForURL(`**/innspill/${proposalId}?melding=START#melding`);
    expect(await page.locator("#melding").innerText()).toBe("Gjennomføringen er startet.");
    await expect.poll(() => page.getByText("Under gjennomføring").first().isVisible()).toBe(true);

    await page.getByRole("link", { name: "Meld som gjennomført" }).click();
    await page.waitForURL(`**/innspill/${proposalId}/avslutning`);
    // The benefits plan from the assessment is shown next to the form.
    await expect
      .poll(() => page.getByRole("heading", { name: "Gevinstplan fra vurderingen" }).isVisible())
      .toBe(true);
    await expectNoAxeViolations(page);
    await page.getByLabel("Realiserte gevinster").fill("Færre henvendelser om skjemaer.");
    await page.getByLabel("Tekst til årsrapporten").fill(reportText);
    await page.getByRole("button", { name: "Meld som gjennomført" }).click();
    await page.waitForURL(`**/innspill/${proposalId}?melding=COMPLETE#melding`);
    expect(await page.locator("#melding").innerText()).toBe("Innspillet er meldt som gjennomført.");
    await expect.poll(() => page.getByText("Gjennomført").first().isVisible()).toBe(true);
  });

  it("shows the report text in this year's report, under its field", async () => {
    await page.goto(`${server.url}/rapport/${year}`);
    const field = await page.evaluate((text) => {
      const entry = [...document.querySelectorAll(".report-entry")].find((e) =>
        e.textContent?.includes(text),
      );
      if (!entry) return null;
      let el: Element | null = entry;
      while (el && el.tagName !== "H5") el = el.previousElementSibling;
      return el?.textContent ?? null;
    }, reportText);
    expect(field).toMatch(/^2\.2\.3\.\d+ Portal og innbyggerdialog$/);
    await expectNoAxeViolations(page);
  });

  it("downloads the report as a Word file that carries the text", async () => {
    await page.goto(`${server.url}/rapport/${year}`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Word (.docx)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`arsrapport-${year}-utkast.docx`);
    const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const xml = strFromU8(files["word/document.xml"]!);
    expect(xml).toContain("Portal og innbyggerdialog");
    expect(xml).toContain(reportText);
  });

  it("has no accessibility violations on the strategy, report and statistics pages", async () => {
    for (const path of ["/strategi", "/rapport/2021", "/rapport", "/statistikk", "/statistikk?aar=alle"]) {
      await page.goto(`${server.url}${path}`);
      await expectNoAxeViolations(page);
    }
  });

  it("drafts a strategy with numbered goals, accessibly, and shows a field message for a bad value", async () => {
    await page.goto(`${server.url}/strategi/ny`);
    await page.getByLabel("Navn").fill("Strategi for digital transformasjon 2026–2029");
    await page.getByRole("button", { name: "Ny strategi" }).click();
    await page.waitForURL(/\/strategi\/\d+\/rediger/);
    const addMain = page.locator("form", { has: page.getByRole("button", { name: "Legg til hovedmål" }) });
    await addMain.getByLabel("Tittel").fill("Innbyggeren i sentrum");
    await addMain.getByRole("button", { name: "Legg til hovedmål" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "Hovedmål 1: Innbyggeren i sentrum" }).isVisible())
      .toBe(true);
    await page.getByRole("button", { name: "Legg til delmål" }).click();
    // The field's own message, beside the field (the form's summary links to it as well).
    await expect.poll(() => page.getByText("Skriv en tittel.", { exact: true }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);
  });
});
