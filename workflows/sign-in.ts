/**
 * The rules of signing in with an OpenID Connect issuer. Pure: the command that signs a person in
 * reads the records, asks these functions, and writes what they decide.
 */

/** Who may use a local password: everyone (the demo), only administrators (break-glass), or nobody. */
export type LocalLoginMode = "all" | "admins" | "off";

/** Whether an account may sign in with its local password under the configured mode. */
export function localLoginAllows(mode: LocalLoginMode, account: { is_admin: number }): boolean {
  if (mode === "all") return true;
  if (mode === "admins") return account.is_admin === 1;
  return false;
}

/** The ID token's claims sign-in reads (Entra's names; `sub`, `email` and `name` are standard). */
export interface SignInClaims {
  iss: string;
  sub: string;
  oid?: unknown;
  tid?: unknown;
  email?: unknown;
  email_verified?: unknown;
  preferred_username?: unknown;
  name?: unknown;
  given_name?: unknown;
  family_name?: unknown;
  [claim: string]: unknown;
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;

const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/**
 * The stable key of a person at an issuer. Entra's `oid` is the same for the person in every
 * application of the tenant; its `sub` differs per application. Other issuers give `sub`. The
 * e-mail is never the key: it can change, and it can be given to someone else.
 */
export function subjectOf(claims: SignInClaims): string {
  return text(claims.oid) ?? claims.sub;
}

/**
 * The person's e-mail, and whether the issuer vouches for it. `email_verified: true` does; an
 * issuer configured as trusted for e-mail (an organisation's own tenant, which sets the address
 * itself) does. Without an `email` claim, Entra's `preferred_username` (the sign-in name, usually
 * the address) is used, unverified unless the issuer is trusted.
 */
export function emailOf(
  claims: SignInClaims,
  issuerTrustsEmail: boolean,
): { email: string; verified: boolean } | null {
  const email = text(claims.email) ?? text(claims.preferred_username);
  if (!email || !looksLikeEmail(email)) return null;
  const verified = claims.email_verified === true || issuerTrustsEmail;
  return { email: email.toLowerCase(), verified };
}

/** The name to show: `name`, else given and family name, else the e-mail. */
export function nameOf(claims: SignInClaims, email: string): string {
  const joined = [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(" ");
  return (text(claims.name) ?? (joined || email)).slice(0, 200);
}

export interface SignInRuleView {
  kind: "issuer" | "domain";
  value: string;
  municipality_id: number;
  /** The municipality's membership ended (a rule pointing to it gives nothing). */
  ended: boolean;
}

/**
 * The municipality a new account gets: the rule for its e-mail's domain (a shared tenant serves
 * several municipalities), else the rule for its issuer (one tenant per municipality), else none.
 */
export function municipalityFor(
  rules: readonly SignInRuleView[],
  input: { issuer: string; email: string },
): number | null {
  const domain = input.email.split("@")[1]?.toLowerCase();
  const usable = rules.filter((r) => !r.ended);
  const byDomain = usable.find((r) => r.kind === "domain" && r.value === domain);
  if (byDomain) return byDomain.municipality_id;
  const byIssuer = usable.find((r) => r.kind === "issuer" && r.value === normaliseIssuer(input.issuer));
  return byIssuer?.municipality_id ?? null;
}

/** Issuers compare without a trailing slash (Entra's v2 issuer has none, some others have one). */
export function normaliseIssuer(issuer: string): string {
  return issuer.trim().replace(/\/+$/, "");
}

/** The roles a configured claim grants. Off unless the issuer names a claim and its values. */
export interface RoleMapping {
  claim: string;
  admin?: string;
  coordinator?: string;
}

/**
 * The roles the claim grants. Roles are granted, never taken away, by a sign-in: memberships and
 * roles are managed in Innspill, and the mapping only saves an administrator a step.
 */
export function rolesGranted(
  mapping: RoleMapping | undefined,
  claims: SignInClaims,
): { admin: boolean; coordinator: boolean } {
  if (!mapping) return { admin: false, coordinator: false };
  const raw = claims[mapping.claim];
  const values = Array.isArray(raw)
    ? raw.filter((v) => typeof v === "string")
    : typeof raw === "string"
      ? [raw]
      : [];
  return {
    admin: mapping.admin !== undefined && values.includes(mapping.admin),
    coordinator: mapping.coordinator !== undefined && values.includes(mapping.coordinator),
  };
}

/** What signing in does with the records found for the identity and its e-mail. */
export type SignInDecision =
  | { kind: "signIn"; userId: number }
  | { kind: "link"; userId: number }
  | { kind: "create" }
  | { kind: "refuse"; reason: "deactivated" | "emailTaken" | "noEmail" };

/**
 * The identity's own account signs in (unless deactivated, whatever the issuer says). A new
 * identity is linked to the local account with the same e-mail only when the issuer vouches for
 * the address and the account has no identity yet — once; an account already tied to an
 * identity is never taken over by another that shows the same address. Otherwise a new account.
 */
export function decideSignIn(input: {
  identity: { user_id: number; active: number } | undefined;
  email: { email: string; verified: boolean } | null;
  accountWithEmail: { id: number; active: number; identities: number } | undefined;
}): SignInDecision {
  const { identity, email, accountWithEmail } = input;
  if (identity) {
    return identity.active === 1
      ? { kind: "signIn", userId: identity.user_id }
      : { kind: "refuse", reason: "deactivated" };
  }
  if (!email) return { kind: "refuse", reason: "noEmail" };
  if (!accountWithEmail) return { kind: "create" };
  if (!email.verified || accountWithEmail.identities > 0) return { kind: "refuse", reason: "emailTaken" };
  if (accountWithEmail.active !== 1) return { kind: "refuse", reason: "deactivated" };
  return { kind: "link", userId: accountWithEmail.id };
}
