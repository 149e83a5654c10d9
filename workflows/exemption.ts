/**
 * Exemption from public access (offentleglova § 13 and others) as a rule of the records: which
 * exemption a new case of the same matter follows. Who may read an exempt case is a policy
 * (`maySeeExemptCases` in policy.ts). Pure.
 */

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
