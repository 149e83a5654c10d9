import { z } from "zod";
import type { ReportBlock } from "~/domain/report-document";

/**
 * The annual report on its page, proportionate to a national year (decision 022): a long
 * specialist field (2.2.3.x) shows its first entries and a link to see them all, page by page.
 * The page's hydration data carries only what the page shows; the DOCX, Markdown and CSV
 * downloads stay complete. A year of the demo's size (a few entries per field) is unchanged.
 */
export const reportPageLimits = {
  /** Entries a field shows before "vis alle". */
  entriesPerField: 10,
  /** Entries per page when one field is opened. */
  entriesPerPage: 50,
} as const;

/** What follows a field's shown entries: how many there are, and where the rest is. */
export type ReportPagingBlock =
  | { kind: "more"; number: string; field: string; shown: number; total: number }
  | { kind: "pages"; number: string; field: string; page: number; pages: number };

export type ReportPageBlock = ReportBlock | ReportPagingBlock;

export interface ReportPageQuery {
  /** The opened field's heading number ("2.2.3.4"), or null. */
  field: string | null;
  page: number;
}

/** `?felt=2.2.3.4&side=2`; anything else means the summary view (a bad value is no error). */
const querySchema = z.object({
  felt: z
    .string()
    .regex(/^\d{1,2}(\.\d{1,3}){0,4}$/)
    .nullable()
    .catch(null),
  side: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function parseReportPageQuery(url: URL): ReportPageQuery {
  const q = querySchema.parse({
    felt: url.searchParams.get("felt"),
    side: url.searchParams.get("side") ?? 1,
  });
  return { field: q.felt, page: q.side };
}

/** The blocks the page shows: each run of entries bounded, after its heading. */
export function reportPageBlocks(blocks: readonly ReportBlock[], query: ReportPageQuery): ReportPageBlock[] {
  const out: ReportPageBlock[] = [];
  let heading: { number: string; text: string } | null = null;
  let i = 0;
  while (i < blocks.length) {
    const b = blocks[i]!;
    if (b.kind !== "entry") {
      if (b.kind === "heading") heading = { number: b.number, text: b.text };
      out.push(b);
      i++;
      continue;
    }
    let end = i;
    while (end < blocks.length && blocks[end]!.kind === "entry") end++;
    const run = blocks.slice(i, end);
    const number = heading?.number ?? "";
    const field = heading?.text ?? "";
    const { entriesPerField, entriesPerPage } = reportPageLimits;
    if (query.field !== null && query.field === number) {
      const pages = Math.max(1, Math.ceil(run.length / entriesPerPage));
      const page = Math.min(query.page, pages);
      out.push(...run.slice((page - 1) * entriesPerPage, page * entriesPerPage));
      out.push({ kind: "pages", number, field, page, pages });
    } else if (run.length > entriesPerField) {
      out.push(...run.slice(0, entriesPerField));
      out.push({ kind: "more", number, field, shown: entriesPerField, total: run.length });
    } else {
      out.push(...run);
    }
    i = end;
  }
  return out;
}
