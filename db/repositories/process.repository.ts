import { sql } from "kysely";
import type { Executor } from "../connection";

export async function appendHistory(
  db: Executor,
  row: {
    proposalId: number;
    from: string | null;
    to: string;
    event: string;
    actorId: number;
    at: string;
    reason?: string | null;
    groupId?: number | null;
    protocolItemId?: number | null;
  },
) {
  // A SQL template, not the builder: built on every process event, building cost about what running did.
  await sql`insert into proposal_history
      (proposal_id, from_state, to_state, event, actor_id, at, reason, group_id, protocol_item_id)
    values (${row.proposalId}, ${row.from}, ${row.to}, ${row.event}, ${row.actorId}, ${row.at},
      ${row.reason ?? null}, ${row.groupId ?? null}, ${row.protocolItemId ?? null})`.execute(db);
}

/**
 * Moves a proposal to a new state if it is still at `expectedVersion` (optimistic lock).
 * Returns false when someone else changed it first.
 */
export async function moveProposal(
  db: Executor,
  input: {
    id: number;
    expectedVersion: number;
    to: string;
    at: string;
    groupId?: number | null;
    mergedIntoId?: number | null;
    submitted?: boolean;
    decided?: boolean;
  },
): Promise<boolean> {
  // A SQL template, not the builder (see appendHistory).
  const set = [sql`state = ${input.to}`, sql`version = version + 1`, sql`state_changed_at = ${input.at}`];
  if (input.groupId !== undefined) set.push(sql`group_id = ${input.groupId}`);
  if (input.mergedIntoId !== undefined) set.push(sql`merged_into_id = ${input.mergedIntoId}`);
  if (input.submitted) set.push(sql`submitted_at = ${input.at}`);
  if (input.decided) set.push(sql`decided_at = ${input.at}`);
  const result = await sql`update proposal set ${sql.join(set)}
    where id = ${input.id} and version = ${input.expectedVersion}`.execute(db);
  return Number(result.numAffectedRows) === 1;
}

/** The full history of a proposal, oldest first, with who acted and in which group. */
export function historyOfProposal(db: Executor, proposalId: number) {
  return db
    .selectFrom("proposal_history")
    .innerJoin("user", "user.id", "proposal_history.actor_id")
    .selectAll("proposal_history")
    .select("user.name as actor_name")
    .where("proposal_history.proposal_id", "=", proposalId)
    .orderBy("proposal_history.id")
    .execute();
}

/**
 * Proposal counts per state, for the flowchart. The states present are found by hopping through
 * the state index (each next state one lookup) and each is counted as a range of that index:
 * about twice as fast at 100,000 proposals as a GROUP BY, which compares every entry's state.
 */
export async function countByState(db: Executor): Promise<Record<string, number>> {
  const { rows } = await sql<{ state: string; n: number }>`
    with recursive present(state) as (
      select min(state) from proposal
      union all
      select (select min(state) from proposal where state > present.state) from present
      where present.state is not null
    )
    select state, (select count(*) from proposal where proposal.state = present.state) as n
    from present where state is not null`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

export function getAssessment(db: Executor, proposalId: number) {
  return db.selectFrom("assessment").selectAll().where("proposal_id", "=", proposalId).executeTakeFirst();
}

export async function linkedGoalIds(db: Executor, proposalId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("assessment_goal")
    .select("goal_id")
    .where("proposal_id", "=", proposalId)
    .execute();
  return rows.map((r) => r.goal_id);
}

export function listPriorityBands(db: Executor) {
  return db.selectFrom("priority_band").select(["label", "min_total"]).orderBy("min_total", "desc").execute();
}

/**
 * Days from a proposal's first submission to its first step into each of `states`, for proposals
 * that got there: the raw figures for the help page's "how long it usually takes".
 */
export async function daysFromSubmission(db: Executor, states: readonly string[]): Promise<number[]> {
  const rows = await db
    .selectFrom("proposal_history as h")
    .innerJoin("proposal_history as s", (j) =>
      j.onRef("s.proposal_id", "=", "h.proposal_id").on("s.to_state", "=", "submitted"),
    )
    .where("h.to_state", "in", states)
    .select((eb) => [
      "h.proposal_id",
      // ISO timestamps order as text; the days between are counted here, the same on every engine.
      eb.fn.min("h.at").as("reached"),
      eb.fn.min("s.at").as("submitted"),
    ])
    .groupBy("h.proposal_id")
    .execute();
  const day = 86_400_000;
  return rows
    .map((r) => (Date.parse(r.reached) - Date.parse(r.submitted)) / day)
    .filter((d) => Number.isFinite(d) && d >= 0);
}

/**
 * What applying a process event reads of a proposal, in one statement: the columns the command
 * checks and writes on, its assessment's values (null when none) and the number of sub-goals it is
 * linked to, and the group the event names when `groupId` is given (decision 031: one read instead
 * of four per event).
 */
export async function proposalForEvent(db: Executor, id: number, groupId?: number) {
  const { rows } = await sql<{
    id: number;
    state: string;
    author_id: number;
    group_id: number | null;
    version: number;
    title: string;
    assessed: number | null;
    strategic_value: number | null;
    service_quality: number | null;
    economic_benefit: number | null;
    necessity: number | null;
    risk: number | null;
    adjustment: number | null;
    benefits_plan: string | null;
    cost_once: number | null;
    cost_yearly: number | null;
    sub_goal_count: number;
    group_kind: string | null;
    group_valid_to: string | null;
  }>`select p.id, p.state, p.author_id, p.group_id, p.version, p.title,
      a.proposal_id as assessed, a.strategic_value, a.service_quality, a.economic_benefit,
      a.necessity, a.risk, a.adjustment, a.benefits_plan, a.cost_once, a.cost_yearly,
      (select count(*) from assessment_goal g where g.proposal_id = p.id) as sub_goal_count,
      b.kind as group_kind, b.valid_to as group_valid_to
    from proposal p left join assessment a on a.proposal_id = p.id
      left join body b on b.id = ${groupId ?? null}
    where p.id = ${id}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  const { assessed, sub_goal_count, group_kind, group_valid_to, ...rest } = row;
  const proposal = {
    id: rest.id,
    state: rest.state,
    author_id: rest.author_id,
    group_id: rest.group_id,
    version: Number(rest.version),
    title: rest.title,
  };
  const assessment =
    assessed === null
      ? null
      : {
          strategic_value: rest.strategic_value,
          service_quality: rest.service_quality,
          economic_benefit: rest.economic_benefit,
          necessity: rest.necessity,
          risk: rest.risk,
          adjustment: Number(rest.adjustment ?? 0),
          benefits_plan: rest.benefits_plan ?? "",
          cost_once: rest.cost_once,
          cost_yearly: rest.cost_yearly,
        };
  // The group an event names (ASSIGN, MOVE_GROUP), when asked: its kind and end, else undefined.
  const group = group_kind === null ? undefined : { kind: group_kind, valid_to: group_valid_to };
  return { proposal, assessment, subGoalCount: Number(sub_goal_count), group };
}
