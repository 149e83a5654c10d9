import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "#db/connection";
import { bodyOfKind } from "#db/repositories/organisation.repository";
import { countByState } from "#db/repositories/process.repository";
import { eventLabel } from "~/domain/texts/proposal-events";
import { processGraph } from "#workflows/proposal.graph";
import { bodyText, proposalStates, stateMeta, type BodyNames } from "#workflows/proposal.machine";
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutScripts,
  launchBrowser,
  loginAs,
} from "../support/browser";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
let db: DB;
/** What the page must show, read from the server's own database: today's body names and the counts. */
let names: BodyNames;
let counts: Record<string, number>;

const countText = (n: number) => (n === 0 ? "ingen innspill" : `${n} innspill`);
const label = (state: (typeof proposalStates)[number]) => bodyText(stateMeta(state).label, names);

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ seed: true }), launchBrowser()]);
  db = openDatabase(server.databasePath);
  const [committee, board] = await Promise.all([bodyOfKind(db, "committee"), bodyOfKind(db, "board")]);
  names = { committee: committee!.name, board: board!.name };
  counts = await countByState(db);
});

afterAll(async () => {
  await db?.destroy();
  await browser?.close();
  await server?.stop();
});

async function openPage(javaScriptEnabled: boolean, email?: string) {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  if (email) await loginAs(page, server.url, email);
  return { context, page, requests };
}

/** The text version: a heading per state with its count, and its ways out as a list. */
async function expectTextVersion(page: Page) {
  const section = page.locator("section", {
    has: page.getByRole("heading", { name: "Prosessen steg for steg" }),
  });
  for (const state of proposalStates) {
    const heading = section.getByRole("heading", {
      level: 3,
      name: `${label(state)} – ${countText(counts[state] ?? 0)}`,
    });
    expect(await heading.count(), `heading for ${state}`).toBe(1);
  }
  // Every action of the machine is listed under its state, with where it goes and who decides.
  const graph = processGraph();
  const items = section.locator("#steg-submitted li");
  expect(await items.count()).toBe(graph.edges.filter((e) => e.from === "submitted").length);
  expect(await section.locator("h4 + ul > li").count()).toBe(graph.edges.length);
  for (const edge of graph.edges) {
    const item = section.locator(`#steg-${edge.from} li`, {
      hasText: bodyText(eventLabel(edge.event), names),
    });
    expect(await item.count(), edge.id).toBeGreaterThan(0);
    const text = (await item.first().innerText()).replace(/\s+/g, " ");
    expect(text).toContain("Bestemmes av:");
    if (!edge.selfLoop) expect(text, edge.id).toContain(`går til ${label(edge.to)}`);
  }
  const assign = (
    await section.locator("#steg-submitted li", { hasText: "Fordel til faggruppe" }).innerText()
  ).replace(/\s+/g, " ");
  expect(assign).toBe(
    "Fordel til faggruppe går til Til vurdering i faggruppe (velger faggruppe). Bestemmes av: ROR-IKT (koordinator) eller en faggruppeleder.",
  );
  const recommend = (
    await section.locator("#steg-committeeReview li", { hasText: "Innstill til" }).innerText()
  ).replace(/\s+/g, " ");
  expect(recommend).toContain(`Bestemmes av: ${names.committee} i møte (protokollført sak)`);
}

describe("/prosess without JavaScript", () => {
  it("shows the server-drawn chart with every state and its count, linked to the list, and the text version", async () => {
    const { context, page } = await openPage(false);
    const response = await page.goto(`${server.url}/prosess`);
    expect(response?.status()).toBe(200);
    await page.getByRole("heading", { level: 1, name: "Prosessen for innspill" }).waitFor();

    const svg = page.locator("svg.flowchart-svg");
    expect(await svg.count()).toBe(1);
    for (const state of proposalStates) {
      // Named by its visible words (WCAG 2.5.3).
      const box = svg.getByRole("link", {
        name: `${label(state)} ${countText(counts[state] ?? 0)}`,
        exact: true,
      });
      expect(await box.getAttribute("href")).toBe(`/innspill?status=${state}`);
    }
    // Lanes carry today's body names from the organisation data.
    const lanes = await svg.locator(".fc-lane-name").allTextContents();
    expect(lanes.join(" | ")).toContain(names.committee);
    expect(lanes.join(" | ")).toContain(names.board);
    // Every action name is drawn on its arrow, or in the one note that stands for many arrows.
    const edgeLabels = (await svg.locator(".fc-edge-label, .fc-note").allTextContents()).map((s) =>
      s.replace(/\s+/g, ""),
    );
    for (const edge of processGraph().edges) {
      if (edge.event === "WITHDRAW") {
        expect(edgeLabels.some((l) => l.includes("«Trekkinnspillet»"))).toBe(true);
        continue;
      }
      expect(edgeLabels, edge.id).toContain(bodyText(eventLabel(edge.event), names).replace(/\s+/g, ""));
    }
    expect(await page.locator(".react-flow").count()).toBe(0);

    await expectTextVersion(page);
    await expectNoAxeViolationsWithoutScripts(browser, page, server.url);
    await context.close();
  });

  it("a click on a state opens the list filtered to that state", async () => {
    const { context, page } = await openPage(false, "koordinator@innspill.test");
    await page.goto(`${server.url}/prosess`);
    await page.locator(`svg.flowchart-svg a[href="/innspill?status=groupReview"]`).click();
    await page.waitForURL(/\/innspill\?status=groupReview$/);
    expect(await page.getByLabel("Status").inputValue()).toBe("groupReview");
    expect(await page.getByText(`${counts.groupReview ?? 0} innspill`, { exact: true }).count()).toBe(1);
    await context.close();
  });
});

describe("/prosess with JavaScript", () => {
  it("replaces the SVG with the zoomable React Flow chart, loaded only on this page", async () => {
    const { context, page, requests } = await openPage(true, "koordinator@innspill.test");
    await page.goto(`${server.url}/innspill`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(requests.filter((u) => /\/process-flow(chart)?-[\w-]+\.js$/.test(u))).toEqual([]);

    // The server inserts the drawing it kept; the browser hydrates it: a mismatch would be a React error.
    const errors: string[] = [];
    page.on("console", (m) => (m.type() === "error" ? errors.push(m.text()) : undefined));
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}/prosess`);
    await page.locator(".react-flow .fc-flow-node").first().waitFor();
    expect(errors).toEqual([]);
    expect(requests.filter((u) => /\/process-flow-[\w-]+\.js$/.test(u))).toHaveLength(1);
    expect(await page.locator("svg.flowchart-svg").count()).toBe(0);
    for (const state of proposalStates) {
      const node = page
        .locator(".react-flow")
        .getByRole("link", { name: `${label(state)} ${countText(counts[state] ?? 0)}`, exact: true });
      expect(await node.getAttribute("href")).toBe(`/innspill?status=${state}`);
    }
    expect(await page.getByRole("button", { name: "Zoom inn" }).count()).toBe(1);

    await expectTextVersion(page);
    await expectNoAxeViolations(page);

    await page.locator(`.react-flow a[href="/innspill?status=submitted"]`).click();
    await page.waitForURL(/\/innspill\?status=submitted$/);
    expect(await page.getByLabel("Status").inputValue()).toBe("submitted");
    expect(await page.getByText(`${counts.submitted ?? 0} innspill`, { exact: true }).count()).toBe(1);
    await context.close();
  });

  it("falls back to the server's SVG when React Flow cannot load, and axe finds nothing in it", async () => {
    const { context, page } = await openPage(true);
    await page.route(/\/process-flow-[\w-]+\.js$/, (route) => route.abort());
    const failed = page.waitForEvent("requestfailed", (r) => /\/process-flow-[\w-]+\.js$/.test(r.url()));
    await page.goto(`${server.url}/prosess`);
    await failed;
    await page.waitForTimeout(300);
    await page.locator("svg.flowchart-svg").waitFor();
    expect(await page.locator(".react-flow").count()).toBe(0);
    expect(await page.locator("svg.flowchart-svg a.fc-node").count()).toBe(proposalStates.length);
    await expectNoAxeViolations(page);
    await context.close();
  });

  it("is open to anonymous visitors, with the counts, and sends them to log in from a state", async () => {
    const { context, page } = await openPage(true);
    await page.goto(`${server.url}/prosess`);
    await page.locator(".react-flow .fc-flow-node").first().waitFor();
    await expectTextVersion(page);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: `Se innspillene med status «${label("approved")}»` }).click();
    await page.waitForURL(/\/logg-inn\?redirectTo=/);
    await context.close();
  });
});
