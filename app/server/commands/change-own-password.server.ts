import type { Executor } from "#db/connection";
import { deleteSessionsOfUser, findUserByEmail, setPassword } from "#db/repositories/user.repository";
import type { ChangePasswordForm } from "~/domain/profile.schema";
import { securityTexts } from "~/domain/texts/security";
import type { CurrentUser } from "../auth.server";
import { hashPassword, verifyPassword } from "../password.server";
import { refusal, runCommand, type CommandResult } from "./result.server";

/**
 * A user sets their own password, proving the current one. Every other session of the account
 * ends in the same transaction (a thief holding one is signed out); this one goes on. A one-time
 * password is cleared.
 */
export async function changeOwnPassword(
  db: Executor,
  input: { user: CurrentUser; form: ChangePasswordForm },
): Promise<CommandResult> {
  const { user, form } = input;
  const account = await findUserByEmail(db, user.email);
  if (!account || !(await verifyPassword(form.currentPassword, account.password_hash)))
    return refusal(400, "", { currentPassword: [securityTexts.profile.errors.currentWrong] });
  const passwordHash = await hashPassword(form.newPassword);
  return runCommand(db, async (trx) => {
    await setPassword(trx, user.id, { passwordHash, mustChange: false });
    await deleteSessionsOfUser(trx, user.id, { except: user.sessionId });
    return {};
  });
}
