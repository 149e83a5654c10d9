/**
 * Who signs a meeting's protocol (kommuneloven § 11-4), by the body's rule in the organisation
 * data. Pure.
 */

/** Who signs a body's protocols: the chair alone, the chair and one or two members chosen in the meeting, or every member present. */
export type SigningRule = "chair" | "chairAndOne" | "chairAndTwo" | "allPresent";

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

/** Someone in the meeting as signing cares: present (in person or as a substitute) and their role in the body. */
export interface PresentPerson {
  userId: number;
  role: string | null;
}

export type SignerChoice =
  | { ok: true; signers: { userId: number; role: "chair" | "member" }[] }
  | { ok: false; why: "noChair" | "chooseMembers" | "notPresent" | "nobodyPresent" };

/** The chair of a meeting: the body's chair, or a specialist group's leader. */
const isChair = (role: string | null) => role === "chair" || role === "leader";

/**
 * Who signs a protocol under a rule: every member present; the chair alone; or the chair and the
 * members the meeting chose (exactly as many as the rule says, present, not the chair).
 * The secretary keeps the minutes and signs only under "all present" if they were at the table as a member.
 */
export function signersFor(
  rule: SigningRule,
  present: readonly PresentPerson[],
  chosen: readonly number[],
): SignerChoice {
  const atTable = present.filter((p) => p.role !== "secretary");
  if (atTable.length === 0) return { ok: false, why: "nobodyPresent" };
  if (rule === "allPresent")
    return {
      ok: true,
      signers: atTable.map((p) => ({ userId: p.userId, role: isChair(p.role) ? "chair" : "member" })),
    };
  const chair = atTable.find((p) => isChair(p.role));
  if (!chair) return { ok: false, why: "noChair" };
  const count = chosenMemberCount(rule);
  const picked = [...new Set(chosen)].filter((id) => id !== chair.userId);
  if (picked.length !== count) return { ok: false, why: "chooseMembers" };
  if (picked.some((id) => !atTable.some((p) => p.userId === id))) return { ok: false, why: "notPresent" };
  return {
    ok: true,
    signers: [
      { userId: chair.userId, role: "chair" },
      ...picked.map((userId) => ({ userId, role: "member" as const })),
    ],
  };
}

export interface SignerRow {
  userId: number;
  signedAt: string | null;
}

export type SignatureDecision =
  { ok: true; last: boolean } | { ok: false; why: "notApproved" | "notSigner" | "alreadySigned" | "final" };

/**
 * Whether a user may sign a protocol now: only once it is closed for signing, only a signer,
 * only once; a protocol everyone has signed is final. `last`: this signature makes it final.
 */
export function decideSignature(
  closedForSigning: boolean,
  signers: readonly SignerRow[],
  userId: number,
): SignatureDecision {
  if (!closedForSigning || signers.length === 0) return { ok: false, why: "notApproved" };
  const unsigned = signers.filter((s) => s.signedAt === null);
  if (unsigned.length === 0) return { ok: false, why: "final" };
  const mine = signers.find((s) => s.userId === userId);
  if (!mine) return { ok: false, why: "notSigner" };
  if (mine.signedAt !== null) return { ok: false, why: "alreadySigned" };
  return { ok: true, last: unsigned.length === 1 };
}

/** A protocol is final when it has signers and every one of them has signed. */
export function isFinal(signers: readonly SignerRow[]): boolean {
  return signers.length > 0 && signers.every((s) => s.signedAt !== null);
}
