import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { processGraph } from "#workflows/proposal.graph";
import { flowchartLayout } from "~/server/flowchart.server";
import { KeptMarkup, KeptMarkupProvider } from "./document-context";
import { ProcessFlowchartSvg } from "./process-flowchart";
import { ProcessTextVersion } from "./process-text-version";

const names = { committee: "Bestillerutvalget", board: "Styret" };

/** What the browser renders (and hydrates) is what the server inserts from the kept markup. */
function expectKeptAsRendered(element: ReactElement) {
  const kept = renderToString(element);
  const rendered = renderToString(<KeptMarkup id="kept">{element}</KeptMarkup>);
  const inserted = renderToString(
    <KeptMarkupProvider value={{ kept }}>
      <KeptMarkup id="kept">{element}</KeptMarkup>
    </KeptMarkupProvider>,
  );
  expect(inserted).toBe(rendered);
  return kept;
}

describe("/prosess's drawing and text version, kept by the server", () => {
  it("insert the same markup the browser renders from the loader data, so it hydrates", async () => {
    const layout = await flowchartLayout(names);
    const graph = processGraph();
    const states = graph.nodes.map((n, i) => ({
      id: n.id,
      label: n.id,
      lane: n.lane,
      final: n.final,
      count: i * 7,
      href: `/innspill?status=${n.id}`,
      now: `Nå ${n.id}`,
      whoActs: n.final ? null : "Noen",
      ways: graph.edges
        .filter((e) => e.from === n.id)
        .map((e) => ({
          id: e.id,
          label: e.id,
          to: e.to,
          toLabel: e.to,
          who: "Noen",
          needs: "",
          inMeeting: e.inMeeting !== null,
          selfLoop: e.selfLoop,
        })),
    }));
    const edges = graph.edges.map((e) => ({ id: e.id, from: e.from, to: e.to, label: e.id }));
    const chart = expectKeptAsRendered(
      <ProcessFlowchartSvg layout={layout} states={states} edges={edges} labelledBy="name" />,
    );
    expect(chart).toContain('<a href="/innspill?status=submitted"');
    const text = expectKeptAsRendered(<ProcessTextVersion states={states} />);
    expect(text).toContain('<li id="steg-submitted">');
  });
});
