import { randomBytes } from "node:crypto";
import { z } from "zod";
import { countOtherActiveAdmins, createUser, findUserByEmail } from "#db/repositories/user.repository";
import { securityTexts } from "~/domain/texts/security";
import { db } from "../db.server";
import { hashPassword } from "../password.server";

export type CreateAdminResult =
  { ok: true; id: number; oneTimePassword: string } | { ok: false; message: string };

const email = z.email();
const A = securityTexts.createAdmin;

/**
 * The first administrator of a new installation (`npm run create-admin -- <e-post>`): an active
 * admin account with a one-time password that must be changed at the first login. Refused when
 * an active administrator exists already (they create the others in the admin pages).
 */
export async function createFirstAdmin(input: { email: string; name?: string }): Promise<CreateAdminResult> {
  const address = input.email.trim().toLowerCase();
  if (!email.safeParse(address).success) return { ok: false, message: A.invalidEmail(input.email) };
  const oneTimePassword = randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(oneTimePassword);
  return db()
    .transaction()
    .execute(async (trx): Promise<CreateAdminResult> => {
      if ((await countOtherActiveAdmins(trx, -1)) > 0)
        return {
          ok: false,
          message:
            "Det finnes allerede en aktiv administrator. Opprett flere i Innspill under Administrasjon.",
        };
      if (await findUserByEmail(trx, address)) return { ok: false, message: A.emailTaken(address) };
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
      return { ok: true, id, oneTimePassword };
    });
}
