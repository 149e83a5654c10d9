import { sql, type Kysely } from "kysely";
import { autoIncrementId } from "../dialect";

/**
 * Notifications (issue 13): the in-app notification per recipient, the e-mail outbox written in the same
 * transaction as the event that causes it, per-kind preferences, followers of a proposal, waiting limits per
 * process step, and single-use password-reset tokens (only their hash is stored).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("notification")
    .addColumn("id", "integer", autoIncrementId(db))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("proposal_id", "integer", (c) => c.references("proposal.id").onDelete("cascade"))
    .addColumn("meeting_id", "integer", (c) => c.references("meeting.id"))
    // What the bell and the e-mail say: already neutral ("Det har skjedd noe i en sak du følger") when exempt.
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("link", "text", (c) => c.notNull())
    // Makes a repeated cause (a weekly reminder, a retried command) write one notification, not two.
    .addColumn("dedupe_key", "text")
    // 'immediate' | 'digest' | 'none': how its e-mail goes, fixed by the preference when it was written.
    .addColumn("email", "text", (c) => c.notNull().check(sql`email in ('immediate', 'digest', 'none')`))
    .addColumn("digested_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .execute();
  await db.schema
    .createIndex("notification_user_unread")
    .on("notification")
    .columns(["user_id", "read_at", "id"])
    .execute();
  await db.schema
    .createIndex("notification_dedupe")
    .on("notification")
    .columns(["user_id", "dedupe_key"])
    .unique()
    .where(sql.ref("dedupe_key"), "is not", null)
    .execute();
  await db.schema
    .createIndex("notification_digest_due")
    .on("notification")
    .columns(["email", "digested_at", "user_id"])
    .execute();

  await db.schema
    .createTable("email_outbox")
    .addColumn("id", "integer", autoIncrementId(db))
    .addColumn("user_id", "integer", (c) => c.references("user.id"))
    .addColumn("notification_id", "integer", (c) => c.references("notification.id").onDelete("set null"))
    .addColumn("to_address", "text", (c) => c.notNull())
    // Stable Message-ID: a retry after a crash is recognisably the same message.
    .addColumn("message_id", "text", (c) => c.notNull().unique())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text_body", "text", (c) => c.notNull())
    .addColumn("html_body", "text", (c) => c.notNull())
    .addColumn("ics", "text")
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("pending")
        .check(sql`status in ('pending', 'sending', 'sent', 'failed')`),
    )
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("claimed_until", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema
    .createIndex("email_outbox_due")
    .on("email_outbox")
    .columns(["status", "next_attempt_at"])
    .execute();

  await db.schema
    .createTable("notification_preference")
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull().check(sql`mode in ('immediate', 'digest', 'off')`))
    .addPrimaryKeyConstraint("notification_preference_pk", ["user_id", "kind"])
    .execute();

  await db.schema
    .createTable("proposal_follower")
    .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposal.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("proposal_follower_pk", ["proposal_id", "user_id"])
    .execute();
  await db.schema
    .createIndex("proposal_follower_user")
    .on("proposal_follower")
    .columns(["user_id"])
    .execute();

  await db.schema
    .createTable("step_limit")
    .addColumn("state", "text", (c) => c.primaryKey())
    .addColumn("limit_days", "integer", (c) => c.notNull().check(sql`limit_days > 0`))
    .execute();

  await db.schema
    .createTable("password_reset")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
}
