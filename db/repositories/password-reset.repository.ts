import type { Executor } from "../connection";

/** Counts "Glemt passord?" requests since a time: for the e-mail (from anywhere) and from the address. */
export async function resetRequestsSince(db: Executor, input: { email: string; ip: string; since: string }) {
  const count = () =>
    db
      .selectFrom("password_reset_request")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("at", ">=", input.since);
  const [byEmail, byAddress] = await Promise.all([
    count().where("email", "=", input.email).executeTakeFirstOrThrow(),
    count().where("ip", "=", input.ip).executeTakeFirstOrThrow(),
  ]);
  return { byEmail: Number(byEmail.n), byAddress: Number(byAddress.n) };
}

export async function recordResetRequest(db: Executor, input: { email: string; ip: string; at: string }) {
  await db.insertInto("password_reset_request").values(input).execute();
}

/** Removes requests older than `before`, and tokens that ended (used or expired) before it. */
export async function pruneResets(db: Executor, before: string) {
  await db.deleteFrom("password_reset_request").where("at", "<", before).execute();
  await db.deleteFrom("password_reset").where("expires_at", "<", before).execute();
}

export async function insertResetToken(
  db: Executor,
  input: { tokenHash: string; userId: number; createdAt: string; expiresAt: string },
) {
  await db
    .insertInto("password_reset")
    .values({
      token_hash: input.tokenHash,
      user_id: input.userId,
      created_at: input.createdAt,
      expires_at: input.expiresAt,
    })
    .execute();
}

/** A token by its hash, with its account (whatever its state: the caller tells used, expired and valid apart). */
export function findResetToken(db: Executor, tokenHash: string) {
  return db
    .selectFrom("password_reset")
    .innerJoin("user", "user.id", "password_reset.user_id")
    .select([
      "password_reset.token_hash",
      "password_reset.user_id",
      "password_reset.expires_at",
      "password_reset.used_at",
      "user.active",
      "user.is_admin",
      "user.password_hash",
    ])
    .where("password_reset.token_hash", "=", tokenHash)
    .executeTakeFirst();
}

/**
 * Marks a token used, only if it still is unused: returns false when another request used it
 * first (two posts of the same link: exactly one sets the password).
 */
export async function claimResetToken(db: Executor, tokenHash: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable("password_reset")
    .set({ used_at: at })
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ends every other outstanding token of an account (marked used, so their links say so). */
export async function endOtherResetTokens(db: Executor, userId: number, at: string) {
  await db
    .updateTable("password_reset")
    .set({ used_at: at })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .execute();
}
