import { createCookie, redirect } from "@remix-run/node";
import * as client from "openid-client";
import { saveOidcSession, takeOidcSession } from "#db/repositories/identity.repository";
import type { SignInClaims } from "#workflows/sign-in";
import { signInErrorMessages, signInErrorSchema } from "~/domain/sign-in.schema";
import { safeRedirect, startSession } from "./auth.server";
import { signInWithIssuer } from "./commands/sign-in-with-issuer.server";
import { config, issuerConfig, signInConfig } from "./config.server";
import { db } from "./db.server";
import { logger } from "./logger.server";
import type { OidcIssuerConfig } from "./oidc-config.server";

/**
 * Sign-in with an OpenID Connect issuer (Microsoft Entra ID or any other): the authorization code
 * flow with PKCE, `state` and `nonce`, through openid-client, which validates the ID token (issuer,
 * audience, expiry, signature from the issuer's published keys). What happens to accounts is the
 * command's business (commands/sign-in-with-issuer.server.ts); this module speaks the protocol.
 */

/** Why a sign-in did not happen; each has a message on the login page (?feil=<slug>). */
export const signInFailures = {
  cancelled: "avbrutt",
  wrongTenant: "feil-organisasjon",
  expired: "utlopt",
  clockSkew: "klokke",
  unreachable: "utilgjengelig",
  rejected: "avvist",
  deactivated: "deaktivert",
  emailTaken: "e-post-i-bruk",
  noEmail: "mangler-e-post",
  unknownIssuer: "ukjent",
} as const;
export type SignInFailure = keyof typeof signInFailures;

const TRANSACTION_MINUTES = 10;

/** What the browser carries between leaving for the issuer and coming back: signed, short-lived. */
interface Transaction {
  issuer: string;
  state: string;
  nonce: string;
  verifier: string;
  redirectTo: string;
}

let transactionCookieCache: ReturnType<typeof createCookie> | undefined;
function transactionCookie() {
  transactionCookieCache ??= createCookie("innspill_oidc", {
    httpOnly: true,
    // Lax: the issuer sends the browser back with a top-level GET, which carries it.
    sameSite: "lax",
    secure: config().secureCookies,
    path: "/auth/oidc",
    secrets: [config().sessionSecret],
    maxAge: TRANSACTION_MINUTES * 60,
  });
  return transactionCookieCache;
}

const discovered = new Map<string, Promise<client.Configuration>>();

/** The issuer's metadata and keys location, fetched once and kept; a failed fetch is tried again next time. */
function clientFor(issuer: OidcIssuerConfig): Promise<client.Configuration> {
  let pending = discovered.get(issuer.key);
  if (!pending) {
    pending = client.discovery(
      issuer.issuer,
      issuer.clientId,
      { redirect_uris: [issuer.redirectUrl.href], response_types: ["code"] },
      issuer.clientSecret ? client.ClientSecretPost(issuer.clientSecret) : client.None(),
      {
        execute: signInConfig().allowHttp ? [client.allowInsecureRequests] : [],
        timeout: 10,
      },
    );
    discovered.set(issuer.key, pending);
    pending.catch(() => discovered.delete(issuer.key));
  }
  return pending;
}

function failed(failure: SignInFailure, issuerKey: string, detail: string): Response {
  // One line per refused sign-in, for whoever reads the server's log.
  logger().warn({ event: "oidc_sign_in_refused", issuer: issuerKey, reason: failure, detail });
  return redirect(`/logg-inn?feil=${signInFailures[failure]}`);
}

/** Sends the browser to the issuer, remembering state, nonce and the PKCE verifier in a signed cookie. */
export async function beginSignIn(issuerKey: string, redirectTo: string | null): Promise<Response> {
  const issuer = issuerConfig(issuerKey);
  if (!issuer) return failed("unknownIssuer", issuerKey.slice(0, 40), "no such issuer configured");
  let configuration: client.Configuration;
  try {
    configuration = await clientFor(issuer);
  } catch (error) {
    return failed("unreachable", issuer.key, describe(error));
  }
  const transaction: Transaction = {
    issuer: issuer.key,
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    redirectTo: safeRedirect(redirectTo),
  };
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: issuer.redirectUrl.href,
    scope: issuer.scopes,
    state: transaction.state,
    nonce: transaction.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(transaction.verifier),
    code_challenge_method: "S256",
  });
  return redirect(url.href, {
    headers: { "Set-Cookie": await transactionCookie().serialize(transaction) },
  });
}

function isTransaction(value: unknown): value is Transaction {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return ["issuer", "state", "nonce", "verifier", "redirectTo"].every((k) => typeof v[k] === "string");
}

/**
 * The issuer sent the browser back. The code is exchanged and the ID token validated; then the
 * command finds, links or creates the account; then a fresh Innspill session starts. Any failure
 * ends on the login page with a message and a log line, never an error page.
 */
export async function completeSignIn(issuerKey: string, request: Request): Promise<Response> {
  const issuer = issuerConfig(issuerKey);
  if (!issuer)
    return failed("unknownIssuer", issuerKey.slice(0, 40), "callback for an issuer not configured");
  const clear = await transactionCookie().serialize("", { maxAge: 0 });
  const withCleared = (response: Response) => {
    response.headers.append("Set-Cookie", clear);
    return response;
  };
  const transaction: unknown = await transactionCookie().parse(request.headers.get("Cookie"));
  if (!isTransaction(transaction) || transaction.issuer !== issuer.key)
    return withCleared(
      failed("expired", issuer.key, "no sign-in in progress for this issuer in this browser"),
    );

  // The issuer's answer, read against the registered redirect URL (not the Host the request came in on).
  const incoming = new URL(request.url);
  const currentUrl = new URL(issuer.redirectUrl.href);
  currentUrl.search = incoming.search;

  let claims: SignInClaims;
  let idToken: string;
  try {
    const configuration = await clientFor(issuer);
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: transaction.verifier,
      expectedState: transaction.state,
      expectedNonce: transaction.nonce,
      idTokenExpected: true,
    });
    const validated = tokens.claims();
    if (!validated || !tokens.id_token) return withCleared(failed("rejected", issuer.key, "no ID token"));
    claims = validated as SignInClaims;
    idToken = tokens.id_token;
  } catch (error) {
    return withCleared(failed(classify(error), issuer.key, describe(error)));
  }
  if (issuer.tenantId && claims.tid !== issuer.tenantId)
    return withCleared(
      failed("wrongTenant", issuer.key, `tid ${String(claims.tid)} is not the configured tenant`),
    );

  const outcome = await signInWithIssuer(db(), { issuer, claims, now: new Date().toISOString() });
  if (!outcome.ok) return withCleared(failed(outcome.reason, issuer.key, outcome.detail));

  const headers = await startSession(outcome.userId, request, (session) =>
    saveOidcSession(db(), {
      sessionId: session.id,
      issuerKey: issuer.key,
      idToken,
      expiresAt: session.expiresAt,
      now: new Date().toISOString(),
    }),
  );
  const response = redirect(safeRedirect(transaction.redirectTo), { headers });
  return withCleared(response);
}

let signOutCookieCache: ReturnType<typeof createCookie> | undefined;
/** Carries the issuer's sign-out address from the logout post to the page that sends the browser on. */
function signOutCookie() {
  signOutCookieCache ??= createCookie("innspill_signout", {
    httpOnly: true,
    sameSite: "lax",
    secure: config().secureCookies,
    // Not "/logget-ut": with JavaScript the page's data is fetched from /logget-ut.data.
    path: "/",
    secrets: [config().sessionSecret],
    maxAge: 120,
  });
  return signOutCookieCache;
}

/**
 * For a session that began at an issuer with an end-session endpoint: the cookie that takes its
 * sign-out address (with the ID token as hint) to /logget-ut. Null when the session did not begin
 * at an issuer, or the issuer has no such endpoint (or cannot be reached now).
 */
export async function issuerSignOut(sessionId: string | null): Promise<{ cookie: string } | null> {
  if (!sessionId) return null;
  const row = await takeOidcSession(db(), sessionId);
  const issuer = row ? issuerConfig(row.issuer_key) : undefined;
  if (!row || !issuer) return null;
  try {
    const configuration = await clientFor(issuer);
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    const parameters: Record<string, string> = { id_token_hint: row.id_token, client_id: issuer.clientId };
    if (issuer.postLogoutRedirectUrl) parameters.post_logout_redirect_uri = issuer.postLogoutRedirectUrl.href;
    const url = client.buildEndSessionUrl(configuration, parameters).href;
    return { cookie: await signOutCookie().serialize({ url, label: issuer.label }) };
  } catch (error) {
    logger().warn({ event: "oidc_sign_out_skipped", issuer: issuer.key, detail: describe(error) });
    return null;
  }
}

/** The issuer sign-out the logout post left for /logget-ut, and the header that clears it. */
export async function pendingIssuerSignOut(request: Request) {
  const value: unknown = await signOutCookie().parse(request.headers.get("Cookie"));
  const v = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const atIssuer =
    typeof v.url === "string" && typeof v.label === "string" ? { url: v.url, label: v.label } : null;
  return { atIssuer, clear: await signOutCookie().serialize("", { maxAge: 0 }) };
}

const networkCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** Which of the login page's messages a failure from openid-client deserves. */
function classify(error: unknown): SignInFailure {
  if (error instanceof client.AuthorizationResponseError) {
    // Entra: AADSTS50020 (account from another tenant), 50034 (no such user in the tenant),
    // 90072 (account must be added to the tenant first), 700016 (application not in the tenant).
    if (/AADSTS(50020|50034|90072|700016|50177)\b/.test(error.error_description ?? "")) return "wrongTenant";
    return error.error === "access_denied" ? "cancelled" : "rejected";
  }
  if (error instanceof client.ResponseBodyError) {
    return /AADSTS(50020|90072|700016)\b/.test(error.error_description ?? "") ? "wrongTenant" : "rejected";
  }
  if (error instanceof client.ClientError) {
    const detail = (error.cause ?? {}) as { cause?: { claim?: string }; message?: string };
    if (error.code === "OAUTH_JWT_TIMESTAMP_CHECK_FAILED") return "clockSkew";
    if (error.code === "OAUTH_JWT_CLAIM_COMPARISON_FAILED" && detail.cause?.claim === "iss")
      return "wrongTenant";
    if (
      error.code === "OAUTH_INVALID_RESPONSE" &&
      /"iss" \(issuer\) response parameter/.test(detail.message ?? "")
    )
      return "wrongTenant";
    if (error.code === "OAUTH_INVALID_RESPONSE" && /"state" response parameter/.test(detail.message ?? ""))
      return "expired";
    if (error.code === "OAUTH_RESPONSE_IS_NOT_CONFORM" || error.code === "OAUTH_RESPONSE_IS_NOT_JSON")
      return "unreachable";
    return "rejected";
  }
  if (isNetworkFailure(error)) return "unreachable";
  return "rejected";
}

function isNetworkFailure(error: unknown): boolean {
  if (error instanceof DOMException) return error.name === "TimeoutError" || error.name === "AbortError";
  if (!(error instanceof TypeError)) return false;
  const cause = error.cause as { code?: string } | undefined;
  return error.message === "fetch failed" || (cause?.code !== undefined && networkCodes.has(cause.code));
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const parts = [error.message];
  const coded = error as { code?: string; error?: string; error_description?: string };
  if (coded.code) parts.push(coded.code);
  if (coded.error) parts.push(coded.error);
  if (coded.error_description) parts.push(coded.error_description);
  if (error.cause instanceof Error) parts.push(`cause: ${error.cause.message}`);
  return parts.join(" | ").slice(0, 500);
}

/** What the login page offers: the issuers' buttons, whether passwords are open, and a failure's message. */
export function signInOptions(failure: string | null) {
  const error = signInErrorSchema.safeParse(failure);
  return {
    issuers: signInConfig().issuers.map((i) => ({ key: i.key, label: i.label })),
    localLogin: signInConfig().localLogin,
    error: error.success ? signInErrorMessages[error.data] : null,
  };
}
