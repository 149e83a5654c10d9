import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processDrawing } from "#workflows/proposal.graph";
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutScripts,
  launchBrowser,
} from "../support/browser";
import { countCrossings, type Pt } from "../support/geometry";
import { startServer, type TestServer } from "../support/server";

/**
 * The flowchart reads like the process: the main path is one straight line, what leaves it sits
 * beside the step it leaves, withdrawing is one note, no arrow crosses the main path, and the
 * whole chart is in view on load at a desktop's and a phone's width, with and without JavaScript.
 */

let server: TestServer;
let browser: Browser;
const drawing = processDrawing();
const mainEdges = new Set(
  drawing.edges
    .filter(
      (e) =>
        drawing.mainPath.includes(e.from) &&
        drawing.mainPath.indexOf(e.to) === drawing.mainPath.indexOf(e.from) + 1,
    )
    .map((e) => e.id),
);
/** Crossings allowed among the other arrows (returns, shortcuts, exits). */
const crossingCeiling = 4;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ seed: true }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const viewports = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
] as const;

type Rect = { x: number; y: number; width: number; height: number };

/** Each state's box on screen, by state id (from the link's href). */
async function stateBoxes(page: Page, selector: string): Promise<Record<string, Rect>> {
  return page.$$eval(selector, (links) =>
    Object.fromEntries(
      links.map((a) => {
        const r = a.getBoundingClientRect();
        const href = a.getAttribute("href") ?? "";
        return [href.replace(/.*status=/, ""), { x: r.x, y: r.y, width: r.width, height: r.height }];
      }),
    ),
  );
}

function expectStraightMainPathWithSideStatesBeside(boxes: Record<string, Rect>) {
  const centre = (id: string) => boxes[id]!.x + boxes[id]!.width / 2;
  const [first, ...rest] = drawing.mainPath;
  for (const id of rest) expect(Math.abs(centre(id) - centre(first!)), id).toBeLessThan(1.5);
  for (let i = 1; i < drawing.mainPath.length; i++)
    expect(boxes[drawing.mainPath[i]!]!.y).toBeGreaterThan(boxes[drawing.mainPath[i - 1]!]!.y);
  for (const [state, anchor] of Object.entries(drawing.anchor)) {
    if (state === anchor) continue;
    const at = drawing.mainPath.indexOf(anchor);
    const next = boxes[drawing.mainPath[at + 1]!]!;
    expect(boxes[state]!.y, state).toBeGreaterThan(boxes[anchor]!.y);
    expect(boxes[state]!.y, state).toBeLessThan(next.y);
  }
}

for (const viewport of viewports) {
  describe(`/prosess at ${viewport.width} px`, () => {
    it("without JavaScript: the whole chart fits the width, the main path is a straight line, no arrow crosses it", async () => {
      const context = await browser.newContext({ viewport, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${server.url}/prosess`);
      const svg = page.locator("svg.flowchart-svg");
      const box = (await svg.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      const boxes = await stateBoxes(page, "svg.flowchart-svg a.fc-node");
      for (const [id, b] of Object.entries(boxes)) {
        expect(b.x, id).toBeGreaterThanOrEqual(box.x - 0.5);
        expect(b.x + b.width, id).toBeLessThanOrEqual(box.x + box.width + 0.5);
      }
      expectStraightMainPathWithSideStatesBeside(boxes);

      // The arrows as drawn: one path per arrow, its points read from the path data.
      const routes: Record<string, Pt[]> = await page.$$eval("svg.flowchart-svg path.fc-edge", (paths) =>
        Object.fromEntries(
          paths.map((p) => [
            p.getAttribute("data-edge")!,
            [...(p.getAttribute("d") ?? "").matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => ({
              x: Number(m[1]),
              y: Number(m[2]),
            })),
          ]),
        ),
      );
      for (const id of mainEdges) expect(routes[id], id).toBeDefined();
      const crossings = countCrossings(routes, mainEdges);
      expect(crossings.onSpecial, crossings.pairs.join("; ")).toBe(0);
      expect(crossings.total, crossings.pairs.join("; ")).toBeLessThanOrEqual(crossingCeiling);

      // Withdrawing is one note, not an arrow from every step.
      expect(Object.keys(routes).filter((id) => id.endsWith(".WITHDRAW"))).toEqual([]);
      const notes = await svg.locator(".fc-note").allTextContents();
      expect(notes).toHaveLength(1);
      expect(notes[0]).toContain("«Trekk innspillet»");

      await expectNoAxeViolationsWithoutScripts(browser, page, server.url);
      await context.close();
    });

    it("with JavaScript: React Flow shows the whole chart on load, inside the page's width", async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(`${server.url}/prosess`);
      await page.locator(".react-flow .fc-flow-node").first().waitFor();
      // fitView runs once the nodes are measured.
      await page.waitForFunction(() => {
        const viewportEl = document.querySelector(".react-flow__viewport");
        return viewportEl && !/scale\(1\)/.test((viewportEl as HTMLElement).style.transform);
      });
      const frame = (await page.locator(".flowchart-flow").boundingBox())!;
      expect(frame.x + frame.width).toBeLessThanOrEqual(viewport.width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      const boxes = await stateBoxes(page, ".react-flow a.fc-flow-node");
      expect(Object.keys(boxes)).toHaveLength(14);
      for (const [id, b] of Object.entries(boxes)) {
        expect(b.x, id).toBeGreaterThanOrEqual(frame.x - 0.5);
        expect(b.y, id).toBeGreaterThanOrEqual(frame.y - 0.5);
        expect(b.x + b.width, id).toBeLessThanOrEqual(frame.x + frame.width + 0.5);
        expect(b.y + b.height, id).toBeLessThanOrEqual(frame.y + frame.height + 0.5);
      }
      expectStraightMainPathWithSideStatesBeside(boxes);
      expect(await page.locator(".fc-flow-note").count()).toBe(1);
      await expectNoAxeViolations(page);
      await context.close();
    });
  });
}
