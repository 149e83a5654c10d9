import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { processDiagram } from "~/server/flowchart.server";
import { ProcessDiagram } from "./process-diagram";

const names = { committee: "Bestillerutvalget", board: "Styret" };

/** The rendered SVG as a DOM-free string, split per node group for simple assertions. */
function nodeMarkup(html: string, state: string): string {
  const start = html.indexOf(`data-state="${state}"`);
  expect(start, state).toBeGreaterThan(-1);
  return html.slice(html.lastIndexOf("<g", start), html.indexOf("</g>", start));
}

describe("<ProcessDiagram>", () => {
  it("marks the current state with a thick border and words, visited states with a tick, and the steps taken", async () => {
    const data = await processDiagram(
      "committeeReview",
      ["draft", "submitted", "groupReview", "awaitingSubmitter", "groupReview", "committeeReview"],
      names,
    );
    const html = renderToStaticMarkup(<ProcessDiagram {...data} />);

    const current = nodeMarkup(html, "committeeReview");
    expect(current).toContain('class="pd-node current"');
    expect(current).toContain("Her er innspillet nå");

    for (const state of ["draft", "submitted", "groupReview", "awaitingSubmitter"]) {
      const node = nodeMarkup(html, state);
      expect(node).toContain('class="pd-node visited"');
      expect(node).toContain("✓ Innom");
    }
    const untouched = nodeMarkup(html, "boardReview");
    expect(untouched).toContain('class="pd-node"');
    expect(untouched).not.toContain("Innom");
    expect(untouched).not.toContain("Her er");

    // Five steps taken: submit, assign, ask, answer, recommend. The rest dashed.
    expect(html.match(/class="pd-edge visited"/g)).toHaveLength(5);
    // 28 transitions; the five "withdraw" are one note (with its own dashed line), five were taken.
    expect(html.match(/class="pd-edge"/g)).toHaveLength(28 - 5 - 5 + 1);

    // Named and described for assistive technology, and the same said in the visible caption.
    expect(html).toMatch(
      /<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+-title"[^>]*aria-describedby="[^"]+-caption"/,
    );
    expect(html).toContain("<title");
    expect(html).toContain("Innspillets vei gjennom prosessen");
    expect(html).toContain(
      "Innspillet er nå i steget «Til behandling i bestillerutvalget». Veien så langt: Utkast → Mottatt → Til vurdering i faggruppe → Venter på innsender → Til vurdering i faggruppe → Til behandling i bestillerutvalget.",
    );
  });

  it("describes a proposal that has just been written", async () => {
    const data = await processDiagram("draft", [], names);
    const html = renderToStaticMarkup(<ProcessDiagram {...data} />);
    expect(html).toContain("Innspillet er nå i steget «Utkast».");
    expect(html).not.toContain("pd-edge visited");
  });
});
