/**
 * Exemption from public access (offentleglova § 13 and others) as a rule of the records: who
 * may read an exempt case, and which exemption a new case of the same matter follows. Pure.
 */

/** Someone reading a record; null when nobody is logged in. */
export interface ExemptReader {
  userId: number;
  isAdmin: boolean;
}

/**
 * Whether a reader may read the exempt cases of a body, decided on the day of reading: admins,
 * and whoever is a member of the body that day in any role (its secretary included). A member
 * whose membership has ended has lost access; being a coordinator gives none by itself.
 */
export function mayReadExempt(reader: ExemptReader | null, bodyMemberIdsToday: readonly number[]): boolean {
  if (!reader) return false;
  return reader.isAdmin || bodyMemberIdsToday.includes(reader.userId);
}

/** An earlier case of the same matter (a proposal, or the case a deferred case continues). */
export interface EarlierCase {
  id: number;
  exempt: number;
  exempt_basis: string | null;
  /** Set when an exemption the case would have followed was lifted, with a reason. */
  exempt_lifted_reason: string | null;
}

/**
 * The exemption a new case of a matter follows: that of the latest earlier case, if it is exempt.
 * A case whose exemption was lifted (with a reason) ends the chain; cases are given oldest first.
 */
export function followedExemption(earlier: readonly EarlierCase[]): { itemId: number; basis: string } | null {
  for (let i = earlier.length - 1; i >= 0; i -= 1) {
    const item = earlier[i]!;
    if (item.exempt === 1 && item.exempt_basis) return { itemId: item.id, basis: item.exempt_basis };
    if (item.exempt_lifted_reason) return null;
  }
  return null;
}
