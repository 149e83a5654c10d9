import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser } from "../tests/support/browser";
import { startServer } from "../tests/support/server";

/**
 * PNG screenshots of the flowchart (/prosess) for the README, at a desktop and a phone width,
 * with and without JavaScript: the chart's figure as it appears on load. Drives the built server on a fresh demo database:
 * `npm run build && npm run screenshots`. Writes docs/screenshots/prosess-<width>[-uten-js].png.
 */

const widths = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
] as const;

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../docs/screenshots");

async function main() {
  mkdirSync(outDir, { recursive: true });
  const [server, browser] = await Promise.all([startServer({ seed: true }), launchBrowser()]);
  try {
    for (const viewport of widths) {
      for (const javaScriptEnabled of [true, false]) {
        const context = await browser.newContext({ viewport, javaScriptEnabled, deviceScaleFactor: 1 });
        const page = await context.newPage();
        await page.goto(`${server.url}/prosess`);
        const figure = page.locator("figure.flowchart");
        if (javaScriptEnabled) await page.locator(".react-flow .fc-flow-node").first().waitFor();
        const file = path.join(outDir, `prosess-${viewport.width}${javaScriptEnabled ? "" : "-uten-js"}.png`);
        await figure.screenshot({ path: file });
        console.log(`Wrote ${path.relative(process.cwd(), file)}`);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
