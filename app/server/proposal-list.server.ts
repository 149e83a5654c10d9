import type { ProposalFilters } from "#db/repositories/proposal.repository";
import { finalStates, proposalStates } from "#workflows/proposal.machine";
import type { ProposalFiltersQuery } from "~/domain/proposal-filters";

/**
 * "avsluttet" selects every closed outcome at once; "aktive" every open state past the draft.
 */
export function statesFor(status: string | undefined): string[] | undefined {
  if (!status) return undefined;
  if (status === "avsluttet") return finalStates.filter((s) => s !== "completed");
  if (status === "aktive") return proposalStates.filter((s) => s !== "draft" && !finalStates.includes(s));
  return (proposalStates as string[]).includes(status) ? [status] : undefined;
}

/** The repository's filters for the list's query string, as the list page applies them. */
export function listFilters(f: ProposalFiltersQuery, viewerId: number): ProposalFilters {
  return {
    viewerId,
    q: f.q,
    states: statesFor(f.status),
    groupId: f.gruppe,
    municipalityId: f.kommune,
    year: f.aar,
    authorId: f.mine ? viewerId : undefined,
    sort: f.sorter === "eldste" ? "oldest" : "newest",
    page: f.side,
  };
}
