import { sql } from "kysely";
import type { Executor } from "../connection";
import type { NewUser, UserUpdate } from "../schema";

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
    .values({ id: input.id, user_id: input.userId, created_at: input.createdAt, expires_at: input.expiresAt })
    .execute();
}

/** The active user behind a session that has not expired. */
export function userBySession(db: Executor, sessionId: string, now: string) {
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
    ])
    .where("session.id", "=", sessionId)
    .where("session.expires_at", ">", now)
    .where("user.active", "=", 1)
    .executeTakeFirst();
}

export async function deleteSession(db: Executor, sessionId: string) {
  await db.deleteFrom("session").where("id", "=", sessionId).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: number) {
  await db.deleteFrom("session").where("user_id", "=", userId).execute();
}

export async function recordLoginAttempt(
  db: Executor,
  input: { email: string; ip: string; at: string; success: boolean },
) {
  await db
    .insertInto("login_attempt")
    .values({
      email: input.email.trim().toLowerCase(),
      ip: input.ip,
      at: input.at,
      success: input.success ? 1 : 0,
    })
    .execute();
}

/** Failed attempts since a time, for one account and for one address. */
export async function failedLoginsSince(db: Executor, input: { email: string; ip: string; since: string }) {
  const count = (column: "email" | "ip", value: string) =>
    db
      .selectFrom("login_attempt")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where(column, "=", value)
      .where("at", ">=", input.since)
      .where("success", "=", 0)
      .executeTakeFirstOrThrow();
  const [byEmail, byIp] = await Promise.all([
    count("email", input.email.trim().toLowerCase()),
    count("ip", input.ip),
  ]);
  return { byEmail: Number(byEmail.n), byIp: Number(byIp.n) };
}

/** Active users whose name or e-mail contains the query, by name; at most `limit`. */
export function searchActiveUsers(db: Executor, query: string, limit: number) {
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom("user")
    .leftJoin("municipality", "municipality.id", "user.municipality_id")
    .select(["user.id", "user.name", "municipality.name as municipality_name"])
    .where("user.active", "=", 1)
    .where((eb) =>
      eb.or([
        sql<boolean>`${eb.ref("user.name")} like ${pattern} escape '\\'`,
        sql<boolean>`${eb.ref("user.email")} like ${pattern} escape '\\'`,
      ]),
    )
    .orderBy("user.name")
    .limit(limit)
    .execute();
}
