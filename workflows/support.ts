/**
 * Who may support a proposal ("Dette gjelder også oss"): anyone who may see it, once, and not
 * their own proposal or a draft. Pure; the command asks this before writing.
 */
export type SupportRefusal = "draft" | "own" | "twice";

export function supportRefusal(
  proposal: { state: string; authorId: number },
  userId: number,
  alreadySupported: boolean,
): SupportRefusal | null {
  if (proposal.state === "draft") return "draft";
  if (proposal.authorId === userId) return "own";
  if (alreadySupported) return "twice";
  return null;
}

/** Whether the page should offer the support button at all. */
export function maySupport(
  proposal: { state: string; authorId: number },
  userId: number,
  alreadySupported: boolean,
) {
  return supportRefusal(proposal, userId, alreadySupported) === null;
}
