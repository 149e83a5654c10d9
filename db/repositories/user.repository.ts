import { sql, type Transaction } from "kysely";
import type { Executor } from "../connection";
import type { Database, NewUser, UserUpdate } from "../schema";
import { likeIgnoringCase, serializeOn } from "../dialect";

const publicColumns = [
  "id",
  "email",
  "name",
  "is_admin",
  "is_coordinator",
  "active",
  "municipality_id",
  "created_at",
] as const;

export function findUserByEmail(db: Executor, email: string) {
  return db.selectFrom("user").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
}

export function getUser(db: Executor, id: number) {
  return db.selectFrom("user").select(publicColumns).where("id", "=", id).executeTakeFirst();
}

export function listUsers(db: Executor) {
  return db
    .selectFrom("user")
    .leftJoin("municipality", "municipality.id", "user.municipality_id")
    .select([
      "user.id",
      "user.email",
      "user.name",
      "user.is_admin",
      "user.is_coordinator",
      "user.active",
      "user.municipality_id",
      "municipality.name as municipality_name",
    ])
    .orderBy("user.name")
    .execute();
}

export async function createUser(db: Executor, user: NewUser) {
  const { id } = await db
    .insertInto("user")
    .values({ ...user, email: user.email.trim().toLowerCase() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateUser(db: Executor, id: number, patch: UserUpdate) {
  await db
    .updateTable("user")
    .set(patch.email ? { ...patch, email: patch.email.trim().toLowerCase() } : patch)
    .where("id", "=", id)
    .execute();
}

export async function createSession(
  db: Executor,
  input: { id: string; userId: number; createdAt: string; expiresAt: string },
) {
  await db
    .insertInto("session")
    .values({
      id: input.id,
      user_id: input.userId,
      created_at: input.createdAt,
      expires_at: input.expiresAt,
      last_seen_at: input.createdAt,
    })
    .execute();
}

/** The active user behind a session that has neither reached its end nor been idle since `idleSince`. */
export function userBySession(db: Executor, sessionId: string, input: { now: string; idleSince: string }) {
  return db
    .selectFrom("session")
    .innerJoin("user", "user.id", "session.user_id")
    .select([
      "user.id",
      "user.email",
      "user.name",
      "user.is_admin",
      "user.is_coordinator",
      "user.municipality_id",
      "user.must_change_password",
      "session.last_seen_at",
    ])
    .where("session.id", "=", sessionId)
    .where("session.expires_at", ">", input.now)
    .where("session.last_seen_at", ">", input.idleSince)
    .where("user.active", "=", 1)
    .executeTakeFirst();
}

export async function touchSession(db: Executor, sessionId: string, now: string) {
  await db.updateTable("session").set({ last_seen_at: now }).where("id", "=", sessionId).execute();
}

export async function deleteSession(db: Executor, sessionId: string) {
  await db.deleteFrom("session").where("id", "=", sessionId).execute();
}

/** Ends every session of an account, but the one named in `except` (the one making the change). */
export async function deleteSessionsOfUser(db: Executor, userId: number, opts: { except?: string } = {}) {
  let query = db.deleteFrom("session").where("user_id", "=", userId);
  if (opts.except) query = query.where("id", "!=", opts.except);
  await query.execute();
}

/** Removes sessions past their end or idle since `idleSince`. */
export async function pruneSessions(db: Executor, input: { now: string; idleSince: string }) {
  await db
    .deleteFrom("session")
    .where((eb) => eb.or([eb("expires_at", "<=", input.now), eb("last_seen_at", "<=", input.idleSince)]))
    .execute();
}

export async function pruneLoginAttempts(db: Executor, before: string) {
  await db.deleteFrom("login_attempt").where("at", "<", before).execute();
}

export async function setPassword(
  db: Executor,
  userId: number,
  input: { passwordHash: string; mustChange: boolean },
) {
  await db
    .updateTable("user")
    .set({ password_hash: input.passwordHash, must_change_password: input.mustChange ? 1 : 0 })
    .where("id", "=", userId)
    .execute();
}

/** Active administrators other than one account. */
/**
 * Holds changes to admin rights for this transaction: two admins demoting (or deactivating) each other
 * at once are checked one after the other, so "another active admin remains" holds for both.
 */
export function lockAdminRights(trx: Executor): Promise<void> {
  return serializeOn(trx, "admin-rights");
}

export async function countOtherActiveAdmins(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom("user")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("is_admin", "=", 1)
    .where("active", "=", 1)
    .where("id", "!=", userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Accounts whose e-mail is in a domain (the demo world's accounts are all in one). */
export async function countUsersInDomain(db: Executor, domain: string): Promise<number> {
  const row = await db
    .selectFrom("user")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("email", likeIgnoringCase(db), `%@${domain}`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Records an attempt; a failure until markLoginSucceeded says otherwise. */
export async function recordLoginAttempt(db: Executor, input: { email: string; ip: string; at: string }) {
  const { id } = await db
    .insertInto("login_attempt")
    .values({ email: input.email.trim().toLowerCase(), ip: input.ip, at: input.at, success: 0 })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function markLoginSucceeded(db: Executor, attemptId: number) {
  await db.updateTable("login_attempt").set({ success: 1 }).where("id", "=", attemptId).execute();
}

/**
 * Holds the account's login attempts for this transaction: parallel attempts on one account are
 * checked and recorded one after the other, by every app process on the database.
 */
export function lockLoginAttempts(trx: Transaction<Database>, email: string): Promise<void> {
  return serializeOn(trx, `login:${email}`);
}

/** Failed attempts since a time: for one account from one address, for the account, and from the address. */
export async function failedLoginsSince(db: Executor, input: { email: string; ip: string; since: string }) {
  const email = input.email.trim().toLowerCase();
  const failures = () =>
    db
      .selectFrom("login_attempt")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("at", ">=", input.since)
      .where("success", "=", 0);
  const [pair, byAccount, byAddress] = await Promise.all([
    failures().where("email", "=", email).where("ip", "=", input.ip).executeTakeFirstOrThrow(),
    failures().where("email", "=", email).executeTakeFirstOrThrow(),
    failures().where("ip", "=", input.ip).executeTakeFirstOrThrow(),
  ]);
  return {
    byAccountAndAddress: Number(pair.n),
    byAccount: Number(byAccount.n),
    byAddress: Number(byAddress.n),
  };
}

/** Active users whose name or e-mail contains the query, by name; at most `limit`. */
export function searchActiveUsers(db: Executor, query: string, limit: number) {
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const like = sql.raw(likeIgnoringCase(db));
  return db
    .selectFrom("user")
    .leftJoin("municipality", "municipality.id", "user.municipality_id")
    .select(["user.id", "user.name", "municipality.name as municipality_name"])
    .where("user.active", "=", 1)
    .where((eb) =>
      eb.or([
        sql<boolean>`${eb.ref("user.name")} ${like} ${pattern} escape '\\'`,
        sql<boolean>`${eb.ref("user.email")} ${like} ${pattern} escape '\\'`,
      ]),
    )
    .orderBy("user.name")
    .limit(limit)
    .execute();
}
