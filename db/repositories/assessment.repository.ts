import { sql } from "kysely";
import type { Executor } from "../connection";
import type { AssessmentValues } from "../../workflows/assessment";

/**
 * Writes a specialist group's first assessment of a proposal (version 1). Used by the demo
 * seed; editing an existing assessment (with its version check) belongs to the assessment command.
 */
export async function insertAssessment(
  db: Executor,
  input: AssessmentValues & {
    proposalId: number;
    adjustmentReason?: string;
    updatedBy: number;
    updatedAt: string;
  },
): Promise<void> {
  await db
    .insertInto("assessment")
    .values({
      proposal_id: input.proposalId,
      strategic_value: input.strategic_value,
      service_quality: input.service_quality,
      economic_benefit: input.economic_benefit,
      necessity: input.necessity,
      risk: input.risk,
      adjustment: input.adjustment,
      adjustment_reason: input.adjustmentReason ?? "",
      benefits_plan: input.benefits_plan,
      cost_once: input.cost_once,
      cost_yearly: input.cost_yearly,
      updated_by: input.updatedBy,
      updated_at: input.updatedAt,
    })
    .execute();
}

/** Links a proposal to strategy sub-goals (ignores links that already exist). */
export async function linkAssessmentGoals(
  db: Executor,
  proposalId: number,
  goalIds: number[],
): Promise<void> {
  if (goalIds.length === 0) return;
  await db
    .insertInto("assessment_goal")
    .values(goalIds.map((goalId) => ({ proposal_id: proposalId, goal_id: goalId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export interface AssessmentInput {
  strategic_value: number | null;
  service_quality: number | null;
  economic_benefit: number | null;
  necessity: number | null;
  risk: number | null;
  adjustment: number;
  adjustment_reason: string;
  benefits_plan: string;
  cost_once: number | null;
  cost_yearly: number | null;
}

/**
 * Writes the assessment if nobody changed it since `expectedVersion` (0 = none existed yet).
 * Returns false on a conflict.
 */
export async function saveAssessment(
  db: Executor,
  input: {
    proposalId: number;
    expectedVersion: number;
    values: AssessmentInput;
    userId: number;
    now: string;
  },
): Promise<boolean> {
  if (input.expectedVersion === 0) {
    const inserted = await db
      .insertInto("assessment")
      .values({
        proposal_id: input.proposalId,
        ...input.values,
        updated_by: input.userId,
        updated_at: input.now,
        version: 1,
      })
      .onConflict((oc) => oc.column("proposal_id").doNothing())
      .returning("proposal_id")
      .executeTakeFirst();
    return inserted !== undefined;
  }
  const result = await db
    .updateTable("assessment")
    .set({ ...input.values, updated_by: input.userId, updated_at: input.now, version: sql`version + 1` })
    .where("proposal_id", "=", input.proposalId)
    .where("version", "=", input.expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Replaces a proposal's sub-goal links. */
export async function setAssessmentGoals(db: Executor, proposalId: number, goalIds: number[]) {
  await db.deleteFrom("assessment_goal").where("proposal_id", "=", proposalId).execute();
  if (goalIds.length === 0) return;
  await db
    .insertInto("assessment_goal")
    .values([...new Set(goalIds)].map((goal_id) => ({ proposal_id: proposalId, goal_id })))
    .execute();
}

/** Sub-goals of approved strategies, to link assessments to, with their main goal's title. */
export function selectableSubGoals(db: Executor) {
  return db
    .selectFrom("strategy_goal as g")
    .innerJoin("strategy as s", "s.id", "g.strategy_id")
    .innerJoin("strategy_goal as main", "main.id", "g.parent_id")
    .select([
      "g.id",
      "g.number",
      "g.title",
      "main.title as main_title",
      "s.id as strategy_id",
      "s.name as strategy_name",
      "s.period_from",
      "s.period_to",
    ])
    .where("s.status", "=", "approved")
    .orderBy("s.id")
    .orderBy("g.number")
    .execute();
}

/** The sub-goals a proposal is linked to, whatever strategy they belong to (old links survive a new strategy). */
export function goalsOfProposal(db: Executor, proposalId: number) {
  return db
    .selectFrom("assessment_goal as ag")
    .innerJoin("strategy_goal as g", "g.id", "ag.goal_id")
    .innerJoin("strategy as s", "s.id", "g.strategy_id")
    .select(["g.id", "g.number", "g.title", "s.name as strategy_name"])
    .where("ag.proposal_id", "=", proposalId)
    .orderBy("g.number")
    .execute();
}
