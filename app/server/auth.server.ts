import { t } from "~/domain/texts";
import { mayAdminister } from "#workflows/policy";
import { randomBytes } from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import {
  createSession,
  deleteSession,
  deleteSessionsOfUser,
  failedLoginsSince,
  findUserByEmail,
  markLoginSucceeded,
  pruneLoginAttempts,
  pruneSessions,
  lockLoginAttempts,
  recordLoginAttempt,
  touchSession,
  userBySession,
} from "#db/repositories/user.repository";
import type { membershipsOfUser } from "#db/repositories/organisation.repository";
import { localLoginAllows } from "#workflows/sign-in";
import { config, signInConfig } from "./config.server";
import { currentUserFrom } from "./current-user.server";
import { db } from "./db.server";
import { hashPassword, verifyPassword } from "./password.server";

/** Where a user who must change their password is sent, and the pages they may still reach. */
export const PROFILE_PATH = "/min-profil";
const REACHABLE_BEFORE_PASSWORD_CHANGE = [PROFILE_PATH, "/logg-ut"];

/** A session's last use is written at most this often (not on every request). */
const TOUCH_EVERY_MS = 60_000;

let sessionCookieCache: ReturnType<typeof createCookie> | undefined;
/** Behind HTTPS the cookie is `__Host-` prefixed: Secure, Path=/, no Domain, so no sibling host can set it. */
export function sessionCookieName(secure = config().secureCookies) {
  return secure ? "__Host-innspill_session" : "innspill_session";
}
function sessionCookie() {
  sessionCookieCache ??= createCookie(sessionCookieName(), {
    httpOnly: true,
    sameSite: "lax",
    secure: config().secureCookies,
    path: "/",
    secrets: [config().sessionSecret],
    maxAge: Math.floor(config().sessionMaxMs / 1000),
  });
  return sessionCookieCache;
}

export interface CurrentUser {
  id: number;
  name: string;
  email: string;
  isAdmin: boolean;
  isCoordinator: boolean;
  municipalityId: number | null;
  /** Holds a one-time password (set when signed in; absent for users built outside a request). */
  mustChangePassword?: boolean;
  /** The session this request came with (kept when the user changes their own password). */
  sessionId?: string;
  memberships: Awaited<ReturnType<typeof membershipsOfUser>>;
}

/** The id of the session the request's cookie names (valid or not). */
export async function sessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

function sessionLimits(now: Date) {
  return {
    now: now.toISOString(),
    idleSince: new Date(now.getTime() - config().sessionIdleMs).toISOString(),
  };
}

/**
 * The logged-in user, or null. Deactivated accounts, sessions past their end (14 days) and
 * sessions unused for longer than the idle limit (8 hours by default) count as logged out.
 */
export function getUser(request: Request): Promise<CurrentUser | null> {
  const cookie = request.headers.get("Cookie");
  if (!cookie) return Promise.resolve(null);
  let pending = lookupsUnderWay.get(cookie);
  if (!pending) {
    pending = userOfCookie(cookie).finally(() => lookupsUnderWay.delete(cookie));
    lookupsUnderWay.set(cookie, pending);
  }
  return pending;
}

/**
 * Session lookups under way, by the request's Cookie header. Every page's root loader and its own
 * loader ask for the user at the same moment (Remix runs them in parallel, each with its own
 * Request): they share one lookup instead of two (cookie check, session, user, memberships).
 * Only while it runs: a lookup started after another ended reads the session again.
 */
const lookupsUnderWay = new Map<string, Promise<CurrentUser | null>>();

async function userOfCookie(cookie: string): Promise<CurrentUser | null> {
  const value = await sessionCookie().parse(cookie);
  const id = typeof value === "string" ? value : null;
  if (!id) return null;
  const now = new Date();
  const row = await userBySession(db(), id, sessionLimits(now));
  if (!row) return null;
  if (!row.last_seen_at || now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS)
    await touchSession(db(), id, now.toISOString());
  return {
    ...(await currentUserFrom(db(), row)),
    mustChangePassword: row.must_change_password === 1,
    sessionId: id,
  };
}

/**
 * The logged-in user; otherwise a redirect to the login page and back here afterwards. A user
 * holding a one-time password is sent to change it before anything else.
 */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getUser(request);
  const url = new URL(request.url);
  if (user) {
    if (user.mustChangePassword && !REACHABLE_BEFORE_PASSWORD_CHANGE.includes(url.pathname))
      throw redirect(PROFILE_PATH);
    return user;
  }
  const back = url.pathname + url.search;
  throw redirect(`/logg-inn?redirectTo=${encodeURIComponent(back)}`);
}

export function forbidden(message: string = t.errors.forbidden): never {
  throw new Response(message, { status: 403, statusText: "Forbidden" });
}

export function notFound(message: string = t.errors.notFound): never {
  throw new Response(message, { status: 404, statusText: "Not Found" });
}

export async function requireAdmin(request: Request): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!mayAdminister(user)) forbidden();
  return user;
}

/** Only used to resolve a redirect target: an origin no real request has. */
const OWN_ORIGIN = "http://innspill.invalid";

/**
 * Only paths on this site: never an open redirect. The target is resolved the way a browser does
 * (`new URL(target, origin)`: backslashes, dot segments, tabs and line breaks) and kept only if it
 * stays on our origin and its normalised path does not start with `//` or `/\` (which a
 * browser would read as another host). What is returned is the normalised path, query and hash.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  // A path this site hands out is printable ASCII (URLs are percent-encoded).
  if (!/^[\x21-\x7e]*$/.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN) return fallback;
  if (url.pathname.startsWith("//") || url.pathname.startsWith("/\\")) return fallback;
  return url.pathname + url.search + url.hash;
}

/** Failures counted over this window; a lock lasts until the oldest counted failure leaves it. */
export const LOGIN_WINDOW_MINUTES = 15;
/** Failures for one account from one address that lock that pair. */
export const LOCK_AFTER = 10;
/** Failures (for the account from anywhere, or from the address for any account) before answers slow down. */
const SLOW_AFTER = 3;
const DELAY_STEP_MS = 250;
const MAX_DELAY_MS = 5_000;
/** Login attempts are kept this long, then pruned. */
const KEEP_ATTEMPTS_MS = 24 * 3600_000;

export type LoginResult =
  | { ok: true; headers: Headers }
  | { ok: false; error: "invalid" }
  | { ok: false; error: "locked"; minutes: number };

/** Checked for an unknown or deactivated account, so its answer takes as long as a known one's. */
let dummyHash: Promise<string> | undefined;

/**
 * The hash a login verifies the password against: an active account's own, otherwise a dummy
 * made by `hashPassword` (same scheme, salt and key length), so an unknown or deactivated
 * e-mail costs the full scrypt work of a wrong password and its answer does not tell that the
 * account is missing (no account enumeration by timing).
 */
export function hashToVerify(user: { active: number; password_hash: string } | undefined): Promise<string> {
  if (user !== undefined && user.active === 1) return Promise.resolve(user.password_hash);
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return dummyHash;
}

/**
 * Checks the password and starts a fresh session (replacing the one the browser came with).
 * Throttling: the check of earlier failures and the record of this attempt happen in one
 * transaction, so of any number of parallel attempts at most the limit are evaluated. One
 * account from one address is locked after LOCK_AFTER failures; across addresses an account
 * (and across accounts an address) is only slowed down, with a growing delay, so an attacker
 * elsewhere cannot lock the rightful user out, nor one address behind a NAT lock everyone.
 */
export async function login(input: {
  email: string;
  password: string;
  ip: string;
  request: Request;
}): Promise<LoginResult> {
  const now = new Date();
  const email = input.email.trim().toLowerCase();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000).toISOString();
  const gate = await db()
    .transaction()
    .execute(async (trx) => {
      await lockLoginAttempts(trx, email);
      const failures = await failedLoginsSince(trx, { email, ip: input.ip, since });
      if (failures.byAccountAndAddress >= LOCK_AFTER) return { locked: true as const };
      const attemptId = await recordLoginAttempt(trx, { email, ip: input.ip, at: now.toISOString() });
      return { locked: false as const, attemptId, earlier: Math.max(failures.byAccount, failures.byAddress) };
    });
  if (gate.locked) return { ok: false, error: "locked", minutes: LOGIN_WINDOW_MINUTES };
  if (gate.earlier >= SLOW_AFTER)
    await new Promise((r) =>
      setTimeout(r, Math.min(MAX_DELAY_MS, DELAY_STEP_MS * (gate.earlier - SLOW_AFTER + 1))),
    );

  const user = await findUserByEmail(db(), email);
  // Always verified, against a dummy hash for an unknown or deactivated account, or one whose
  // password sign-in is switched off (LOCAL_LOGIN): the answer tells none of them apart.
  const allowed =
    user !== undefined && user.active === 1 && localLoginAllows(signInConfig().localLogin, user)
      ? user
      : undefined;
  const matches = await verifyPassword(input.password, await hashToVerify(allowed));
  if (allowed === undefined || !matches) return { ok: false, error: "invalid" };
  await markLoginSucceeded(db(), gate.attemptId);
  await pruneOld(now);
  return { ok: true, headers: await startSession(allowed.id, input.request) };
}

/**
 * A new session for an account, replacing the one the request came with (never reused: no
 * fixation). Returns the Set-Cookie header. Every way of signing in ends here. `started` runs
 * with the new session (a sign-in at an issuer keeps its ID token beside it, for signing out).
 */
export async function startSession(
  userId: number,
  request: Request,
  started?: (session: { id: string; expiresAt: string }) => Promise<void>,
): Promise<Headers> {
  const previous = await sessionId(request);
  if (previous) await deleteSession(db(), previous);
  const now = new Date();
  const id = randomBytes(32).toString("base64url");
  const expires = new Date(now.getTime() + config().sessionMaxMs);
  await createSession(db(), { id, userId, createdAt: now.toISOString(), expiresAt: expires.toISOString() });
  await started?.({ id, expiresAt: expires.toISOString() });
  const headers = new Headers();
  headers.append("Set-Cookie", await sessionCookie().serialize(id, { expires }));
  return headers;
}

/** Ends every session of an account but the current one (after its password changed). */
export async function endOtherSessions(userId: number, currentSessionId?: string) {
  await deleteSessionsOfUser(db(), userId, { except: currentSessionId });
}

/** Removes ended sessions and login attempts older than a day. */
export async function pruneOld(now = new Date()) {
  await pruneSessions(db(), sessionLimits(now));
  await pruneLoginAttempts(db(), new Date(now.getTime() - KEEP_ATTEMPTS_MS).toISOString());
}

export async function logout(request: Request): Promise<Headers> {
  const id = await sessionId(request);
  if (id) await deleteSession(db(), id);
  const headers = new Headers();
  headers.append("Set-Cookie", await sessionCookie().serialize("", { maxAge: 0 }));
  return headers;
}

/** The client's address as the server saw it (the Express adapter passes it on). */
export function clientAddress(request: Request): string {
  return request.headers.get("x-innspill-client-ip") ?? "unknown";
}
