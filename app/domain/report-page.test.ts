import { describe, expect, it } from "vitest";
import type { ReportBlock } from "~/domain/report-document";
import { parseReportPageQuery, reportPageBlocks, reportPageLimits } from "~/domain/report-page";

const heading = (number: string, text: string): ReportBlock => ({ kind: "heading", level: 4, number, text });
const entry = (proposalId: number): ReportBlock => ({
  kind: "entry",
  proposalId,
  title: `Tiltak ${proposalId}`,
  municipalities: "",
  state: "Gjennomført",
  text: "Tekst",
});
const ids = (blocks: ReturnType<typeof reportPageBlocks>) =>
  blocks.flatMap((b) => (b.kind === "entry" ? [b.proposalId] : []));
const summary = { field: null, page: 1 };

describe("reportPageBlocks", () => {
  const few = [
    heading("2.2.3.1", "Helse"),
    entry(1),
    entry(2),
    { kind: "paragraph", text: "Slutt" } as const,
  ];
  const many = Array.from({ length: 120 }, (_, i) => entry(i + 1));
  const big = [heading("2.2.3.1", "Helse"), ...many, heading("2.2.3.2", "Skole"), entry(500)];

  it("leaves a report of the demo's size unchanged", () => {
    expect(reportPageBlocks(few, summary)).toEqual(few);
  });

  it("shows a long field's first entries and says how many there are", () => {
    const blocks = reportPageBlocks(big, summary);
    expect(ids(blocks)).toEqual([
      ...Array.from({ length: reportPageLimits.entriesPerField }, (_, i) => i + 1),
      500,
    ]);
    expect(blocks).toContainEqual({
      kind: "more",
      number: "2.2.3.1",
      field: "Helse",
      shown: reportPageLimits.entriesPerField,
      total: 120,
    });
  });

  it("pages an opened field, the last page at most", () => {
    const per = reportPageLimits.entriesPerPage;
    const second = reportPageBlocks(big, { field: "2.2.3.1", page: 2 });
    expect(ids(second)).toEqual([...Array.from({ length: per }, (_, i) => per + i + 1), 500]);
    expect(second).toContainEqual({ kind: "pages", number: "2.2.3.1", field: "Helse", page: 2, pages: 3 });
    const past = reportPageBlocks(big, { field: "2.2.3.1", page: 99 });
    expect(ids(past)).toEqual([...Array.from({ length: 120 - 2 * per }, (_, i) => 2 * per + i + 1), 500]);
  });

  it("reads a bad query as the summary view", () => {
    const url = (q: string) => new URL(`http://x/rapport/2025${q}`);
    expect(parseReportPageQuery(url(""))).toEqual(summary);
    expect(parseReportPageQuery(url("?felt=<script>&side=-4"))).toEqual(summary);
    expect(parseReportPageQuery(url("?felt=2.2.3.1&side=3"))).toEqual({ field: "2.2.3.1", page: 3 });
  });
});
