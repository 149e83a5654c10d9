import { sql } from "kysely";
import type { Executor } from "../connection";

/** A proposal's follow-up row, with the project lead's name. */
export function getFollowup(db: Executor, proposalId: number) {
  return db
    .selectFrom("proposal_followup as f")
    .leftJoin("user as lead", "lead.id", "f.project_lead_id")
    .selectAll("f")
    .select("lead.name as project_lead_name")
    .where("f.proposal_id", "=", proposalId)
    .executeTakeFirst();
}

/** Records the start of decided work: who leads it, when it started and when it should be done. */
export async function saveStart(
  db: Executor,
  input: {
    proposalId: number;
    projectLeadId: number;
    startDate: string;
    plannedEnd: string;
    userId: number;
    now: string;
  },
) {
  await db
    .insertInto("proposal_followup")
    .values({
      proposal_id: input.proposalId,
      project_lead_id: input.projectLeadId,
      start_date: input.startDate,
      planned_end: input.plannedEnd,
      completed_on: null,
      updated_by: input.userId,
      updated_at: input.now,
    })
    .onConflict((oc) =>
      oc.column("proposal_id").doUpdateSet({
        project_lead_id: input.projectLeadId,
        start_date: input.startDate,
        planned_end: input.plannedEnd,
        updated_by: input.userId,
        updated_at: input.now,
        version: sql`proposal_followup.version + 1`,
      }),
    )
    .execute();
}

/** Records the completion: the date, the benefits realised and the annual report's text. */
export async function saveCompletion(
  db: Executor,
  input: {
    proposalId: number;
    completedOn: string;
    realisedBenefits: string;
    reportText: string;
    userId: number;
    now: string;
  },
) {
  await db
    .insertInto("proposal_followup")
    .values({
      proposal_id: input.proposalId,
      project_lead_id: null,
      start_date: null,
      planned_end: null,
      completed_on: input.completedOn,
      realised_benefits: input.realisedBenefits,
      report_text: input.reportText,
      updated_by: input.userId,
      updated_at: input.now,
    })
    .onConflict((oc) =>
      oc.column("proposal_id").doUpdateSet({
        completed_on: input.completedOn,
        realised_benefits: input.realisedBenefits,
        report_text: input.reportText,
        updated_by: input.userId,
        updated_at: input.now,
        version: sql`proposal_followup.version + 1`,
      }),
    )
    .execute();
}

/**
 * Rewrites the report text if nobody changed the follow-up since `expectedVersion`
 * (0 = there was no follow-up row yet). False on a conflict.
 */
export async function saveReportText(
  db: Executor,
  input: { proposalId: number; expectedVersion: number; reportText: string; userId: number; now: string },
): Promise<boolean> {
  if (input.expectedVersion === 0) {
    const inserted = await db
      .insertInto("proposal_followup")
      .values({
        proposal_id: input.proposalId,
        project_lead_id: null,
        start_date: null,
        planned_end: null,
        completed_on: null,
        report_text: input.reportText,
        updated_by: input.userId,
        updated_at: input.now,
      })
      .onConflict((oc) => oc.column("proposal_id").doNothing())
      .returning("proposal_id")
      .executeTakeFirst();
    return inserted !== undefined;
  }
  const result = await db
    .updateTable("proposal_followup")
    .set({
      report_text: input.reportText,
      updated_by: input.userId,
      updated_at: input.now,
      version: sql`version + 1`,
    })
    .where("proposal_id", "=", input.proposalId)
    .where("version", "=", input.expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A full follow-up row as the demo seed writes it (dates from the replayed history). */
export async function insertFollowup(
  db: Executor,
  input: {
    proposalId: number;
    projectLeadId: number | null;
    startDate: string | null;
    plannedEnd: string | null;
    completedOn: string | null;
    realisedBenefits?: string;
    reportText: string;
    userId: number;
    now: string;
  },
) {
  await db
    .insertInto("proposal_followup")
    .values({
      proposal_id: input.proposalId,
      project_lead_id: input.projectLeadId,
      start_date: input.startDate,
      planned_end: input.plannedEnd,
      completed_on: input.completedOn,
      realised_benefits: input.realisedBenefits ?? "",
      report_text: input.reportText,
      updated_by: input.userId,
      updated_at: input.now,
    })
    .execute();
}

/** Active users who can lead a project: ROR-IKT's own staff (the coordinators) first, then by name. */
export function projectLeadOptions(db: Executor) {
  return db
    .selectFrom("user")
    .select(["id", "name", "is_coordinator"])
    .where("active", "=", 1)
    .orderBy("is_coordinator", "desc")
    .orderBy("name")
    .execute();
}

export async function isActiveUser(db: Executor, id: number): Promise<boolean> {
  const row = await db
    .selectFrom("user")
    .select("id")
    .where("id", "=", id)
    .where("active", "=", 1)
    .executeTakeFirst();
  return row !== undefined;
}
