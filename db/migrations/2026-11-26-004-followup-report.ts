import { sql, type Kysely } from "kysely";
import { isPostgres, postgresRefuseTrigger } from "../dialect";

/**
 * Follow-up of decided work (who leads it, when it started and ended, what it realised and the
 * text for the annual report), the annual report's status per year (with the content frozen when
 * it is marked final), and what a strategy needs to be edited safely and dated when approved.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("proposal_followup")
    .addColumn("proposal_id", "integer", (c) => c.primaryKey().references("proposal.id"))
    .addColumn("project_lead_id", "integer", (c) => c.references("user.id"))
    .addColumn("start_date", "text")
    .addColumn("planned_end", "text")
    .addColumn("completed_on", "text")
    .addColumn("realised_benefits", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("report_text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_by", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("annual_report")
    .addColumn("year", "integer", (c) => c.primaryKey())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft', 'final')`))
    // The report as it was when marked final (JSON): later edits elsewhere do not change it.
    .addColumn("snapshot", "text")
    .addColumn("finalised_by", "integer", (c) => c.references("user.id"))
    .addColumn("finalised_at", "text")
    .execute();
  if (isPostgres(db))
    await postgresRefuseTrigger(
      "annual_report_final_is_final",
      "update",
      "annual_report",
      "annual report is final",
      "old.status = 'final'",
    ).execute(db);
  else
    await sql`create trigger annual_report_final_is_final before update on annual_report
    when old.status = 'final' begin
    select raise(abort, 'annual report is final');
  end`.execute(db);

  await db.schema
    .alterTable("strategy")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable("strategy").addColumn("approved_at", "text").execute();
  // Goals of an approved or replaced strategy are history: proposals are linked to them.
  if (isPostgres(db)) {
    await sql`create or replace function innspill_strategy_frozen(integer) returns boolean
      language sql stable as $$ select coalesce((select status != 'draft' from strategy where id = $1), false) $$`.execute(
      db,
    );
    for (const op of ["update", "delete"] as const)
      await postgresRefuseTrigger(
        `strategy_goal_frozen_${op}`,
        op,
        "strategy_goal",
        "strategy is approved",
        "innspill_strategy_frozen(old.strategy_id)",
      ).execute(db);
    return;
  }
  await sql`create trigger strategy_goal_frozen_update before update on strategy_goal
    when (select status from strategy where id = old.strategy_id) != 'draft' begin
    select raise(abort, 'strategy is approved');
  end`.execute(db);
  await sql`create trigger strategy_goal_frozen_delete before delete on strategy_goal
    when (select status from strategy where id = old.strategy_id) != 'draft' begin
    select raise(abort, 'strategy is approved');
  end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const on = sql.raw(isPostgres(db) ? " on strategy_goal" : "");
  await sql`drop trigger if exists strategy_goal_frozen_delete${on}`.execute(db);
  await sql`drop trigger if exists strategy_goal_frozen_update${on}`.execute(db);
  await db.schema.alterTable("strategy").dropColumn("approved_at").execute();
  await db.schema.alterTable("strategy").dropColumn("version").execute();
  await db.schema.dropTable("annual_report").ifExists().execute();
  await db.schema.dropTable("proposal_followup").ifExists().execute();
}
