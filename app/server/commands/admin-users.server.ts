import { createHash } from "node:crypto";
import type { DB } from "#db/connection";
import { getMunicipality } from "#db/repositories/organisation.repository";
import {
  countOtherActiveAdmins,
  lockAdminRights,
  createUser,
  deleteSessionsOfUser,
  findUserByEmail,
  getUser,
  updateUser,
} from "#db/repositories/user.repository";
import type { Executor } from "#db/connection";
import type { CreateUserForm, EditUserForm } from "~/domain/admin.schema";
import { adminTexts } from "~/domain/texts/admin";
import { securityTexts } from "~/domain/texts/security";
import { mayRemoveAdminRight } from "#workflows/policy";
import type { CurrentUser } from "../auth.server";
import { hashPassword } from "../password.server";
import { refuse, refuseField, runCommand, type CommandResult } from "./result.server";

const E = adminTexts.errors;

type AccountRow = NonNullable<Awaited<ReturnType<typeof getUser>>>;

/**
 * A digest of what the edit form shows of an account. Accounts have no version column, so the
 * form carries this digest and the save is refused (409) when the account no longer matches it:
 * two admins editing the same account cannot silently overwrite each other, and a form opened
 * before a deactivation cannot quietly undo it.
 */
export function accountFingerprint(row: AccountRow): string {
  const shown = [row.name, row.email, row.municipality_id, row.is_admin, row.is_coordinator, row.active];
  return createHash("sha256").update(JSON.stringify(shown)).digest("hex").slice(0, 32);
}

async function checkAccountFields(
  trx: Executor,
  form: { email: string; municipalityId?: number },
  userId?: number,
) {
  const holder = await findUserByEmail(trx, form.email);
  if (holder && holder.id !== userId) refuseField("email", E.emailTaken);
  if (form.municipalityId !== undefined && !(await getMunicipality(trx, form.municipalityId)))
    refuseField("municipalityId", E.municipalityUnknown);
}

/** Creates an active account with a hashed initial password. */
export async function createAccount(
  database: DB,
  form: CreateUserForm,
): Promise<CommandResult<{ id: number }>> {
  const passwordHash = await hashPassword(form.password);
  return runCommand(database, async (trx) => {
    await checkAccountFields(trx, form);
    return {
      id: await createUser(trx, {
        name: form.name,
        email: form.email,
        password_hash: passwordHash,
        municipality_id: form.municipalityId ?? null,
        is_admin: form.isAdmin ? 1 : 0,
        is_coordinator: form.isCoordinator ? 1 : 0,
        active: 1,
        created_at: new Date().toISOString(),
      }),
    };
  });
}

/**
 * Saves an edited account (and a new password when one is given). Refused with 409 when the
 * account changed since the form was shown; an admin cannot take away their own admin right,
 * so the last admin cannot lock everyone out by accident.
 */
export async function updateAccount(
  database: DB,
  input: { actor: CurrentUser; userId: number; form: Omit<EditUserForm, "intent"> },
): Promise<CommandResult<{ id: number }>> {
  const { form, actor, userId } = input;
  const passwordHash = form.password ? await hashPassword(form.password) : undefined;
  return runCommand(database, async (trx) => {
    await lockAdminRights(trx);
    const current = (await getUser(trx, userId)) ?? refuse(404);
    if (accountFingerprint(current) !== form.fingerprint) refuse(409, adminTexts.users.conflict);
    await checkAccountFields(trx, form, userId);
    if (userId === actor.id && !form.isAdmin) refuseField("isAdmin", E.selfUnadmin);
    // Checked inside the transaction: two admins demoting each other at once cannot leave none.
    if (
      current.is_admin === 1 &&
      !form.isAdmin &&
      !mayRemoveAdminRight(await countOtherActiveAdmins(trx, userId))
    )
      refuseField("isAdmin", securityTexts.lastAdmin);
    await updateUser(trx, userId, {
      name: form.name,
      email: form.email,
      municipality_id: form.municipalityId ?? null,
      is_admin: form.isAdmin ? 1 : 0,
      is_coordinator: form.isCoordinator ? 1 : 0,
      ...(passwordHash ? { password_hash: passwordHash } : {}),
    });
    // A new password ends the account's other sessions (the admin's own stays, if it is theirs).
    if (passwordHash) await deleteSessionsOfUser(trx, userId, { except: actor.sessionId });
    return { id: userId };
  });
}

/**
 * Deactivates or reactivates an account. Deactivating ends the account's sessions in the same
 * transaction, so the person is logged out at once; everything they did stays.
 */
export function setAccountActive(
  database: DB,
  input: { actor: CurrentUser; userId: number; active: boolean },
): Promise<CommandResult<{ id: number }>> {
  return runCommand(database, async (trx) => {
    await lockAdminRights(trx);
    const current = (await getUser(trx, input.userId)) ?? refuse(404);
    if (!input.active && current.id === input.actor.id) refuseField("intent", E.selfDeactivate);
    if (
      !input.active &&
      current.is_admin === 1 &&
      current.active === 1 &&
      !mayRemoveAdminRight(await countOtherActiveAdmins(trx, current.id))
    )
      refuseField("intent", securityTexts.lastAdmin);
    await updateUser(trx, current.id, { active: input.active ? 1 : 0 });
    if (!input.active) await deleteSessionsOfUser(trx, current.id);
    return { id: current.id };
  });
}
