import { z } from "zod";

/** The list's query string. Unknown or malformed values are dropped rather than refused: a list link never breaks. */
export const proposalFiltersSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z.string().max(40).optional().catch(undefined),
  gruppe: z.coerce.number().int().positive().optional().catch(undefined),
  kommune: z.coerce.number().int().positive().optional().catch(undefined),
  aar: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  mine: z.enum(["1"]).optional().catch(undefined),
  sorter: z.enum(["nyeste", "eldste"]).optional().catch(undefined),
  side: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export type ProposalFiltersQuery = z.infer<typeof proposalFiltersSchema>;

export function parseProposalFilters(url: URL): ProposalFiltersQuery {
  const raw = Object.fromEntries([...url.searchParams.entries()].filter(([, v]) => v !== ""));
  return proposalFiltersSchema.parse(raw);
}
