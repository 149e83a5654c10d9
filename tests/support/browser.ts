import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect } from "vitest";

/** How long a browser action or navigation may wait: generous, for a busy 2-core machine. */
const BROWSER_WAIT_MS = 90_000;

/**
 * Debian's Chromium, headless, with nothing reaching out to the network. Every context it makes
 * waits up to BROWSER_WAIT_MS for an element or a page (Playwright's own default is 30 s).
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(BROWSER_WAIT_MS);
    context.setDefaultNavigationTimeout(BROWSER_WAIT_MS);
    return context;
  };
  return browser;
}

export async function loginAs(page: Page, baseUrl: string, email: string, password = "demo1234") {
  await page.goto(`${baseUrl}/logg-inn`);
  await page.getByLabel("E-post").fill(email);
  await page.getByLabel("Passord").fill(password);
  await page.getByRole("button", { name: "Logg inn" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/logg-inn"));
}

/** Fails the test with the list of WCAG 2.1 A/AA violations axe finds on the page. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    // One options object: `.options()` would replace what `.withTags()` set. The tags are WCAG 2.1 A/AA;
    // label-content-name-mismatch (WCAG 2.5.3) is experimental in axe, so off unless asked for.
    .options({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      rules: { "label-content-name-mismatch": { enabled: true } },
    })
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary).toEqual([]);
}

/**
 * axe needs JavaScript in the page, so a page rendered with JavaScript off is checked by
 * loading its server HTML (scripts removed, stylesheets still from the server) in a scripted page.
 */
export async function expectNoAxeViolationsWithoutScripts(browser: Browser, page: Page, baseUrl: string) {
  const html = (await page.content())
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<link rel="modulepreload"[^>]*>/gi, "")
    .replace("<head>", `<head><base href="${baseUrl}/">`);
  const context = await browser.newContext();
  const copy = await context.newPage();
  await copy.setContent(html, { waitUntil: "load" });
  await expectNoAxeViolations(copy);
  await context.close();
}
