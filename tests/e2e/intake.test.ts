import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutScripts,
  launchBrowser,
  loginAs,
} from "../support/browser";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
const attachmentPath = path.join(tmpdir(), `vedlegg-${process.pid}.pdf`);

beforeAll(async () => {
  writeFileSync(attachmentPath, "%PDF-1.4 testvedlegg");
  [server, browser] = await Promise.all([startServer({ seed: true }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function fillProposal(page: Page, title: string) {
  await page.getByLabel("Tittel").fill(title);
  await page.getByLabel("Bakgrunn").fill("Vaktlistene lages i regneark og sendes på e-post.");
  await page.getByLabel("Problemstilling").fill("Endringer når ikke ut til alle i tide.");
  await page.getByLabel("Løsningsforslag").fill("Et felles digitalt system for turnus og vaktbytte.");
  await page.getByLabel("Mulige gevinster").fill("Mindre tid på planlegging, færre feil.");
  await page.getByRole("checkbox", { name: "Rauma" }).check();
  await page.getByRole("checkbox", { name: "Vestnes" }).check();
  await page.getByLabel("Vedlegg").setInputFiles(attachmentPath);
}

for (const javaScriptEnabled of [true, false]) {
  describe(`intake with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    it("an employee submits a proposal with an attachment, finds it by search and in the list, and opens it", async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const title = `Digital vaktplan ${javaScriptEnabled ? "med" : "uten"} skript`;
      await loginAs(page, server.url, "ansatt@innspill.test");
      await page.goto(`${server.url}/innspill/ny`);
      await fillProposal(page, title);
      await page.getByRole("button", { name: "Send inn" }).click();
      await page.waitForURL(/\/innspill\/\d+\?melding=sendt/);
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      expect(await page.getByText("Innspillet er sendt inn.").isVisible()).toBe(true);
      expect(await page.getByText("Rauma og Vestnes").isVisible()).toBe(true);
      const proposalUrl = page.url().split("?")[0]!;

      expect(await page.locator("a", { hasText: ".pdf" }).count()).toBe(1);

      await page.goto(`${server.url}/innspill`);
      await page.getByLabel("Søk", { exact: true }).fill("vaktpla");
      await page.getByRole("button", { name: "Filtrer" }).click();
      await page.waitForURL(/q=vaktpla/);
      await page.getByRole("link", { name: title }).click();
      await page.waitForURL(proposalUrl);

      await page.goto(`${server.url}/innspill?status=submitted`);
      expect(await page.getByRole("link", { name: title }).count()).toBe(1);
      await context.close();
    });
  });
}

describe("intake errors and accessibility", () => {
  it("shows Norwegian errors next to the fields, keeps what was typed, and writes nothing", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await loginAs(page, server.url, "ansatt@innspill.test");
      await page.goto(`${server.url}/innspill/ny`);
      if (javaScriptEnabled) await page.locator("html[data-hydrated]").waitFor();
      await page.getByLabel("Bakgrunn").fill("Tekst som skal bli stående");
      await page.getByRole("button", { name: "Send inn" }).click();
      await page.getByText("Skjemaet har feil som må rettes").waitFor();
      expect(await page.getByText("Skriv en tittel.").first().isVisible()).toBe(true);
      expect(await page.getByText("Velg minst én kommune.").first().isVisible()).toBe(true);
      expect(await page.getByLabel("Bakgrunn").inputValue()).toBe("Tekst som skal bli stående");
      expect(page.url()).toMatch(/\/innspill\/ny$/);
      if (javaScriptEnabled) await expectNoAxeViolations(page);
      else await expectNoAxeViolationsWithoutScripts(browser, page, server.url);
      await context.close();
    }
  });

  it("has no axe violations on the start page, the list, the form and a proposal page", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await loginAs(page, server.url, "koordinator@innspill.test");
    for (const pathName of ["/", "/innspill", "/innspill/ny", "/innspill?q=vann", "/logg-inn"]) {
      await page.goto(`${server.url}${pathName}`);
      await expectNoAxeViolations(page);
    }
    await page.goto(`${server.url}/innspill`);
    await page.locator(".proposal-list a").first().click();
    await page.waitForURL(/\/innspill\/\d+$/);
    await expectNoAxeViolations(page);
    await context.close();
  });
});
