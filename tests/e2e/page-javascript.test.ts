import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "~/domain/texts";
import { layoutTexts } from "~/domain/texts/layout";
import { pageJavaScript } from "../../scripts/bench/bundle";
import { loginCookie, startServer, type TestServer } from "../support/server";

const buildDir = path.resolve(
  fileURLToPath(new URL("../..", import.meta.url)),
  process.env.BUILD_DIR ?? "build",
);

/**
 * The list page's JavaScript stays within 90 kB gzip (issue 15), counted as the browser gets it:
 * the served page loads the scripts the measurement counts and not the build's full route
 * manifest (lazy route discovery inlines a partial one), and the layout does not pull the
 * whole texts index into the browser.
 */
describe("JavaScript of the list page", () => {
  let server: TestServer;
  let html: string;

  beforeAll(async () => {
    server = await startServer();
    const cookie = await loginCookie(server.url, "koordinator@innspill.test");
    const response = await fetch(`${server.url}/innspill`, { headers: { cookie } });
    expect(response.status).toBe(200);
    html = await response.text();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("is within 90 kB gzip", () => {
    const js = pageJavaScript(buildDir, "routes/innspill._index");
    expect(js.gzipBytes).toBeLessThanOrEqual(90 * 1024);
    expect(js.includesReactFlow).toBe(false);
  });

  it("loads only the scripts the measurement counts", () => {
    const js = pageJavaScript(buildDir, "routes/innspill._index");
    // Preloaded and imported scripts (the inline manifest names other routes' modules: not loaded).
    const served = new Set(
      [
        ...html.matchAll(/rel="modulepreload" href="([^"]+)"|import(?: \* as \w+ from)? ?\(?"([^"]+\.js)"/g),
      ].map((m) => (m[1] ?? m[2])!),
    );
    expect(served.size).toBeGreaterThan(0);
    for (const url of served) expect(js.files).toContain(url);
    expect([...served].filter((u) => u.includes("/manifest-"))).toEqual([]);
    expect(html).toContain("window.__remixManifest");
  });

  it("does not carry the whole texts index to the browser", () => {
    // A string of the index the list page does not show: the intake form's privacy notice.
    const js = pageJavaScript(buildDir, "routes/innspill._index");
    const sources = js.files
      .filter((f) => f.startsWith("/"))
      .map((f) => readFileSync(path.join(buildDir, "client", f), "utf8"));
    expect(sources.join("\n")).toContain(layoutTexts.app.tagline);
    expect(sources.join("\n")).not.toContain(t.proposal.privacyNotice.slice(0, 40));
  });
});
