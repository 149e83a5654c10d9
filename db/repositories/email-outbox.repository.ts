import type { Selectable } from "kysely";
import type { Executor } from "../connection";
import { isPostgres } from "../dialect";
import type { EmailOutboxTable } from "../schema";

export type OutgoingEmail = Selectable<EmailOutboxTable>;
export type EmailStatus = OutgoingEmail["status"];

/** A claimed e-mail, with the notification kind it comes from (null: not from a notification). */
export type ClaimedEmail = OutgoingEmail & { claimed_until: string; kind: string | null };

/**
 * Claims up to `limit` e-mails that are due at `now` for one worker until `claimedUntil`: pending ones
 * whose next attempt has come, and ones still 'sending' whose claim has run out (a worker that
 * crashed or hung). Each claim counts as an attempt, so a message that kills its worker every time
 * still reaches the maximum. THE claim of the delivery worker, and its lock: one UPDATE statement,
 * so two workers never claim the same row (SQLite writes one statement at a time; on PostgreSQL the
 * ids are selected `FOR UPDATE SKIP LOCKED`, here and nowhere else).
 */
export async function claimDueEmails(
  db: Executor,
  opts: { now: string; claimedUntil: string; limit: number },
): Promise<ClaimedEmail[]> {
  const { now, claimedUntil, limit } = opts;
  const claimed = await db
    .updateTable("email_outbox")
    .set((eb) => ({ status: "sending", claimed_until: claimedUntil, attempts: eb("attempts", "+", 1) }))
    .where("id", "in", (eb) => {
      const due = eb
        .selectFrom("email_outbox")
        .select("id")
        .where((w) =>
          w.or([
            w.and([w("status", "=", "pending"), w("next_attempt_at", "<=", now)]),
            w.and([w("status", "=", "sending"), w("claimed_until", "<", now)]),
          ]),
        )
        .orderBy("id")
        .limit(limit);
      // PostgreSQL lets writers run side by side: rows another worker is claiming are skipped, not waited for.
      return isPostgres(db) ? due.forUpdate().skipLocked() : due;
    })
    .returningAll()
    .execute();
  if (claimed.length === 0) return [];
  const kinds = await db
    .selectFrom("notification")
    .select(["id", "kind"])
    .where(
      "id",
      "in",
      claimed.flatMap((e) => (e.notification_id === null ? [] : [e.notification_id])).concat(-1),
    )
    .execute();
  const kindOf = new Map(kinds.map((k) => [k.id, k.kind]));
  return claimed
    .sort((a, b) => a.id - b.id)
    .map((e) => ({
      ...e,
      claimed_until: claimedUntil,
      kind: e.notification_id === null ? null : (kindOf.get(e.notification_id) ?? null),
    }));
}

/**
 * The outcome of one attempt, written only while the claim is still this worker's (same
 * `claimed_until`): a worker whose claim ran out and was taken over writes nothing. Returns
 * whether it was written.
 */
export async function recordDelivery(
  db: Executor,
  claim: { id: number; claimedUntil: string },
  outcome:
    | { status: "sent"; at: string }
    | { status: "pending"; nextAttemptAt: string; error: string }
    | { status: "failed"; error: string },
): Promise<boolean> {
  const values =
    outcome.status === "sent"
      ? { status: "sent" as const, sent_at: outcome.at, claimed_until: null, last_error: null }
      : outcome.status === "pending"
        ? {
            status: "pending" as const,
            next_attempt_at: outcome.nextAttemptAt,
            claimed_until: null,
            last_error: outcome.error,
          }
        : { status: "failed" as const, claimed_until: null, last_error: outcome.error };
  const result = await db
    .updateTable("email_outbox")
    .set(values)
    .where("id", "=", claim.id)
    .where("status", "=", "sending")
    .where("claimed_until", "=", claim.claimedUntil)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * "Send på nytt": a failed e-mail goes back to the queue, due now, with its attempts reset and its
 * Message-ID kept. Returns false when it is not (or no longer) failed.
 */
export async function requeueFailedEmail(db: Executor, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable("email_outbox")
    .set({ status: "pending", attempts: 0, next_attempt_at: now, claimed_until: null })
    .where("id", "=", id)
    .where("status", "=", "failed")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** How many e-mails are in each status. */
export async function countEmailsByStatus(db: Executor): Promise<Record<EmailStatus, number>> {
  const rows = await db
    .selectFrom("email_outbox")
    .select((eb) => ["status", eb.fn.countAll<number>().as("count")])
    .groupBy("status")
    .execute();
  const counts: Record<EmailStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

export type EmailListItem = Pick<
  OutgoingEmail,
  "id" | "to_address" | "subject" | "status" | "attempts" | "created_at" | "sent_at" | "last_error"
>;

/** A page of e-mails, newest first, of one status or all; one more than `limit` tells there is a next page. */
export async function listEmails(
  db: Executor,
  opts: { status?: EmailStatus; offset: number; limit: number },
): Promise<EmailListItem[]> {
  let query = db
    .selectFrom("email_outbox")
    .select(["id", "to_address", "subject", "status", "attempts", "created_at", "sent_at", "last_error"]);
  if (opts.status) query = query.where("status", "=", opts.status);
  return query
    .orderBy("id", "desc")
    .limit(opts.limit + 1)
    .offset(opts.offset)
    .execute();
}

/** One e-mail as stored. */
export function getEmail(db: Executor, id: number): Promise<OutgoingEmail | undefined> {
  return db.selectFrom("email_outbox").selectAll().where("id", "=", id).executeTakeFirst();
}
