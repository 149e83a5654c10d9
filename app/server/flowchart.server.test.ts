import { describe, expect, it } from "vitest";
import { processDrawing, processGraph, processVersion } from "#workflows/proposal.graph";
import { flowchartLayout, processDiagram, wrapText, type Box } from "./flowchart.server";

const names2021 = { committee: "Bestillerutvalget", board: "Styret" };
const namesLater = { committee: "Porteføljerådet", board: "Samarbeidsrådet" };

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("flowchartLayout (ELK on the server)", () => {
  it("places every state once, without overlaps, inside the band of the main step it belongs to", async () => {
    const layout = await flowchartLayout(names2021);
    const graph = processGraph();
    const { anchor } = processDrawing();
    expect(Object.keys(layout.nodes).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    const boxes = [...Object.values(layout.nodes), ...Object.values(layout.notes)];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
    for (const node of graph.nodes) {
      const step = layout.nodes[anchor[node.id]]!;
      const lane = layout.lanes.find((l) => l.y <= step.y && step.y < l.y + l.height)!;
      expect(lane.lane, node.id).toBe(graph.nodes.find((n) => n.id === anchor[node.id])!.lane);
      const box = layout.nodes[node.id]!;
      expect(box.y, node.id).toBeGreaterThanOrEqual(lane.y);
      expect(box.y + box.height, node.id).toBeLessThanOrEqual(lane.y + lane.height);
      expect(box.x).toBeGreaterThanOrEqual(layout.laneHeaderWidth);
    }
  });

  it("stacks a band per lane the main path passes, in its order, tiling the drawing", async () => {
    const layout = await flowchartLayout(names2021);
    expect(layout.lanes.map((l) => l.lane)).toEqual([
      "submitter",
      "rorikt",
      "group",
      "committee",
      "board",
      "rorikt",
    ]);
    expect(layout.lanes[0]!.y).toBe(0);
    for (let i = 1; i < layout.lanes.length; i++) {
      const above = layout.lanes[i - 1]!;
      expect(layout.lanes[i]!.y).toBeCloseTo(above.y + above.height);
    }
    expect(layout.lanes.map((l) => l.name)).toEqual([
      "Innsender",
      "ROR-IKT",
      "Faggruppe",
      "Bestillerutvalget",
      "Styret",
      "ROR-IKT",
    ]);
  });

  it("routes every edge but withdrawing (one note), self-loops included, with its label placed", async () => {
    const layout = await flowchartLayout(names2021);
    expect(Object.values(layout.notes).map((n) => n.lines.join(" "))).toEqual([
      "Innsenderen kan velge «Trekk innspillet» i alle steg fra «Mottatt» til og med «Til behandling i styret».",
    ]);
    for (const edge of processGraph().edges) {
      if (edge.event === "WITHDRAW") {
        expect(layout.edges[edge.id], edge.id).toBeUndefined();
        continue;
      }
      const route = layout.edges[edge.id];
      expect(route?.points.length, edge.id).toBeGreaterThanOrEqual(2);
      expect(route?.label?.lines.join(" "), edge.id).toBeTruthy();
    }
    expect(layout.edges["committeeReview.COMMITTEE_RECOMMEND"]!.label!.lines.join(" ")).toBe(
      "Innstill til styret",
    );
  });

  it("is laid out once per process version and set of names, not per request", async () => {
    expect(processVersion()).toMatch(/^[0-9a-f]{8}$/);
    // The same promise, so ELK ran once: a second request waits for nothing and computes nothing.
    expect(flowchartLayout(names2021)).toBe(flowchartLayout(names2021));
    expect(flowchartLayout(namesLater)).not.toBe(flowchartLayout(names2021));
  });

  it("follows the organisation's names: a renamed committee shows its new name", async () => {
    const layout = await flowchartLayout(namesLater);
    expect(layout.lanes.map((l) => l.name)).toContain("Porteføljerådet");
    expect(layout.nodes.committeeReview!.lines.join(" ")).toBe("Til behandling i porteføljerådet");
    expect(layout.edges["boardReview.BOARD_RETURN"]!.label!.lines.join(" ")).toBe(
      "Send tilbake til porteføljerådet",
    );
  });
});

describe("processDiagram", () => {
  it("gives the compact layout (no edge labels), the current state and the path it took", async () => {
    const data = await processDiagram(
      "awaitingSubmitter",
      ["draft", "submitted", "groupReview", "CREATE?"],
      names2021,
    );
    expect(data.current).toBe("awaitingSubmitter");
    expect(data.path).toEqual(["draft", "submitted", "groupReview", "awaitingSubmitter"]);
    expect(data.nodes.find((n) => n.id === "committeeReview")!.label).toBe(
      "Til behandling i bestillerutvalget",
    );
    expect(Object.values(data.positions.edges).every((e) => e.label === null)).toBe(true);
    expect(Object.keys(data.positions.nodes)).toHaveLength(14);
    expect(data.edges).toHaveLength(28);
  });

  it("labels every edge with its event's Norwegian action name, the bodies' names filled in", async () => {
    const { edges } = await processDiagram("draft", [], names2021);
    for (const edge of edges) {
      const event = edge.id.split(".")[1]!;
      expect(edge.label.trim(), edge.id).not.toBe("");
      // Words a user reads, not the event's code name nor an unfilled placeholder.
      expect(edge.label, edge.id).not.toMatch(/[A-Z]{2,}_|^[A-Z_]+$|\{/);
      expect(edge.label, edge.id).not.toContain(event);
    }
    const label = (id: string) => edges.find((e) => e.id === id)!.label;
    expect(label("draft.SUBMIT")).toBe("Send inn");
    expect(label("groupReview.RECOMMEND")).toBe("Anbefal til bestillerutvalget");
    expect(label("boardReview.BOARD_RETURN")).toBe("Send tilbake til bestillerutvalget");
  });
});

describe("wrapText", () => {
  it("breaks at spaces within the width, and keeps a long word whole", () => {
    expect(wrapText("Til behandling i bestillerutvalget", 24)).toEqual([
      "Til behandling i",
      "bestillerutvalget",
    ]);
    expect(wrapText("Kort", 24)).toEqual(["Kort"]);
    expect(wrapText("Samarbeidsrådetsforlengelse", 10)).toEqual(["Samarbeidsrådetsforlengelse"]);
  });
});
