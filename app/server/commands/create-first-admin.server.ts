import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Executor } from "#db/connection";
import { countOtherActiveAdmins, createUser, findUserByEmail } from "#db/repositories/user.repository";
import { securityTexts } from "~/domain/texts/security";
import { hashPassword } from "../password.server";
import { refusal, refuse, runCommand, type CommandResult } from "./result.server";

const email = z.email();
const A = securityTexts.createAdmin;

/**
 * The first administrator of a new installation (`npm run create-admin -- <e-post>`): an active
 * admin account with a one-time password that must be changed at the first login. Refused when
 * an active administrator exists already (they create the others in the admin pages).
 */
export async function createFirstAdmin(
  db: Executor,
  input: { email: string; name?: string },
): Promise<CommandResult<{ id: number; oneTimePassword: string }>> {
  const address = input.email.trim().toLowerCase();
  if (!email.safeParse(address).success) return refusal(400, A.invalidEmail(input.email));
  const oneTimePassword = randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(oneTimePassword);
  return runCommand(db, async (trx) => {
    if ((await countOtherActiveAdmins(trx, -1)) > 0) refuse(409, A.adminExists);
    if (await findUserByEmail(trx, address)) refuse(409, A.emailTaken(address));
    const id = await createUser(trx, {
      email: address,
      name: input.name?.trim() || address.split("@")[0]!,
      password_hash: passwordHash,
      is_admin: 1,
      is_coordinator: 0,
      active: 1,
      municipality_id: null,
      created_at: new Date().toISOString(),
      must_change_password: 1,
    });
    return { id, oneTimePassword };
  });
}
