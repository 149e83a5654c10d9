/**
 * The annual report's approval (the report's chapter 7 "Godkjenning"): once marked final, each
 * member municipality approves it through its chief executive, who sits on the board for it.
 * Pure.
 */

export type ReportApprovalDecision =
  | { ok: true; municipalityId: number }
  | { ok: false; why: "notFinal" | "notChiefExecutive" | "alreadyApproved" };

/**
 * Whether a user may approve the year's final report, and for which municipality: a board member
 * who represents a member municipality, once for that municipality.
 */
export function decideReportApproval(
  status: "draft" | "final" | null,
  memberMunicipalityIds: readonly number[],
  approvedMunicipalityIds: readonly number[],
  boardSeatMunicipalityId: number | null,
): ReportApprovalDecision {
  if (status !== "final") return { ok: false, why: "notFinal" };
  if (boardSeatMunicipalityId === null || !memberMunicipalityIds.includes(boardSeatMunicipalityId))
    return { ok: false, why: "notChiefExecutive" };
  if (approvedMunicipalityIds.includes(boardSeatMunicipalityId)) return { ok: false, why: "alreadyApproved" };
  return { ok: true, municipalityId: boardSeatMunicipalityId };
}
