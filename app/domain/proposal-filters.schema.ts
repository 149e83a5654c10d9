import { z } from "zod";
import { filterParams, sortValues, statusSets, type ProposalListFilters } from "./proposal-filters";

/** The proposal list's query string parsed (server side; the keys and the way back are in proposal-filters.ts). */

const P = filterParams;

/** The query string as sent. Unknown or malformed values are dropped rather than refused: a list link never breaks. */
const querySchema = z.object({
  [P.q]: z.string().trim().max(200).optional().catch(undefined),
  [P.status]: z.string().max(40).optional().catch(undefined),
  [P.groupId]: z.coerce.number().int().positive().optional().catch(undefined),
  [P.municipality]: z.string().trim().max(100).optional().catch(undefined),
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
    municipality: query[P.municipality],
    year: query[P.year],
    mineOnly: query[P.mineOnly] === "1" ? true : undefined,
    sort: sort ? sortValues[sort] : undefined,
    page: query[P.page],
  };
}
