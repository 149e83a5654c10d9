import { sql, type Kysely } from "kysely";
import {
  autoIncrementId,
  floatType,
  isPostgres,
  POSTGRES_REFUSE_FUNCTION,
  postgresRefuseTrigger,
} from "../dialect";

/** Append-only proposal history, assessments, priority bands and the strategy goals proposals link to. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("proposal_history")
    .addColumn("id", "integer", autoIncrementId(db))
    .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposal.id"))
    .addColumn("from_state", "text")
    .addColumn("to_state", "text", (c) => c.notNull())
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("actor_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("group_id", "integer", (c) => c.references("body.id"))
    .addColumn("protocol_item_id", "integer")
    .execute();
  await db.schema
    .createIndex("proposal_history_proposal")
    .on("proposal_history")
    .columns(["proposal_id", "id"])
    .execute();
  if (isPostgres(db)) {
    await POSTGRES_REFUSE_FUNCTION.execute(db);
    const message = "proposal_history is append-only";
    await postgresRefuseTrigger("proposal_history_no_update", "update", "proposal_history", message).execute(
      db,
    );
    await postgresRefuseTrigger("proposal_history_no_delete", "delete", "proposal_history", message).execute(
      db,
    );
  } else {
    await sql`create trigger proposal_history_no_update before update on proposal_history begin
    select raise(abort, 'proposal_history is append-only');
  end`.execute(db);
    await sql`create trigger proposal_history_no_delete before delete on proposal_history begin
    select raise(abort, 'proposal_history is append-only');
  end`.execute(db);
  }

  await db.schema
    .createTable("strategy")
    .addColumn("id", "integer", autoIncrementId(db))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("period_from", "integer", (c) => c.notNull())
    .addColumn("period_to", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft', 'approved', 'replaced')`))
    .addColumn("approved_item_id", "integer")
    .addColumn("replaced_by_id", "integer", (c) => c.references("strategy.id"))
    .execute();

  await db.schema
    .createTable("strategy_goal")
    .addColumn("id", "integer", autoIncrementId(db))
    .addColumn("strategy_id", "integer", (c) => c.notNull().references("strategy.id"))
    .addColumn("parent_id", "integer", (c) => c.references("strategy_goal.id"))
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addUniqueConstraint("strategy_goal_number", ["strategy_id", "number"])
    .execute();

  await db.schema
    .createTable("priority_band")
    .addColumn("id", "integer", autoIncrementId(db))
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("min_total", floatType(db), (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("assessment")
    .addColumn("proposal_id", "integer", (c) => c.primaryKey().references("proposal.id"))
    .addColumn("strategic_value", "integer")
    .addColumn("service_quality", "integer")
    .addColumn("economic_benefit", "integer")
    .addColumn("necessity", "integer")
    .addColumn("risk", "integer")
    .addColumn("adjustment", floatType(db), (c) => c.notNull().defaultTo(0))
    .addColumn("adjustment_reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("benefits_plan", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("cost_once", "integer")
    .addColumn("cost_yearly", "integer")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_by", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("assessment_goal")
    .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposal.id"))
    .addColumn("goal_id", "integer", (c) => c.notNull().references("strategy_goal.id"))
    .addPrimaryKeyConstraint("assessment_goal_pk", ["proposal_id", "goal_id"])
    .execute();
  await db.schema.createIndex("assessment_goal_goal").on("assessment_goal").columns(["goal_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "assessment_goal",
    "assessment",
    "priority_band",
    "strategy_goal",
    "strategy",
    "proposal_history",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
