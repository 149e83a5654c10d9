import type { Executor } from "../connection";
import type { NotificationPreferenceTable } from "../schema";

/**
 * The bell's number: a person's unread notifications, counted no further than `cap` (the badge
 * says "99+" beyond), so the count reads at most `cap` entries of the index
 * `notification_user_unread` whatever the backlog.
 */
export async function countUnread(db: Executor, userId: number, cap: number): Promise<number> {
  const row = await db
    .selectFrom((eb) =>
      eb
        .selectFrom("notification")
        .select("id")
        .where("user_id", "=", userId)
        .where("read_at", "is", null)
        .limit(cap)
        .as("unread"),
    )
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * One page of a person's notifications, newest first: those older than `before` (an id; the
 * first page has none), at most `limit`. Paged by id (keyset), so a deep page costs as little as
 * the first (index `notification_user_recent`).
 */
export function listNotificationsOfUser(
  db: Executor,
  userId: number,
  page: { before: number | null; limit: number },
) {
  let query = db
    .selectFrom("notification")
    .select(["id", "kind", "title", "body", "link", "created_at", "read_at"])
    .where("user_id", "=", userId);
  if (page.before !== null) query = query.where("id", "<", page.before);
  return query.orderBy("id", "desc").limit(page.limit).execute();
}

/** A notification, only if it is this person's (someone else's is as missing as one that never was). */
export function getOwnNotification(db: Executor, userId: number, id: number) {
  return db
    .selectFrom("notification")
    .select(["id", "link", "read_at"])
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

/** Marks one of a person's notifications read (again reading it changes nothing). Returns whether it is theirs. */
export async function markNotificationRead(
  db: Executor,
  userId: number,
  id: number,
  at: string,
): Promise<boolean> {
  const own = await getOwnNotification(db, userId, id);
  if (!own) return false;
  if (own.read_at === null)
    await db
      .updateTable("notification")
      .set({ read_at: at })
      .where("id", "=", id)
      .where("user_id", "=", userId)
      .where("read_at", "is", null)
      .execute();
  return true;
}

/** Marks every unread notification of a person read. Returns how many. */
export async function markAllNotificationsRead(db: Executor, userId: number, at: string): Promise<number> {
  const result = await db
    .updateTable("notification")
    .set({ read_at: at })
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ---------------------------------------------------------------------------------------------
// Following a proposal

export async function isFollowing(db: Executor, proposalId: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom("proposal_follower")
    .select("user_id")
    .where("proposal_id", "=", proposalId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Starts following (following twice is following). */
export async function addFollower(db: Executor, input: { proposalId: number; userId: number; at: string }) {
  await db
    .insertInto("proposal_follower")
    .values({ proposal_id: input.proposalId, user_id: input.userId, created_at: input.at })
    .onConflict((oc) => oc.columns(["proposal_id", "user_id"]).doNothing())
    .execute();
}

export async function removeFollower(db: Executor, proposalId: number, userId: number) {
  await db
    .deleteFrom("proposal_follower")
    .where("proposal_id", "=", proposalId)
    .where("user_id", "=", userId)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// E-mail preferences

export type PreferenceMode = NotificationPreferenceTable["mode"];

/** The kinds a person has chosen a mode for (the others follow the kind's default). */
export function preferencesOfUser(db: Executor, userId: number) {
  return db
    .selectFrom("notification_preference")
    .select(["kind", "mode"])
    .where("user_id", "=", userId)
    .execute();
}

/** Replaces a person's choices with these (one row per kind). */
export async function savePreferences(
  db: Executor,
  userId: number,
  choices: readonly { kind: string; mode: PreferenceMode }[],
) {
  await db.deleteFrom("notification_preference").where("user_id", "=", userId).execute();
  if (choices.length > 0)
    await db
      .insertInto("notification_preference")
      .values(choices.map((c) => ({ user_id: userId, kind: c.kind, mode: c.mode })))
      .execute();
}

/** Turns one kind of notification e-mail off for a person (the unsubscribe link), whatever was chosen before. */
export async function turnOffNotificationEmail(db: Executor, userId: number, kind: string): Promise<void> {
  await db
    .insertInto("notification_preference")
    .values({ user_id: userId, kind, mode: "off" })
    .onConflict((oc) => oc.columns(["user_id", "kind"]).doUpdateSet({ mode: "off" }))
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Step limits

export function listStepLimits(db: Executor) {
  return db.selectFrom("step_limit").select(["state", "limit_days"]).orderBy("state").execute();
}

/** Sets the limit of each state given (days), and removes it for the states given `null`. */
export async function saveStepLimits(
  db: Executor,
  limits: readonly { state: string; limitDays: number | null }[],
) {
  for (const { state, limitDays } of limits) {
    if (limitDays === null) {
      await db.deleteFrom("step_limit").where("state", "=", state).execute();
    } else {
      await db
        .insertInto("step_limit")
        .values({ state, limit_days: limitDays })
        .onConflict((oc) => oc.column("state").doUpdateSet({ limit_days: limitDays }))
        .execute();
    }
  }
}
