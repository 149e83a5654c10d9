import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The unsubscribe link of one kind of notification for one person, usable without signing in:
 * `<userId>.<kind>.<mac>`, the mac being HMAC-SHA256(session secret, "<userId>:<kind>") in
 * base64url. Only the server can make one; changing the session secret voids every link sent.
 */
export function unsubscribeToken(secret: string, userId: number, kind: string): string {
  return `${userId}.${kind}.${mac(secret, userId, kind)}`;
}

/** The full address of the unsubscribe page (the `List-Unsubscribe` header and the e-mail's footer). */
export function unsubscribeUrl(
  settings: { publicUrl: string; sessionSecret: string },
  userId: number,
  kind: string,
): string {
  return `${settings.publicUrl}/avmelding/${unsubscribeToken(settings.sessionSecret, userId, kind)}`;
}

/** Whom and what a token is for, or null when it is not one the server made (compared in constant time). */
export function verifyUnsubscribeToken(
  secret: string,
  token: string,
): { userId: number; kind: string } | null {
  const match = /^([1-9][0-9]{0,9})\.([A-Za-z]{1,64})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const userId = Number(match[1]);
  const kind = match[2]!;
  const given = Buffer.from(match[3]!, "utf8");
  const expected = Buffer.from(mac(secret, userId, kind), "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, kind };
}

function mac(secret: string, userId: number, kind: string): string {
  return createHmac("sha256", secret).update(`${userId}:${kind}`).digest("base64url");
}
