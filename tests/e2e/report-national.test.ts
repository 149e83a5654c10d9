import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportPageLimits } from "~/domain/report-page";
import { reportTexts as R } from "~/domain/texts/report";
import { hashPassword } from "~/server/password.server";
import { BENCH_EMAIL, BENCH_PASSWORD, generateDataset, type Dataset } from "../../scripts/bench/generate";
import { expectNoAxeViolations, launchBrowser, loginAs } from "../support/browser";
import { loginCookie, startServer, type TestServer } from "../support/server";

/**
 * The annual report page of a big year (the bench's generated data) is bounded: a long
 * specialist field shows its first entries and a link to the rest, which pages through them
 * with plain links; the Markdown download keeps every entry.
 */
describe("annual report page of a big year", () => {
  let dataDir: string;
  let dataset: Dataset;
  let server: TestServer;
  let cookie: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "innspill-report-national-"));
    dataset = await generateDataset({
      file: path.join(dataDir, "innspill.db"),
      scale: 0.02,
      passwordHash: await hashPassword(BENCH_PASSWORD),
    });
    server = await startServer({ seed: false, dataDir, startTimeoutMs: 120_000 });
    cookie = await loginCookie(server.url, BENCH_EMAIL, BENCH_PASSWORD);
  }, 600_000);
  afterAll(async () => {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const get = async (pathName: string) => {
    const response = await fetch(`${server.url}${pathName}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    return response.text();
  };
  /** Entries on the page: each carries data-proposal (markup and hydration data hold them). */
  const entries = (html: string) => html.match(/class="report-entry" data-proposal="\d+"/g)?.length ?? 0;
  /** The markup from a field's heading to the next heading. */
  const inField = (html: string, number: string) => {
    const start = html.indexOf(`id="kap-${number}"`);
    expect(start).toBeGreaterThan(0);
    const end = html.slice(start).search(/<h[2-5] /);
    return html.slice(start, end < 0 ? undefined : start + end);
  };
  const text = (s: string) => s.replaceAll("&", "&amp;").replaceAll('"', "&quot;");

  it("shows a long field's first entries with a link to all, and pages through them", async () => {
    const year = dataset.reportYear;
    const markdown = await get(`/rapport/${year}/last-ned/md`);
    const html = await get(`/rapport/${year}`);
    const more = [
      ...html.matchAll(/href="\/rapport\/\d+\?felt=([\d.]+)#kap-[\d.]+"[^>]*>Vis alle (\d+) innspill/g),
    ];
    expect(more.length).toBeGreaterThan(0);
    const total = more.reduce((n, m) => n + Number(m[2]), 0);
    const fieldNumber = more[0]![1]!;
    const fieldTotal = Number(more[0]![2]);
    expect(fieldTotal).toBeGreaterThan(reportPageLimits.entriesPerField);
    // Bounded: the field shows its first entries only; the page fewer than the year has.
    expect(entries(inField(html, fieldNumber))).toBe(reportPageLimits.entriesPerField);
    expect(entries(html)).toBeLessThan(
      total + entries(html) - more.length * reportPageLimits.entriesPerField,
    );
    expect(html).toContain(text(R.entriesShown(reportPageLimits.entriesPerField, fieldTotal)));
    // The download keeps every entry of the field (each is a bold line).
    const lines = markdown.split("\n");
    const from = lines.findIndex((l) => l.startsWith(`##### ${fieldNumber} `));
    expect(from).toBeGreaterThan(0);
    const to = lines.findIndex((l, i) => i > from && l.startsWith("#"));
    expect(lines.slice(from, to < 0 ? undefined : to).filter((l) => l.startsWith("**"))).toHaveLength(
      fieldTotal,
    );

    const opened = await get(`/rapport/${year}?felt=${fieldNumber}`);
    const pages = Math.ceil(fieldTotal / reportPageLimits.entriesPerPage);
    expect(opened).toContain(R.entriesPage(1, pages));
    expect(entries(inField(opened, fieldNumber))).toBe(Math.min(fieldTotal, reportPageLimits.entriesPerPage));
    if (pages > 1) {
      expect(opened).toContain(`?felt=${fieldNumber}&amp;side=2#kap-${fieldNumber}`);
      const last = await get(`/rapport/${year}?felt=${fieldNumber}&side=${pages}`);
      expect(last).toContain(R.entriesPage(pages, pages));
    }
    // A bad query is the summary view, not an error.
    expect(entries(await get(`/rapport/${year}?felt=x&side=-1`))).toBe(entries(html));
  });

  it("opens and pages a field in the browser, accessibly", async () => {
    const browser = await launchBrowser();
    try {
      const page = await (await browser.newContext()).newPage();
      await loginAs(page, server.url, BENCH_EMAIL, BENCH_PASSWORD);
      await page.goto(`${server.url}/rapport/${dataset.reportYear}`);
      await expectNoAxeViolations(page);
      const more = page.getByRole("link", { name: /^Vis alle \d+ innspill i / }).first();
      await more.click();
      await page.waitForURL(/\?felt=[\d.]+#kap-/);
      const paging = page.getByRole("navigation", { name: /^Sider i / });
      await expect.poll(() => paging.isVisible()).toBe(true);
      await expectNoAxeViolations(page);
      await paging.getByRole("link", { name: R.showFewerEntries }).click();
      await page.waitForURL((url) => !url.search.includes("felt="));
      await expect.poll(() => paging.count()).toBe(0);
    } finally {
      await browser.close();
    }
  });
});
