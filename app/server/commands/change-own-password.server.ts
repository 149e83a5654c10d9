import { deleteSessionsOfUser, findUserByEmail, setPassword } from "#db/repositories/user.repository";
import type { ChangePasswordForm } from "~/domain/profile.schema";
import { securityTexts } from "~/domain/texts/security";
import type { CurrentUser } from "../auth.server";
import { db } from "../db.server";
import { hashPassword, verifyPassword } from "../password.server";

export type ChangePasswordResult = { ok: true } | { ok: false; fieldErrors: Record<string, string[]> };

/**
 * A user sets their own password, proving the current one. Every other session of the account
 * ends in the same transaction (a thief holding one is signed out); this one goes on. A one-time
 * password is cleared.
 */
export async function changeOwnPassword(
  user: CurrentUser,
  form: ChangePasswordForm,
): Promise<ChangePasswordResult> {
  const account = await findUserByEmail(db(), user.email);
  if (!account || !(await verifyPassword(form.currentPassword, account.password_hash)))
    return { ok: false, fieldErrors: { currentPassword: [securityTexts.profile.errors.currentWrong] } };
  const passwordHash = await hashPassword(form.newPassword);
  await db()
    .transaction()
    .execute(async (trx) => {
      await setPassword(trx, user.id, { passwordHash, mustChange: false });
      await deleteSessionsOfUser(trx, user.id, { except: user.sessionId });
    });
  return { ok: true };
}
