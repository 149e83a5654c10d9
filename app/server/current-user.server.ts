import type { Executor } from "#db/connection";
import { membershipsOfUser } from "#db/repositories/organisation.repository";
import { getUser } from "#db/repositories/user.repository";
import type { User } from "#db/schema";
import type { CurrentUser } from "./auth.server";

type UserRow = Pick<User, "id" | "name" | "email" | "is_admin" | "is_coordinator" | "municipality_id">;

/**
 * The session user as every caller sees it (the login session, the demo seed acting as a clerk,
 * tests and the benchmark calling commands directly): account flags and the memberships valid
 * on `on` (today by default).
 */
export async function currentUserFrom(db: Executor, row: UserRow, on?: string): Promise<CurrentUser> {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    isAdmin: row.is_admin === 1,
    isCoordinator: row.is_coordinator === 1,
    municipalityId: row.municipality_id,
    memberships: await membershipsOfUser(db, row.id, on),
  };
}

/** The session user for a user id; throws when there is none (a seed or test mistake, not a user's). */
export async function currentUserById(db: Executor, userId: number, on?: string): Promise<CurrentUser> {
  const row = await getUser(db, userId);
  if (!row) throw new Error(`No user ${userId}`);
  return currentUserFrom(db, row, on);
}
