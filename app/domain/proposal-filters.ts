import { z } from "zod";

/**
 * The proposal list's filters. The query string keeps its Norwegian keys and values (the URLs
 * people share: `?gruppe=3&aar=2021&sorter=eldste`); the code uses the English names. This file
 * is the one mapping between them, in both directions.
 */

/** English field → the query-string key it travels under. */
export const filterParams = {
  q: "q",
  status: "status",
  groupId: "gruppe",
  municipalityId: "kommune",
  year: "aar",
  mineOnly: "mine",
  sort: "sorter",
  page: "side",
} as const;

/** Status values that name a set of states rather than one state. */
const statusSets = { aktive: "open", avsluttet: "closed" } as const;
const sortValues = { nyeste: "newest", eldste: "oldest" } as const;

export type StatusFilter = "open" | "closed" | (string & {});

export interface ProposalListFilters {
  q?: string;
  /** A state name, or "open" (every state under handling) or "closed" (every closed outcome). */
  status?: StatusFilter;
  groupId?: number;
  municipalityId?: number;
  year?: number;
  mineOnly?: boolean;
  sort?: "newest" | "oldest";
  page?: number;
}

const P = filterParams;

/** The query string as sent. Unknown or malformed values are dropped rather than refused: a list link never breaks. */
const querySchema = z.object({
  [P.q]: z.string().trim().max(200).optional().catch(undefined),
  [P.status]: z.string().max(40).optional().catch(undefined),
  [P.groupId]: z.coerce.number().int().positive().optional().catch(undefined),
  [P.municipalityId]: z.coerce.number().int().positive().optional().catch(undefined),
  [P.year]: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  [P.mineOnly]: z.enum(["1"]).optional().catch(undefined),
  [P.sort]: z.enum(["nyeste", "eldste"]).optional().catch(undefined),
  [P.page]: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

/** The filters of a list or export URL, under their English names. */
export function parseProposalFilters(url: URL): ProposalListFilters {
  const raw = Object.fromEntries([...url.searchParams.entries()].filter(([, v]) => v !== ""));
  const query = querySchema.parse(raw);
  const status = query[P.status];
  const sort = query[P.sort];
  return {
    q: query[P.q],
    status: status && status in statusSets ? statusSets[status as keyof typeof statusSets] : status,
    groupId: query[P.groupId],
    municipalityId: query[P.municipalityId],
    year: query[P.year],
    mineOnly: query[P.mineOnly] === "1" ? true : undefined,
    sort: sort ? sortValues[sort] : undefined,
    page: query[P.page],
  };
}

const statusParam = Object.fromEntries(Object.entries(statusSets).map(([k, v]) => [v, k]));
const sortParam = Object.fromEntries(Object.entries(sortValues).map(([k, v]) => [v, k]));

/** The filters back as the query string's keys and values (for the form's defaults and the links). */
export function filtersQuery(f: ProposalListFilters): Record<string, string> {
  const values: Record<keyof ProposalListFilters, string | undefined> = {
    q: f.q,
    status: f.status ? (statusParam[f.status] ?? f.status) : undefined,
    groupId: f.groupId?.toString(),
    municipalityId: f.municipalityId?.toString(),
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
