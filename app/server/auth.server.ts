import { t } from "~/domain/texts";
import { mayAdminister } from "#workflows/policy";
import { randomBytes } from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import {
  createSession,
  deleteSession,
  failedLoginsSince,
  findUserByEmail,
  recordLoginAttempt,
  userBySession,
} from "#db/repositories/user.repository";
import type { membershipsOfUser } from "#db/repositories/organisation.repository";
import { config } from "./config.server";
import { currentUserFrom } from "./current-user.server";
import { db } from "./db.server";
import { verifyPassword } from "./password.server";

const SESSION_DAYS = 14;

let sessionCookieCache: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  sessionCookieCache ??= createCookie("innspill_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: config().secureCookies,
    path: "/",
    secrets: [config().sessionSecret],
    maxAge: SESSION_DAYS * 24 * 3600,
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
  memberships: Awaited<ReturnType<typeof membershipsOfUser>>;
}

async function sessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

/** The logged-in user, or null. Deactivated accounts and expired sessions count as logged out. */
export async function getUser(request: Request): Promise<CurrentUser | null> {
  const id = await sessionId(request);
  if (!id) return null;
  const row = await userBySession(db(), id, new Date().toISOString());
  if (!row) return null;
  return currentUserFrom(db(), row);
}

/** The logged-in user; otherwise a redirect to the login page and back here afterwards. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getUser(request);
  if (user) return user;
  const url = new URL(request.url);
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

/**
 * Only paths on this site: never an open redirect. A path this site hands out is printable ASCII
 * (URLs are percent-encoded); anything else — a line break, a tab browsers drop ("/\t/evil"),
 * a character a Location header cannot carry (a 500) — is not one.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\"))
    return fallback;
  if (!/^[\x21-\x7e]*$/.test(to)) return fallback;
  return to;
}

const WINDOW_MINUTES = 15;
const LOCK_AFTER = 10;
const SLOW_AFTER = 3;

export type LoginResult =
  | { ok: true; headers: Headers }
  | { ok: false; error: "invalid" }
  | { ok: false; error: "locked"; minutes: number };

/**
 * Checks the password, throttles repeated failures per account and per address
 * (a growing delay after a few, a lock after many), and starts a fresh session.
 */
export async function login(input: { email: string; password: string; ip: string }): Promise<LoginResult> {
  const now = new Date();
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000).toISOString();
  const failures = await failedLoginsSince(db(), { email: input.email, ip: input.ip, since });
  const worst = Math.max(failures.byEmail, failures.byIp);
  if (worst >= LOCK_AFTER) return { ok: false, error: "locked", minutes: WINDOW_MINUTES };
  if (worst >= SLOW_AFTER)
    await new Promise((r) => setTimeout(r, Math.min(2000, 250 * (worst - SLOW_AFTER + 1))));

  const user = await findUserByEmail(db(), input.email);
  const valid =
    user !== undefined && user.active === 1 && (await verifyPassword(input.password, user.password_hash));
  await recordLoginAttempt(db(), { email: input.email, ip: input.ip, at: now.toISOString(), success: valid });
  if (!valid || !user) return { ok: false, error: "invalid" };

  const id = randomBytes(32).toString("base64url");
  const expires = new Date(now.getTime() + SESSION_DAYS * 24 * 3600_000);
  await createSession(db(), {
    id,
    userId: user.id,
    createdAt: now.toISOString(),
    expiresAt: expires.toISOString(),
  });
  const headers = new Headers();
  headers.append("Set-Cookie", await sessionCookie().serialize(id, { expires }));
  return { ok: true, headers };
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
