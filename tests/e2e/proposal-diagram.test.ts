import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, loginAs } from "../support/browser";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ seed: true }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the proposal page's process diagram on a phone", () => {
  it("is not drawn at first, with the proposal's place in the process said in words", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await loginAs(page, server.url, "koordinator@innspill.test");
    await page.goto(`${server.url}/innspill?status=groupReview`);
    await page.locator(".proposal-list a").first().click();
    await page.waitForURL(/\/innspill\/\d+$/);

    // The URL changes before React has rendered the new page: wait for its words (this fails if
    // they never show), then check what is and is not there.
    const words = page.locator(".process-path-text");
    await words.waitFor({ state: "visible" });
    // Drawn only on request (a plain link, so without JavaScript too): not sent with every view.
    expect(await page.locator(".process-diagram svg").count()).toBe(0);
    expect(await words.innerText()).toContain("Innspillet er nå i steget «Til vurdering i faggruppe».");
    // The words are read at the page's size, not the drawing's.
    const size = await words.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(12);

    await page.getByRole("link", { name: "Vis hvor innspillet er i prosessen" }).click();
    await page.waitForURL(/\?prosess=vis#prosessdiagram$/);
    await page.locator(".process-diagram svg").waitFor({ state: "visible" });
    // Its summary still closes it again, as before.
    expect(await page.locator("details.process-diagram-details").getAttribute("open")).not.toBeNull();
    await expectNoAxeViolations(page);
    await context.close();
  });
});
