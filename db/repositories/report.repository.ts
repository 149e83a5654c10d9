import { sql } from "kysely";
import type { Executor } from "../connection";
import { byEngine, engineOf, type Engine } from "../dialect";

const yearStart = (year: number) => `${year}-01-01`;

/**
 * The steps of a year that `steps` names (a final decision, a start, a completion, a cancellation),
 * found through the history's time index; by proposal, oldest first.
 */
export async function stepsInYear(
  db: Executor,
  year: number,
  steps: { toStates: readonly string[]; events: readonly string[] },
) {
  const rows = await db
    .selectFrom("proposal_history")
    .select(["proposal_id", "from_state", "to_state", "event", "at", "group_id", "reason"])
    .where("at", ">=", yearStart(year))
    .where("at", "<", yearStart(year + 1))
    .where((eb) => eb.or([eb("to_state", "in", [...steps.toStates]), eb("event", "in", [...steps.events])]))
    .orderBy("proposal_id")
    .orderBy("id")
    .execute();
  const map = new Map<number, Omit<(typeof rows)[number], "proposal_id">[]>();
  for (const { proposal_id, ...step } of rows) {
    const own = map.get(proposal_id);
    if (own) own.push(step);
    else map.set(proposal_id, [step]);
  }
  return map;
}

/**
 * The proposals a year's report speaks of one by one: submitted in the year, or among `stepped`
 * (those with a step of the year that counts). Drafts never count. By id. Those submitted in the
 * year are read in one range of the submission index; only the others are looked up by id.
 */
export async function proposalsActiveIn(db: Executor, year: number, stepped: Iterable<number>) {
  const to = yearStart(year + 1);
  const received = await db
    .selectFrom("proposal")
    .select(["id", "title", "state", "group_id", "submitted_at"])
    .where("submitted_at", ">=", yearStart(year))
    .where("submitted_at", "<", to)
    .execute();
  const seen = new Set(received.map((r) => r.id));
  const others = await proposalsByIds(
    db,
    [...new Set(stepped)].filter((id) => !seen.has(id)),
    to,
  );
  return [...received, ...others].sort((a, b) => a.id - b.id);
}

/**
 * Proposals submitted before `before` whose state changed at or after it, each with its state and
 * group just before `before` (`stateThen`, `groupThen`: its last step then, and the last group a
 * step then recorded; `stateThen` null when it had no step then), read from its own history
 * through the history's proposal index: every other one is still in the state it had then.
 * `states` are the process's states, so the state index answers (a few thousand rows).
 */
export async function proposalsChangedSince(db: Executor, before: string, states: readonly string[]) {
  const rows = await sql<{
    id: number;
    state: string;
    state_then: string | null;
    group_then: number | null;
  }>`
    select p.id, p.state,
      (select h.to_state from proposal_history h
        where h.proposal_id = p.id and h.at < ${before} order by h.id desc limit 1) as state_then,
      (select h.group_id from proposal_history h
        where h.proposal_id = p.id and h.at < ${before} and h.group_id is not null
        order by h.id desc limit 1) as group_then
    from proposal p
    where p.state in (${sql.join([...states])}) and p.state_changed_at >= ${before}
      and p.submitted_at < ${before}
  `.execute(db);
  return rows.rows.map((r) => ({
    id: r.id,
    state: r.state,
    stateThen: r.state_then,
    groupThen: r.group_then,
  }));
}

/** Proposals by id (submitted before `before`), with what the report shows of them. */
async function proposalsByIds(db: Executor, ids: readonly number[], before: string) {
  const rows: {
    id: number;
    title: string;
    state: string;
    group_id: number | null;
    submitted_at: string | null;
  }[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom("proposal")
        .select(["id", "title", "state", "group_id", "submitted_at"])
        .where("id", "in", ids.slice(i, i + 500))
        .where("submitted_at", "<", before)
        .execute()),
    );
  }
  return rows;
}

/** Every strategy's goals (a few dozen): each with its parent and strategy. */
export function allGoals(db: Executor) {
  return db.selectFrom("strategy_goal").select(["id", "parent_id", "strategy_id", "number"]).execute();
}

/**
 * The proposals submitted before `before`, counted in SQL by their state now and the set of goals
 * they are linked to (empty when none): a national year's ninety thousand proposals and hundred
 * thousand goal links come back as a few hundred rows. Read from the state index and the links'
 * primary key alone (no proposal row is visited).
 */
export async function goalSetsSubmittedBefore(
  db: Executor,
  before: string,
): Promise<{ state: string; goalIds: number[]; count: number }[]> {
  const goals = byEngine(db, {
    sqlite: sql`group_concat(ag.goal_id)`,
    postgres: sql`string_agg(ag.goal_id::text, ',' order by ag.goal_id)`,
  });
  const rows = await sql<{ state: string; goals: string | null; n: number | string }>`
    select state, goals, count(*) as n from (
      select p.state as state,
        (select ${goals} from assessment_goal ag where ag.proposal_id = p.id) as goals
      from proposal p
      where p.submitted_at < ${before}
    ) as linked
    group by state, goals
  `.execute(db);
  return rows.rows.map((r) => ({
    state: r.state,
    goalIds: r.goals ? r.goals.split(",").map(Number) : [],
    count: Number(r.n),
  }));
}

/** The goal links of some proposals: each proposal's linked goal ids, by proposal. */
export async function goalLinksOf(db: Executor, proposalIds: readonly number[]) {
  const map = new Map<number, number[]>();
  for (let i = 0; i < proposalIds.length; i += 500) {
    const rows = await db
      .selectFrom("assessment_goal")
      .select(["proposal_id", "goal_id"])
      .where("proposal_id", "in", proposalIds.slice(i, i + 500))
      .execute();
    for (const { proposal_id, goal_id } of rows) {
      const own = map.get(proposal_id);
      if (own) own.push(goal_id);
      else map.set(proposal_id, [goal_id]);
    }
  }
  return map;
}

/** Histories of proposals, oldest step first, each cut at `before` when given. */
export async function historiesOf(db: Executor, proposalIds: readonly number[], before?: string) {
  const map = new Map<
    number,
    {
      from_state: string | null;
      to_state: string;
      event: string;
      at: string;
      group_id: number | null;
      reason: string | null;
    }[]
  >();
  if (proposalIds.length === 0) return map;
  // In chunks: SQLite limits the number of bound parameters of one statement.
  for (let i = 0; i < proposalIds.length; i += 500) {
    let q = db
      .selectFrom("proposal_history")
      .select(["proposal_id", "from_state", "to_state", "event", "at", "group_id", "reason"])
      .where("proposal_id", "in", proposalIds.slice(i, i + 500));
    if (before) q = q.where("at", "<", before);
    const rows = await q.orderBy("proposal_id").orderBy("id").execute();
    for (const { proposal_id, ...step } of rows) {
      const steps = map.get(proposal_id);
      if (steps) steps.push(step);
      else map.set(proposal_id, [step]);
    }
  }
  return map;
}

/** The report texts of proposals' follow-ups (those that have one), by proposal id. */
export async function reportTextsOf(db: Executor, proposalIds: readonly number[]) {
  const map = new Map<number, string>();
  for (let i = 0; i < proposalIds.length; i += 500) {
    const rows = await db
      .selectFrom("proposal_followup")
      .select(["proposal_id", "report_text"])
      .where("proposal_id", "in", proposalIds.slice(i, i + 500))
      .where("report_text", "!=", "")
      .execute();
    for (const r of rows) map.set(r.proposal_id, r.report_text);
  }
  return map;
}

/** Approved and replaced strategies (drafts are nobody's report). */
export function nonDraftStrategies(db: Executor) {
  return db.selectFrom("strategy").selectAll().where("status", "!=", "draft").orderBy("id").execute();
}

// ---------------------------------------------------------------------------------------------
// Who served, and how the organisation changed, in a period (a year, or the running year so far)

/**
 * Every membership that held on some day of [from, to), with the person, the municipality and
 * the body's kind: one query for every body's composition through the period.
 */
export function membershipsInPeriod(db: Executor, from: string, to: string) {
  return db
    .selectFrom("membership as ms")
    .innerJoin("user as u", "u.id", "ms.user_id")
    .innerJoin("body as b", "b.id", "ms.body_id")
    .leftJoin("municipality as m", "m.id", "ms.municipality_id")
    .select([
      "ms.id",
      "ms.body_id",
      "b.kind",
      "ms.role",
      "u.name as person",
      "m.name as municipality",
      "ms.valid_from",
      "ms.valid_to",
    ])
    .where("ms.valid_from", "<", to)
    .where((eb) => eb.or([eb("ms.valid_to", "is", null), eb("ms.valid_to", ">", from)]))
    .orderBy("ms.body_id")
    .orderBy("ms.valid_from")
    .orderBy("u.name")
    .execute();
}

/** Renames that took effect in [from, to): each with the name it replaced. */
export async function renamesInPeriod(db: Executor, from: string, to: string) {
  const rows = await sql<{ body_id: number; name: string; valid_from: string; previous: string }>`
    select body_id, name, valid_from, previous from (
      select body_id, name, valid_from,
        lag(name) over (partition by body_id order by valid_from) as previous
      from body_name
    ) as named
    where valid_from >= ${from} and valid_from < ${to} and previous is not null and previous != name
    order by valid_from, body_id
  `.execute(db);
  return rows.rows;
}

/**
 * What each specialist group did with proposals in [from, to), counted in SQL from the history:
 * received (assigned or moved to it), assessed (recommended or rejected by it) and recommended,
 * each a number of distinct proposals.
 */
export async function groupFlowInPeriod(db: Executor, from: string, to: string) {
  const rows = await groupFlowQuery(from, to).execute(db);
  return rows.rows.map((r) => ({
    groupId: r.group_id,
    received: Number(r.received),
    assessed: Number(r.assessed),
    recommended: Number(r.recommended),
  }));
}

/** The statement behind `groupFlowInPeriod` (its plan is checked in tests/integration/query-plans.test.ts). */
export function groupFlowQuery(from: string, to: string) {
  return sql<{ group_id: number; received: number; assessed: number; recommended: number }>`
    select group_id,
      count(distinct case when event in ('ASSIGN', 'MOVE_GROUP') then proposal_id end) as received,
      count(distinct case when event in ('RECOMMEND', 'GROUP_REJECT') then proposal_id end) as assessed,
      count(distinct case when event = 'RECOMMEND' then proposal_id end) as recommended
    from proposal_history
    where event in ('ASSIGN', 'MOVE_GROUP', 'RECOMMEND', 'GROUP_REJECT')
      and at >= ${from} and at < ${to} and group_id is not null
    group by group_id
  `;
}

/**
 * Each recommendation of a group in [from, to) with when the proposal was last assigned or moved
 * to a group before it: the report's time from assignment to recommendation. The recommendations
 * come from the event index; each one's assignment is looked up in its own proposal's history
 * (a handful of rows), never among every assignment before it, which the planner would otherwise
 * pick without statistics.
 */
export async function recommendationsInPeriod(db: Executor, from: string, to: string) {
  const rows = await recommendationsQuery(from, to, engineOf(db)).execute(db);
  return rows.rows.map((r) => ({
    groupId: r.group_id,
    proposalId: r.proposal_id,
    assignedAt: r.assigned_at,
    recommendedAt: r.recommended_at,
  }));
}

/**
 * The statement behind `recommendationsInPeriod`. SQLite is told which index to use (see above);
 * PostgreSQL has no such hint, and its planner keeps statistics of its own.
 */
export function recommendationsQuery(from: string, to: string, engine: Engine = "sqlite") {
  const indexedBy = sql.raw(engine === "sqlite" ? " indexed by proposal_history_proposal" : "");
  return sql<{ group_id: number; proposal_id: number; assigned_at: string | null; recommended_at: string }>`
    select r.group_id, r.proposal_id, r.at as recommended_at,
      (select max(a.at) from proposal_history a${indexedBy}
        where a.proposal_id = r.proposal_id and a.event in ('ASSIGN', 'MOVE_GROUP') and a.at <= r.at
      ) as assigned_at
    from proposal_history r
    where r.event = 'RECOMMEND' and r.at >= ${from} and r.at < ${to} and r.group_id is not null
  `;
}

/** The years that have anything to report: submissions, process steps or meetings held. */
export async function yearsWithData(db: Executor): Promise<number[]> {
  const rows = await sql<{ year: string }>`
    select distinct substr(submitted_at, 1, 4) as year from proposal where submitted_at is not null
    union select distinct substr(at, 1, 4) from proposal_history where to_state != 'draft'
    union select distinct substr(starts_at, 1, 4) from meeting
      where status in ('held', 'protocolApproved', 'protocolPublished')
  `.execute(db);
  return rows.rows
    .map((r) => Number(r.year))
    .filter((y) => Number.isInteger(y))
    .sort((a, b) => b - a);
}

// ---------------------------------------------------------------------------------------------
// The annual report's status

export function getAnnualReport(db: Executor, year: number) {
  return db.selectFrom("annual_report").selectAll().where("year", "=", year).executeTakeFirst();
}

export async function finalReportYears(db: Executor): Promise<number[]> {
  const rows = await db.selectFrom("annual_report").select("year").where("status", "=", "final").execute();
  return rows.map((r) => r.year);
}

export async function reportStatuses(db: Executor): Promise<Map<number, "draft" | "final">> {
  const rows = await db.selectFrom("annual_report").select(["year", "status"]).execute();
  return new Map(rows.map((r) => [r.year, r.status]));
}

/**
 * Marks a year's report final with its content frozen as `snapshot`. False when it already
 * was final (a final report is never rewritten; the database refuses it too).
 */
export async function markReportFinal(
  db: Executor,
  input: { year: number; snapshot: string; userId: number; at: string },
): Promise<boolean> {
  const existing = await getAnnualReport(db, input.year);
  if (existing?.status === "final") return false;
  await db
    .insertInto("annual_report")
    .values({
      year: input.year,
      status: "final",
      snapshot: input.snapshot,
      finalised_by: input.userId,
      finalised_at: input.at,
    })
    .onConflict((oc) =>
      oc.column("year").doUpdateSet({
        status: "final",
        snapshot: input.snapshot,
        finalised_by: input.userId,
        finalised_at: input.at,
      }),
    )
    .execute();
  return true;
}

// ---------------------------------------------------------------------------------------------
// Statistics

function submittedIn(year: number | undefined) {
  return year === undefined
    ? sql<boolean>`submitted_at is not null`
    : sql<boolean>`submitted_at >= ${yearStart(year)} and submitted_at < ${yearStart(year + 1)}`;
}

/** Submitted proposals per "YYYY-MM" (or per "YYYY" without a year). */
export async function submissionsPerPeriod(db: Executor, year: number | undefined) {
  const length = year === undefined ? 4 : 7;
  const rows = await db
    .selectFrom("proposal")
    .select([
      sql<string>`substr(submitted_at, 1, ${length})`.as("period"),
      (eb) => eb.fn.countAll<number>().as("n"),
    ])
    .where(submittedIn(year))
    .groupBy("period")
    .orderBy("period")
    .execute();
  return rows.map((r) => ({ period: r.period, count: Number(r.n) }));
}

/** Submitted proposals per current state. */
export async function submittedByState(db: Executor, year: number | undefined) {
  const rows = await db
    .selectFrom("proposal")
    .select(["state", (eb) => eb.fn.countAll<number>().as("n")])
    .where(submittedIn(year))
    .groupBy("state")
    .execute();
  return rows.map((r) => ({ state: r.state, count: Number(r.n) }));
}

/** Submitted proposals per municipality they concern (one proposal may count for several). */
export async function submittedByMunicipality(db: Executor, year: number | undefined) {
  const rows = await db
    .selectFrom("proposal")
    .innerJoin("proposal_municipality as pm", "pm.proposal_id", "proposal.id")
    .innerJoin("municipality as m", "m.id", "pm.municipality_id")
    .select(["m.name", (eb) => eb.fn.countAll<number>().as("n")])
    .where(submittedIn(year))
    .groupBy("m.name")
    .orderBy("m.name")
    .execute();
  return rows.map((r) => ({ name: r.name, count: Number(r.n) }));
}

/** Submitted proposals per group they are with now (null: not assigned). */
export async function submittedByGroup(db: Executor, year: number | undefined) {
  const rows = await db
    .selectFrom("proposal")
    .select(["group_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where(submittedIn(year))
    .groupBy("group_id")
    .execute();
  return rows.map((r) => ({ groupId: r.group_id, count: Number(r.n) }));
}

/** Ids of the proposals submitted (in a year, or ever). */
export async function submittedIds(db: Executor, year: number | undefined): Promise<number[]> {
  const rows = await db.selectFrom("proposal").select("id").where(submittedIn(year)).execute();
  return rows.map((r) => r.id);
}

/** The member municipalities' approvals of a year's final report, with who approved. */
export function approvalsOfReport(db: Executor, year: number) {
  return db
    .selectFrom("annual_report_approval")
    .innerJoin("user", "user.id", "annual_report_approval.approved_by")
    .select([
      "annual_report_approval.municipality_id",
      "annual_report_approval.approver_title",
      "annual_report_approval.approved_at",
      "user.name as approver_name",
    ])
    .where("annual_report_approval.year", "=", year)
    .execute();
}

/** Records a municipality's approval; false when it had approved already. */
export async function insertReportApproval(
  db: Executor,
  input: { year: number; municipalityId: number; userId: number; title: string; at: string },
): Promise<boolean> {
  const result = await db
    .insertInto("annual_report_approval")
    .values({
      year: input.year,
      municipality_id: input.municipalityId,
      approved_by: input.userId,
      approver_title: input.title,
      approved_at: input.at,
    })
    .onConflict((oc) => oc.columns(["year", "municipality_id"]).doNothing())
    .returning("year")
    .executeTakeFirst();
  return result !== undefined;
}
