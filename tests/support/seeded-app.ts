import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { openDatabase, type DB } from "#db/connection";
import { launchBrowser, loginAs } from "./browser";
import { startServer, type TestServer } from "./server";

/** A browser test on the seeded demo: the built server, Chromium and the server's database, set up once per file. */
export class SeededApp {
  server!: TestServer;
  browser!: Browser;
  db!: DB;

  /** A fresh browser context with JavaScript on or off, signed in as `email` when one is given. */
  async open(email: string | undefined, javaScriptEnabled = false): Promise<Page> {
    const context = await this.browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    if (email) await loginAs(page, this.server.url, email);
    return page;
  }
}

/**
 * Registers the file's beforeAll/afterAll and returns the app they fill in. `env` gives the server
 * extra environment, worked out in the same beforeAll (e.g. SMTP_URL of a test SMTP server started there).
 */
export function seededBrowserApp(opts: { env?: () => Promise<Record<string, string>> } = {}): SeededApp {
  const app = new SeededApp();
  beforeAll(async () => {
    const env = (await opts.env?.()) ?? {};
    [app.server, app.browser] = await Promise.all([startServer({ seed: true, env }), launchBrowser()]);
    app.db = openDatabase(app.server.databasePath);
  });
  afterAll(async () => {
    await app.db?.destroy();
    await app.browser?.close();
    await app.server?.stop();
  });
  return app;
}
