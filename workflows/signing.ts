import type { SigningRule } from "../db/schema";

/**
 * Who signs a meeting's protocol (kommuneloven § 11-4), by the body's rule in the organisation
 * data. Pure.
 */

export type { SigningRule };

/** The rule when the organisation data sets none: the board's members present sign; the committee's chair and one member; a group's leader. */
export function signingRuleOf(kind: "group" | "committee" | "board", rule: SigningRule | null): SigningRule {
  if (rule) return rule;
  if (kind === "board") return "allPresent";
  if (kind === "committee") return "chairAndOne";
  return "chair";
}

/** How many members besides the chair the meeting chooses to sign. */
export function chosenMemberCount(rule: SigningRule): number {
  return rule === "chairAndOne" ? 1 : rule === "chairAndTwo" ? 2 : 0;
}
