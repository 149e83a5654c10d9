import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityTexts } from "~/domain/texts/security";
import { expectNoAxeViolations, launchBrowser, loginAs } from "../support/browser";
import { startServer, type TestServer } from "../support/server";

const P = securityTexts.profile;

/**
 * "Min profil" in Chromium, under the nonce-based Content-Security-Policy: the page hydrates (no
 * script is blocked), shows the demo banner, passes axe, and changes the password with and
 * without JavaScript.
 */
describe("Min profil in the browser", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ seed: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`changes one's own password (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const email = javaScriptEnabled ? "ansatt4@innspill.test" : "ansatt5@innspill.test";
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const blocked: string[] = [];
      page.on("console", (m) => {
        if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
      });
      await loginAs(page, server.url, email);
      await page.getByRole("link", { name: new RegExp(P.nav) }).click();
      await page.getByRole("heading", { level: 1, name: P.title }).waitFor();
      expect(await page.getByRole("note").textContent()).toContain(securityTexts.demo.banner);
      if (javaScriptEnabled) await expectNoAxeViolations(page);

      // Wrong current password: the form says so, next to the field.
      await page.getByLabel(P.currentPassword, { exact: true }).fill("gjettet-feil");
      await page.getByLabel(P.newPassword, { exact: true }).fill("et-helt-nytt-passord");
      await page.getByLabel(P.repeatPassword, { exact: true }).fill("et-helt-nytt-passord");
      await page.getByRole("button", { name: P.submit }).click();
      await page.locator(".field-error", { hasText: P.errors.currentWrong }).waitFor();
      if (javaScriptEnabled) await expectNoAxeViolations(page);

      await page.getByLabel(P.currentPassword, { exact: true }).fill("demo1234");
      await page.getByLabel(P.newPassword, { exact: true }).fill("et-helt-nytt-passord");
      await page.getByLabel(P.repeatPassword, { exact: true }).fill("et-helt-nytt-passord");
      await page.getByRole("button", { name: P.submit }).click();
      await page.getByRole("status").filter({ hasText: P.changed }).waitFor();
      expect(blocked).toEqual([]);
      await context.close();
    });
  }
});
