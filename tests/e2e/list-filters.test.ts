import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolationsWithoutScripts, launchBrowser, loginAs } from "../support/browser";
import { startServer, type TestServer } from "../support/server";

/** The list's municipality filter is a text field the server matches: it works without JavaScript (issue 15). */

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ seed: true }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the municipality filter without JavaScript", () => {
  it("finds a municipality by the beginning of its name, and offers the candidates when several match", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await loginAs(page, server.url, "koordinator@innspill.test");
    await page.goto(`${server.url}/innspill`);
    expect(await page.locator("select#kommune").count()).toBe(0);
    await page.getByLabel("Kommune", { exact: true }).fill("vest");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await page.waitForURL(/kommune=vest/);
    // The field names the municipality found; every proposal listed concerns it.
    expect(await page.getByLabel("Kommune", { exact: true }).inputValue()).toBe("Vestnes");
    const rows = page.locator(".proposal-list li");
    expect(await rows.count()).toBeGreaterThan(0);
    for (const text of await rows.allTextContents()) expect(text).toContain("Vestnes");

    await page.getByLabel("Kommune", { exact: true }).fill("e");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await page.getByText("Flere kommuner passer med «e». Velg én:").waitFor();
    expect(await page.locator(".proposal-list li").count()).toBe(0);
    await page.getByRole("link", { name: "Molde", exact: true }).click();
    await page.waitForURL(/kommune=Molde/);
    // The URL changes before React has rendered the new list: poll until it has.
    await expect.poll(() => page.getByLabel("Kommune", { exact: true }).inputValue()).toBe("Molde");
    await expect.poll(() => page.locator(".proposal-list li").count()).toBeGreaterThan(0);
    await expectNoAxeViolationsWithoutScripts(browser, page, server.url);

    await page.goto(`${server.url}/innspill?kommune=Atlantis`);
    expect(await page.getByText("Ingen kommune heter «Atlantis». Sjekk stavemåten.").isVisible()).toBe(true);
    await context.close();
  });
});
