import type { MeetingPageData } from "~/server/meetings/page.server";

/**
 * Which of the meeting page's forms a post came from: its intent, with the case for per-case
 * forms and the kind for the two "add a case" forms. Both the action (to name the form in its
 * reply) and the page (to find the form) use it.
 */
export function formKey(values: Record<string, unknown>): string {
  const intent = String(values.intent ?? "");
  if (intent === "addCase") return `addCase-${String(values.kind ?? "")}`;
  return values.itemId ? `${intent}-${String(values.itemId)}` : intent;
}

/** The forms the page shows now, by key: a reply for any other is shown at the top of the page. */
export function meetingFormKeys(page: MeetingPageData): ReadonlySet<string> {
  const a = page.actions;
  const keys = new Set<string>();
  if (a.publishNotice || a.publishNoticeBlocked) keys.add("publishNotice");
  if (a.approveProtocol || a.approveProtocolBlocked) keys.add("approveProtocol");
  if (a.publishProtocol) keys.add("publishProtocol");
  if (page.signing.maySign) keys.add("sign");
  if (a.cancel) keys.add("cancel");
  if (a.addAddendum) keys.add("addendum");
  if (a.addCase) {
    keys.add("addCase-other");
    if (page.takesProposals && page.waiting.length > 0) keys.add("addCase-proposal");
  }
  if (a.recordAttendance) keys.add("attendance");
  for (const c of page.cases) {
    if (c.mayRemove) keys.add(`removeCase-${c.id}`);
    if (c.mayDeclareConflict && c.conflictCandidateIds.length > 0) keys.add(`conflict-${c.id}`);
    if (c.mayDecide) keys.add(`decision-${c.id}`);
  }
  return keys;
}
