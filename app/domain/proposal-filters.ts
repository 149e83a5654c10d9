/**
 * The proposal list's filters. The query string keeps its Norwegian keys and values (the URLs
 * people share: `?gruppe=3&aar=2021&sorter=eldste`); the code uses the English names. This file
 * is the one mapping between them, in both directions. It imports no zod: the list page's
 * browser code needs the keys, and zod would add about 30 kB (gzip) to it; the parsing is in
 * proposal-filters.schema.ts.
 */

/** English field → the query-string key it travels under. */
export const filterParams = {
  q: "q",
  status: "status",
  groupId: "gruppe",
  municipality: "kommune",
  year: "aar",
  mineOnly: "mine",
  sort: "sorter",
  page: "side",
} as const;

/** Status values that name a set of states rather than one state. */
export const statusSets = { aktive: "open", avsluttet: "closed" } as const;
export const sortValues = { nyeste: "newest", eldste: "oldest" } as const;

export type StatusFilter = "open" | "closed" | (string & {});

export interface ProposalListFilters {
  q?: string;
  /** A state name, or "open" (every state under handling) or "closed" (every closed outcome). */
  status?: StatusFilter;
  groupId?: number;
  /** A municipality as typed in the search field (a name or part of one), or its id (older links). */
  municipality?: string;
  year?: number;
  mineOnly?: boolean;
  sort?: "newest" | "oldest";
  page?: number;
}

const P = filterParams;
const statusParam = Object.fromEntries(Object.entries(statusSets).map(([k, v]) => [v, k]));
const sortParam = Object.fromEntries(Object.entries(sortValues).map(([k, v]) => [v, k]));

/** The filters back as the query string's keys and values (for the form's defaults and the links). */
export function filtersQuery(f: ProposalListFilters): Record<string, string> {
  const values: Record<keyof ProposalListFilters, string | undefined> = {
    q: f.q,
    status: f.status ? (statusParam[f.status] ?? f.status) : undefined,
    groupId: f.groupId?.toString(),
    municipality: f.municipality,
    year: f.year?.toString(),
    mineOnly: f.mineOnly ? "1" : undefined,
    sort: f.sort ? sortParam[f.sort] : undefined,
    page: f.page?.toString(),
  };
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [P[k as keyof ProposalListFilters], v as string]),
  );
}
