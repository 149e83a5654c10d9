import type { Executor } from "../connection";

/** The account an issuer's subject signs in as, with what sign-in needs to know about it. */
export function findIdentity(db: Executor, issuer: string, subject: string) {
  return db
    .selectFrom("user_identity")
    .innerJoin("user", "user.id", "user_identity.user_id")
    .select([
      "user_identity.id",
      "user_identity.user_id",
      "user.email",
      "user.name",
      "user.active",
      "user.is_admin",
      "user.is_coordinator",
    ])
    .where("user_identity.issuer", "=", issuer)
    .where("user_identity.subject", "=", subject)
    .executeTakeFirst();
}

/** How many issuer identities an account has (a local account is linked by e-mail only while it has none). */
export async function countIdentitiesOfUser(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom("user_identity")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function createIdentity(
  db: Executor,
  input: {
    userId: number;
    issuer: string;
    subject: string;
    how: "created" | "linked";
    email: string;
    at: string;
  },
) {
  await db
    .insertInto("user_identity")
    .values({
      user_id: input.userId,
      issuer: input.issuer,
      subject: input.subject,
      how: input.how,
      linked_email: input.email,
      created_at: input.at,
      last_sign_in_at: input.at,
    })
    .execute();
}

export async function touchIdentity(db: Executor, id: number, at: string) {
  await db.updateTable("user_identity").set({ last_sign_in_at: at }).where("id", "=", id).execute();
}

/** The identities an account signs in with, for the admin's user page. */
export function identitiesOfUser(db: Executor, userId: number) {
  return db
    .selectFrom("user_identity")
    .select(["id", "issuer", "subject", "how", "linked_email", "created_at", "last_sign_in_at"])
    .where("user_id", "=", userId)
    .orderBy("created_at")
    .execute();
}

export function listSignInRules(db: Executor) {
  return db
    .selectFrom("sign_in_rule")
    .innerJoin("municipality", "municipality.id", "sign_in_rule.municipality_id")
    .select([
      "sign_in_rule.id",
      "sign_in_rule.kind",
      "sign_in_rule.value",
      "sign_in_rule.municipality_id",
      "municipality.name as municipality_name",
      "municipality.valid_to as municipality_valid_to",
    ])
    .orderBy("sign_in_rule.kind")
    .orderBy("sign_in_rule.value")
    .execute();
}

export function findSignInRule(db: Executor, kind: "issuer" | "domain", value: string) {
  return db
    .selectFrom("sign_in_rule")
    .select(["id"])
    .where("kind", "=", kind)
    .where("value", "=", value)
    .executeTakeFirst();
}

export function getSignInRule(db: Executor, id: number) {
  return db.selectFrom("sign_in_rule").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function createSignInRule(
  db: Executor,
  input: { kind: "issuer" | "domain"; value: string; municipalityId: number; at: string },
) {
  const { id } = await db
    .insertInto("sign_in_rule")
    .values({
      kind: input.kind,
      value: input.value,
      municipality_id: input.municipalityId,
      created_at: input.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function deleteSignInRule(db: Executor, id: number) {
  await db.deleteFrom("sign_in_rule").where("id", "=", id).execute();
}

export async function saveOidcSession(
  db: Executor,
  input: { sessionId: string; issuerKey: string; idToken: string; expiresAt: string; now: string },
) {
  await db.deleteFrom("oidc_session").where("expires_at", "<=", input.now).execute();
  await db
    .insertInto("oidc_session")
    .values({
      session_id: input.sessionId,
      issuer_key: input.issuerKey,
      id_token: input.idToken,
      expires_at: input.expiresAt,
    })
    .execute();
}

/** The issuer session behind an Innspill session, removed as it is read (signing out uses it once). */
export async function takeOidcSession(db: Executor, sessionId: string) {
  const row = await db
    .selectFrom("oidc_session")
    .select(["issuer_key", "id_token"])
    .where("session_id", "=", sessionId)
    .executeTakeFirst();
  if (row) await db.deleteFrom("oidc_session").where("session_id", "=", sessionId).execute();
  return row;
}
