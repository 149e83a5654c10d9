import { sql } from "kysely";
import type { Executor } from "../connection";
import type { StrategyTable } from "../schema";

/** Creates a strategy (strategi) for a period; its goals are added with `addGoal`. */
export async function createStrategy(
  db: Executor,
  input: {
    name: string;
    periodFrom: number;
    periodTo: number;
    status: StrategyTable["status"];
    approvedItemId?: number | null;
  },
): Promise<number> {
  const { id } = await db
    .insertInto("strategy")
    .values({
      name: input.name,
      period_from: input.periodFrom,
      period_to: input.periodTo,
      status: input.status,
      approved_item_id: input.approvedItemId ?? null,
      replaced_by_id: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Adds a main goal (no parent) or a sub-goal (parent = its main goal), numbered "1" or "1.2". */
export async function addGoal(
  db: Executor,
  input: { strategyId: number; parentId: number | null; number: string; title: string; description?: string },
): Promise<number> {
  const { id } = await db
    .insertInto("strategy_goal")
    .values({
      strategy_id: input.strategyId,
      parent_id: input.parentId,
      number: input.number,
      title: input.title,
      description: input.description ?? "",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Adds a priority band: a total at or above `minTotal` (and below the next band) gets `label`. */
export async function addPriorityBand(
  db: Executor,
  input: { label: string; minTotal: number },
): Promise<number> {
  const { id } = await db
    .insertInto("priority_band")
    .values({ label: input.label, min_total: input.minTotal })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Every strategy, newest first, with the number of goals. */
export function listStrategies(db: Executor) {
  return db
    .selectFrom("strategy")
    .selectAll("strategy")
    .select((eb) =>
      eb
        .selectFrom("strategy_goal")
        .select((c) => c.fn.countAll<number>().as("n"))
        .whereRef("strategy_goal.strategy_id", "=", "strategy.id")
        .as("goal_count"),
    )
    .orderBy("strategy.period_from", "desc")
    .orderBy("strategy.id", "desc")
    .execute();
}

export function getStrategy(db: Executor, id: number) {
  return db.selectFrom("strategy").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * The strategy to show as the one in force: an approved one whose period covers `year` when
 * there is one, otherwise the approved one with the latest period (which may have expired: the
 * caller says so, see `strategyStanding`).
 */
export function currentStrategy(db: Executor, year?: number) {
  let q = db.selectFrom("strategy").selectAll().where("status", "=", "approved");
  if (year !== undefined)
    q = q
      .orderBy(sql`period_from <= ${year} and period_to >= ${year}`, "desc")
      .orderBy("period_from", "desc");
  return q.orderBy("id", "desc").limit(1).executeTakeFirst();
}

/** The goals of a strategy (main goals and sub-goals), in number order as text; callers sort numerically. */
export function goalsOfStrategy(db: Executor, strategyId: number) {
  return db
    .selectFrom("strategy_goal")
    .selectAll()
    .where("strategy_id", "=", strategyId)
    .orderBy("number")
    .execute();
}

/**
 * Claims a draft for an edit: bumps its version if it is still a draft at `expectedVersion`.
 * The first write of every edit, so the check and the change are one transaction's.
 */
export async function claimDraftStrategy(
  db: Executor,
  id: number,
  expectedVersion: number,
): Promise<boolean> {
  const result = await db
    .updateTable("strategy")
    .set({ version: sql`version + 1` })
    .where("id", "=", id)
    .where("status", "=", "draft")
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateStrategyMeta(
  db: Executor,
  input: { id: number; name: string; periodFrom: number; periodTo: number },
) {
  await db
    .updateTable("strategy")
    .set({ name: input.name, period_from: input.periodFrom, period_to: input.periodTo })
    .where("id", "=", input.id)
    .where("status", "=", "draft")
    .execute();
}

export async function updateGoal(db: Executor, input: { id: number; title: string; description: string }) {
  await db
    .updateTable("strategy_goal")
    .set({ title: input.title, description: input.description })
    .where("id", "=", input.id)
    .execute();
}

export async function setGoalNumber(db: Executor, id: number, number: string) {
  await db.updateTable("strategy_goal").set({ number }).where("id", "=", id).execute();
}

/** Removes a goal of a draft and its sub-goals. */
export async function deleteGoal(db: Executor, id: number) {
  await db.deleteFrom("strategy_goal").where("parent_id", "=", id).execute();
  await db.deleteFrom("strategy_goal").where("id", "=", id).execute();
}

/** Deletes a draft strategy and its goals (nothing can link to a draft's goals). */
export async function deleteDraftStrategy(
  db: Executor,
  id: number,
  expectedVersion: number,
): Promise<boolean> {
  const strategy = await db
    .selectFrom("strategy")
    .select("id")
    .where("id", "=", id)
    .where("status", "=", "draft")
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  if (!strategy) return false;
  await db
    .deleteFrom("strategy_goal")
    .where("strategy_id", "=", id)
    .where("parent_id", "is not", null)
    .execute();
  await db.deleteFrom("strategy_goal").where("strategy_id", "=", id).execute();
  await db.deleteFrom("strategy").where("id", "=", id).execute();
  return true;
}

/**
 * Approves a draft (with the protocol item that decided it, if known) and marks the strategy in
 * force until now as replaced by it. Goals stay as they are, so proposals keep their links.
 */
export async function approveStrategy(
  db: Executor,
  input: { id: number; expectedVersion: number; approvedItemId: number | null; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable("strategy")
    .set({
      status: "approved",
      approved_item_id: input.approvedItemId,
      approved_at: input.at,
      version: sql`version + 1`,
    })
    .where("id", "=", input.id)
    .where("status", "=", "draft")
    .where("version", "=", input.expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await db
    .updateTable("strategy")
    .set({ status: "replaced", replaced_by_id: input.id, version: sql`version + 1` })
    .where("status", "=", "approved")
    .where("id", "!=", input.id)
    .execute();
  return true;
}

/** Links an approved strategy to the protocol item that approved it (the demo seed, once its meetings exist). */
export async function setApprovalItem(db: Executor, strategyId: number, itemId: number) {
  await db.updateTable("strategy").set({ approved_item_id: itemId }).where("id", "=", strategyId).execute();
}

/** Proposals linked to the sub-goals of a strategy (drafts left out), with their state now. */
export function linksOfStrategy(db: Executor, strategyId: number) {
  return db
    .selectFrom("assessment_goal as ag")
    .innerJoin("strategy_goal as g", "g.id", "ag.goal_id")
    .innerJoin("proposal as p", "p.id", "ag.proposal_id")
    .select(["ag.goal_id", "p.id as proposal_id", "p.title", "p.state"])
    .where("g.strategy_id", "=", strategyId)
    .where("p.state", "!=", "draft")
    .orderBy("p.id")
    .execute();
}

/**
 * Numbered protocol items of the board, newest first, to link a strategy's approval to; with
 * the meeting's date.
 */
export function boardProtocolItems(db: Executor, limit = 200) {
  return db
    .selectFrom("protocol_item as pi")
    .innerJoin("meeting as m", "m.id", "pi.meeting_id")
    .innerJoin("body as b", "b.id", "pi.body_id")
    .select([
      "pi.id",
      "pi.title",
      "pi.number",
      "pi.number_year",
      "m.starts_at",
      "m.id as meeting_id",
      "b.id as body_id",
    ])
    .where("b.kind", "=", "board")
    .where("pi.number", "is not", null)
    .orderBy("m.starts_at", "desc")
    .orderBy("pi.number", "desc")
    .limit(limit)
    .execute();
}

/** One protocol item with its meeting's date and body, for showing a strategy's approval. */
export function protocolItemWithMeeting(db: Executor, itemId: number) {
  return db
    .selectFrom("protocol_item as pi")
    .innerJoin("meeting as m", "m.id", "pi.meeting_id")
    .select([
      "pi.id",
      "pi.title",
      "pi.number",
      "pi.number_year",
      "pi.body_id",
      "m.starts_at",
      "m.id as meeting_id",
    ])
    .where("pi.id", "=", itemId)
    .executeTakeFirst();
}
