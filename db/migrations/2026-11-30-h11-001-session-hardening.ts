import { sql, type Kysely } from "kysely";
import { isPostgres, postgresRefuseTrigger } from "../dialect";

/**
 * Sessions end after a time without use (last_seen_at) as well as at their absolute end
 * (expires_at); an account can be made to change its password at the next login (the first
 * administrator's one-time password); old sessions and login attempts are pruned by time. The
 * history stays append-only, except that deleting a draft (never submitted, seen by its author
 * alone) removes the draft's own history with it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger proposal_history_no_delete on proposal_history`.execute(db);
    await sql`create or replace function innspill_proposal_is_draft(integer) returns boolean
      language sql stable as $$ select coalesce((select state from proposal where id = $1), '') = 'draft' $$`.execute(
      db,
    );
    await postgresRefuseTrigger(
      "proposal_history_no_delete",
      "delete",
      "proposal_history",
      "proposal_history is append-only",
      "not innspill_proposal_is_draft(old.proposal_id)",
    ).execute(db);
  } else {
    await sql`drop trigger proposal_history_no_delete`.execute(db);
    await sql`create trigger proposal_history_no_delete before delete on proposal_history
    when coalesce((select state from proposal where id = old.proposal_id), '') <> 'draft'
    begin
      select raise(abort, 'proposal_history is append-only');
    end`.execute(db);
  }
  await db.schema.alterTable("session").addColumn("last_seen_at", "text").execute();
  await sql`update session set last_seen_at = created_at`.execute(db);
  await db.schema.createIndex("session_user").on("session").columns(["user_id"]).execute();
  await db.schema.createIndex("session_expires_at").on("session").columns(["expires_at"]).execute();
  await db.schema
    .alterTable("user")
    .addColumn("must_change_password", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("login_attempt_at").on("login_attempt").columns(["at"]).execute();
  await db.schema
    .createIndex("login_attempt_email_ip_at")
    .on("login_attempt")
    .columns(["email", "ip", "at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger proposal_history_no_delete on proposal_history`.execute(db);
    await postgresRefuseTrigger(
      "proposal_history_no_delete",
      "delete",
      "proposal_history",
      "proposal_history is append-only",
    ).execute(db);
  } else {
    await sql`drop trigger proposal_history_no_delete`.execute(db);
    await sql`create trigger proposal_history_no_delete before delete on proposal_history begin
    select raise(abort, 'proposal_history is append-only');
  end`.execute(db);
  }
  await db.schema.dropIndex("login_attempt_email_ip_at").execute();
  await db.schema.dropIndex("login_attempt_at").execute();
  await db.schema.alterTable("user").dropColumn("must_change_password").execute();
  await db.schema.dropIndex("session_expires_at").execute();
  await db.schema.dropIndex("session_user").execute();
  await db.schema.alterTable("session").dropColumn("last_seen_at").execute();
}
