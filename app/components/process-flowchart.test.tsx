import { renderToStaticMarkup, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { processGraph } from "#workflows/proposal.graph";
import { flowchartLayout } from "~/server/flowchart.server";
import { KeptMarkup, KeptMarkupProvider } from "./document-context";
import { ProcessFlowchartSvg } from "./process-flowchart";

const names = { committee: "Bestillerutvalget", board: "Styret" };

describe("<ProcessFlowchartSvg> kept by the server (/prosess)", () => {
  it("is the same markup kept (renderToStaticMarkup) as rendered for hydration, so the browser can hydrate it", async () => {
    const layout = await flowchartLayout(names);
    const states = processGraph().nodes.map((n, i) => ({
      id: n.id,
      label: n.id,
      lane: n.lane,
      final: n.final,
      count: i * 7,
      href: `/innspill?status=${n.id}`,
    }));
    const edges = processGraph().edges.map((e) => ({ id: e.id, from: e.from, to: e.to, label: e.id }));
    const chart = <ProcessFlowchartSvg layout={layout} states={states} edges={edges} labelledBy="name" />;
    const kept = renderToStaticMarkup(chart);
    // renderToString marks text nodes side by side with comments: the kept markup has none, so the
    // DOM the browser hydrates is the one React would have streamed.
    expect(renderToString(chart)).toBe(kept);

    const rendered = renderToString(<KeptMarkup id="chart">{chart}</KeptMarkup>);
    const inserted = renderToString(
      <KeptMarkupProvider value={{ chart: kept }}>
        <KeptMarkup id="chart">{chart}</KeptMarkup>
      </KeptMarkupProvider>,
    );
    expect(inserted).toBe(rendered);
    expect(inserted).toContain('<a href="/innspill?status=submitted"');
  });
});
