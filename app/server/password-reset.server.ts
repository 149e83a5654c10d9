import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Executor } from "#db/connection";
import { enqueueEmail } from "#db/repositories/notification.repository";
import {
  claimResetToken,
  endOtherResetTokens,
  findResetToken,
  insertResetToken,
  pruneResets,
  recordResetRequest,
  resetRequestsSince,
} from "#db/repositories/password-reset.repository";
import { deleteSessionsOfUser, findUserByEmail, setPassword } from "#db/repositories/user.repository";
import { mayResetPassword } from "#workflows/policy";
import type { NewPasswordForm } from "~/domain/notification.schema";
import { passwordResetTexts as R } from "~/domain/texts/password-reset";
import { refuse, runCommand, type CommandResult } from "./commands/result.server";
import { config, signInConfig } from "./config.server";
import { hashPassword } from "./password.server";

/**
 * "Glemt passord?" (docs/decisions/020-password-reset.md): a single-use link valid for an hour,
 * of which only the SHA-256 hash is stored; the same answer, in comparable time, whether the
 * e-mail belongs to an account or not; requests counted per address and per e-mail.
 */

/** A link is valid this long. */
export const RESET_VALID_MINUTES = 60;
/** Requests are counted over this window. */
export const RESET_WINDOW_MINUTES = 15;
/** Requests from one address in the window, after which it is refused (429). */
export const RESET_PER_ADDRESS = 10;
/** E-mails for one address in the window; later requests get the same answer and send nothing. */
export const RESET_PER_EMAIL = 3;
/** Every request answers no sooner than this, whatever was done (no telling by time). */
const ANSWER_FLOOR_MS = 400;
const KEEP_MS = 24 * 3600_000;

/** The hash a token is stored and looked up by. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A token as the link carries it: 32 random bytes, base64url (43 characters). */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type ResetRequestResult = { ok: true } | { ok: false; throttled: true; minutes: number };

const html = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The e-mail with the link: plain text and simple, accessible HTML. */
export function resetEmail(name: string, link: string) {
  const E = R.email;
  const text = [E.greeting(name), "", E.body, "", link, "", E.sessions, "", E.ignore, ""].join("\n");
  const body = [
    `<p>${html(E.greeting(name))}</p>`,
    `<p>${html(E.body)}</p>`,
    `<p><a href="${html(link)}" style="color:#0b4f8a;text-decoration:underline">${html(E.linkText)}</a></p>`,
    `<p>${html(E.sessions)}</p>`,
    `<p>${html(E.ignore)}</p>`,
  ].join("\n");
  const htmlBody = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>${html(E.subject)}</title></head><body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff">\n${body}\n</body></html>`;
  return { subject: E.subject, text, html: htmlBody };
}

/**
 * Handles a "Glemt passord?" request. The answer is the same whether the e-mail is an account's
 * or not, and whether an e-mail was sent; only an address asking too often is refused.
 */
export async function requestPasswordReset(
  db: Executor,
  input: { email: string; ip: string; now?: Date },
): Promise<ResetRequestResult> {
  const started = Date.now();
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const since = new Date(now.getTime() - RESET_WINDOW_MINUTES * 60_000).toISOString();
  const result = await db.transaction().execute(async (trx) => {
    const counts = await resetRequestsSince(trx, { email, ip: input.ip, since });
    if (counts.byAddress >= RESET_PER_ADDRESS) return { ok: false as const, throttled: true as const };
    await recordResetRequest(trx, { email, ip: input.ip, at: now.toISOString() });
    if (counts.byEmail >= RESET_PER_EMAIL) return { ok: true as const };
    const account = await findUserByEmail(trx, email);
    if (!account || !mayResetPassword(signInConfig().localLogin, account)) return { ok: true as const };
    const token = randomBytes(32).toString("base64url");
    await insertResetToken(trx, {
      tokenHash: tokenHash(token),
      userId: account.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + RESET_VALID_MINUTES * 60_000).toISOString(),
    });
    const mail = resetEmail(account.name, `${config().publicUrl}/nytt-passord/${token}`);
    await enqueueEmail(trx, {
      user_id: account.id,
      notification_id: null,
      to_address: account.email,
      message_id: `<reset-${randomUUID()}@${new URL(config().publicUrl).hostname}>`,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      ics: null,
      next_attempt_at: now.toISOString(),
      created_at: now.toISOString(),
    });
    return { ok: true as const };
  });
  await pruneResets(db, new Date(now.getTime() - KEEP_MS).toISOString());
  const wait = ANSWER_FLOOR_MS - (Date.now() - started);
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  return result.ok ? result : { ok: false, throttled: true, minutes: RESET_WINDOW_MINUTES };
}

export type TokenState = "valid" | "expired" | "used" | "invalid";

/** What a link is now: usable, expired, already used, or not ours (malformed, unknown, or an account that may no longer reset). */
export async function resetTokenState(db: Executor, token: string, now = new Date()): Promise<TokenState> {
  if (!TOKEN_PATTERN.test(token)) return "invalid";
  const row = await findResetToken(db, tokenHash(token));
  if (!row || !mayResetPassword(signInConfig().localLogin, row)) return "invalid";
  if (row.used_at !== null) return "used";
  if (row.expires_at <= now.toISOString()) return "expired";
  return "valid";
}

/** The message for a link that cannot be used. */
export function tokenMessage(state: Exclude<TokenState, "valid">): string {
  return R.choose[state];
}

/**
 * Sets a new password through a link: in one transaction the token is claimed (exactly one of
 * two simultaneous posts wins), the password set (a one-time password cleared), the account's
 * other links ended and ALL its sessions ended. A link that cannot be used is refused (400) with
 * what is wrong with it.
 */
export async function resetPassword(
  db: Executor,
  input: { token: string; form: NewPasswordForm; now?: Date },
): Promise<CommandResult> {
  const now = input.now ?? new Date();
  const state = await resetTokenState(db, input.token, now);
  if (state !== "valid") return { ok: false, status: 400, message: tokenMessage(state), fieldErrors: {} };
  const passwordHash = await hashPassword(input.form.newPassword);
  const hash = tokenHash(input.token);
  return runCommand(db, async (trx) => {
    const row = await findResetToken(trx, hash);
    if (!row || row.expires_at <= now.toISOString()) refuse(400, R.choose.expired);
    if (!(await claimResetToken(trx, hash, now.toISOString()))) refuse(400, R.choose.used);
    await setPassword(trx, row.user_id, { passwordHash, mustChange: false });
    await endOtherResetTokens(trx, row.user_id, now.toISOString());
    await deleteSessionsOfUser(trx, row.user_id);
    return {};
  });
}
