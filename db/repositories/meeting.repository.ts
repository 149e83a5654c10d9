import { sql } from "kysely";
import type { Executor } from "../connection";
import type { AttendanceStatus, BodyKind, MeetingStatus, VoteChoice } from "../schema";
import { isUniqueViolation } from "../dialect";

/** The calendar date (YYYY-MM-DD) of a meeting's local start time. */
export const meetingDate = (startsAt: string) => startsAt.slice(0, 10);

// ---------------------------------------------------------------------------------------------
// Meetings

export async function createMeeting(
  db: Executor,
  input: {
    bodyId: number;
    startsAt: string;
    endTime: string | null;
    place: string;
    videoLink: string | null;
    createdBy: number;
    createdAt: string;
  },
): Promise<number> {
  const { id } = await db
    .insertInto("meeting")
    .values({
      body_id: input.bodyId,
      starts_at: input.startsAt,
      end_time: input.endTime,
      place: input.place,
      video_link: input.videoLink,
      status: "planned",
      created_by: input.createdBy,
      created_at: input.createdAt,
      notice_published_at: null,
      protocol_approved_at: null,
      protocol_approved_by: null,
      protocol_published_at: null,
      cancelled_at: null,
      cancel_reason: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** A meeting with its body's kind. */
export function getMeeting(db: Executor, id: number) {
  return db
    .selectFrom("meeting")
    .innerJoin("body", "body.id", "meeting.body_id")
    .selectAll("meeting")
    .select("body.kind as body_kind")
    .where("meeting.id", "=", id)
    .executeTakeFirst();
}

export type MeetingRow = NonNullable<Awaited<ReturnType<typeof getMeeting>>>;

export type MeetingChanges = Partial<{
  status: MeetingStatus;
  starts_at: string;
  end_time: string | null;
  place: string;
  video_link: string | null;
  notice_published_at: string;
  protocol_approved_at: string;
  protocol_approved_by: number;
  protocol_published_at: string;
  cancelled_at: string;
  cancel_reason: string;
}>;

/**
 * Claims the meeting for a change: bumps its version if nobody changed it since `expectedVersion`
 * and sets the given columns. The first write of every meeting command, so the transaction holds
 * the write lock from its start (concurrent writers queue instead of failing). False on a conflict.
 */
export async function claimMeeting(
  db: Executor,
  id: number,
  expectedVersion: number,
  set: MeetingChanges = {},
): Promise<boolean> {
  const result = await db
    .updateTable("meeting")
    .set({ ...set, version: sql`version + 1` })
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Sets columns of a meeting already claimed in this transaction (see `claimMeeting`). */
export async function updateMeeting(db: Executor, id: number, set: MeetingChanges) {
  await db.updateTable("meeting").set(set).where("id", "=", id).execute();
}

export interface MeetingListRow {
  id: number;
  body_id: number;
  body_kind: BodyKind;
  starts_at: string;
  end_time: string | null;
  place: string;
  video_link: string | null;
  status: MeetingStatus;
  case_count: number;
}

/** Meetings, newest first, with the number of cases on each agenda. */
export function listMeetings(
  db: Executor,
  opts: { bodyId?: number; statuses?: MeetingStatus[]; year?: number } = {},
): Promise<MeetingListRow[]> {
  let q = db
    .selectFrom("meeting")
    .innerJoin("body", "body.id", "meeting.body_id")
    .select([
      "meeting.id",
      "meeting.body_id",
      "body.kind as body_kind",
      "meeting.starts_at",
      "meeting.end_time",
      "meeting.place",
      "meeting.video_link",
      "meeting.status",
    ])
    .select((eb) =>
      eb
        .selectFrom("protocol_item")
        .select((c) => c.fn.countAll<number>().as("n"))
        .whereRef("protocol_item.meeting_id", "=", "meeting.id")
        .as("case_count"),
    );
  if (opts.bodyId !== undefined) q = q.where("meeting.body_id", "=", opts.bodyId);
  if (opts.statuses) q = q.where("meeting.status", "in", opts.statuses);
  if (opts.year !== undefined)
    q = q
      .where("meeting.starts_at", ">=", `${opts.year}-01-01`)
      .where("meeting.starts_at", "<", `${opts.year + 1}-01-01`);
  return q.orderBy("meeting.starts_at", "desc").execute() as Promise<MeetingListRow[]>;
}

/** The next meeting of a kind of body on or after a date that is not cancelled or held yet. */
export function nextPlannedMeeting(db: Executor, kind: BodyKind, from: string) {
  return db
    .selectFrom("meeting")
    .innerJoin("body", "body.id", "meeting.body_id")
    .select(["meeting.id", "meeting.body_id", "meeting.starts_at"])
    .where("body.kind", "=", kind)
    .where("meeting.status", "in", ["planned", "noticePublished"])
    .where("meeting.starts_at", ">=", from)
    .orderBy("meeting.starts_at")
    .limit(1)
    .executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------
// Cases (protocol items)

/** The cases of a meeting in agenda order, with the proposal's state and version for proposal cases. */
export function itemsOfMeeting(db: Executor, meetingId: number) {
  return db
    .selectFrom("protocol_item")
    .leftJoin("proposal", "proposal.id", "protocol_item.proposal_id")
    .selectAll("protocol_item")
    .select(["proposal.state as proposal_state", "proposal.version as proposal_version"])
    .where("protocol_item.meeting_id", "=", meetingId)
    .orderBy("protocol_item.sequence")
    .orderBy("protocol_item.id")
    .execute();
}

export type MeetingItemRow = Awaited<ReturnType<typeof itemsOfMeeting>>[number];

export function getItem(db: Executor, id: number) {
  return db.selectFrom("protocol_item").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function addItem(
  db: Executor,
  input: {
    meetingId: number;
    bodyId: number;
    kind: "proposal" | "other";
    proposalId: number | null;
    title: string;
    presentation: string;
    recommendation: string;
    exempt: boolean;
    exemptBasis: string | null;
    deferredFromId: number | null;
    createdAt: string;
    /** The earlier case whose exemption this one follows. */
    exemptFromItemId?: number | null;
    /** An exemption that would have followed the matter, lifted with a reason. */
    lifted?: { reason: string; by: number; at: string } | null;
  },
): Promise<number> {
  const last = await db
    .selectFrom("protocol_item")
    .select((eb) => eb.fn.max("sequence").as("m"))
    .where("meeting_id", "=", input.meetingId)
    .executeTakeFirst();
  const { id } = await db
    .insertInto("protocol_item")
    .values({
      meeting_id: input.meetingId,
      body_id: input.bodyId,
      kind: input.kind,
      proposal_id: input.proposalId,
      title: input.title,
      presentation: input.presentation,
      recommendation: input.recommendation,
      exempt: input.exempt ? 1 : 0,
      exempt_basis: input.exempt ? input.exemptBasis : null,
      sequence: Number(last?.m ?? 0) + 1,
      number: null,
      number_year: null,
      deferred_from_id: input.deferredFromId,
      created_at: input.createdAt,
      exempt_from_item_id: input.exempt ? (input.exemptFromItemId ?? null) : null,
      exempt_lifted_reason: input.lifted?.reason ?? null,
      exempt_lifted_by: input.lifted?.by ?? null,
      exempt_lifted_at: input.lifted?.at ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Rewrites a case's texts if nobody changed it since `expectedVersion`. */
export async function updateItemTexts(
  db: Executor,
  input: {
    id: number;
    expectedVersion: number;
    title: string;
    presentation: string;
    recommendation: string;
    exempt: boolean;
    exemptBasis: string | null;
    /** An exemption lifted with a reason (recorded; a later exemption keeps the record). */
    lifted?: { reason: string; by: number; at: string } | null;
  },
): Promise<boolean> {
  const result = await db
    .updateTable("protocol_item")
    .set({
      title: input.title,
      presentation: input.presentation,
      recommendation: input.recommendation,
      exempt: input.exempt ? 1 : 0,
      exempt_basis: input.exempt ? input.exemptBasis : null,
      ...(input.lifted
        ? {
            exempt_lifted_reason: input.lifted.reason,
            exempt_lifted_by: input.lifted.by,
            exempt_lifted_at: input.lifted.at,
          }
        : {}),
      version: sql`version + 1`,
    })
    .where("id", "=", input.id)
    .where("version", "=", input.expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Moves a case to a place on the agenda (before the notice is published: numbers follow this order). */
export async function setItemSequence(db: Executor, id: number, sequence: number) {
  await db.updateTable("protocol_item").set({ sequence }).where("id", "=", id).execute();
}

/** Removes a case that has no number yet (only before the notice is published). */
export async function removeUnnumberedItem(db: Executor, id: number): Promise<boolean> {
  await db.deleteFrom("conflict_of_interest").where("protocol_item_id", "=", id).execute();
  const result = await db
    .deleteFrom("protocol_item")
    .where("id", "=", id)
    .where("number", "is", null)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/**
 * Reserves `count` consecutive case numbers for a body and year and returns the first. One
 * statement: the counter row is created or advanced atomically, inside the caller's transaction,
 * so a rolled-back publication leaves no gap and two publications never share a number.
 */
export async function allocateCaseNumbers(
  db: Executor,
  bodyId: number,
  year: number,
  count: number,
): Promise<number> {
  const row = await db
    .insertInto("case_number_counter")
    .values({ body_id: bodyId, year, last_number: count })
    .onConflict((oc) =>
      oc
        .columns(["body_id", "year"])
        .doUpdateSet({ last_number: sql`case_number_counter.last_number + ${count}` }),
    )
    .returning("last_number")
    .executeTakeFirstOrThrow();
  return row.last_number - count + 1;
}

export async function setItemNumber(db: Executor, id: number, number: number, year: number) {
  await db
    .updateTable("protocol_item")
    .set({ number, number_year: year, version: sql`version + 1` })
    .where("id", "=", id)
    .where("number", "is", null)
    .execute();
}

/** Proposal cases on an agenda that has not decided them (the meeting not cancelled). */
function openAgendaItems(db: Executor) {
  return db
    .selectFrom("protocol_item")
    .innerJoin("meeting", "meeting.id", "protocol_item.meeting_id")
    .leftJoin("decision", "decision.protocol_item_id", "protocol_item.id")
    .select("protocol_item.id")
    .where("meeting.status", "!=", "cancelled")
    .where("decision.protocol_item_id", "is", null);
}

/**
 * Proposals waiting in a state (committee or board review) that are not already on the agenda
 * of a meeting that has not decided them: the candidates for a new agenda.
 */
export function proposalsAwaiting(db: Executor, state: string, opts: { limit?: number } = {}) {
  let q = db
    .selectFrom("proposal")
    .select(["proposal.id", "proposal.title", "proposal.version", "proposal.state_changed_at"])
    .where("proposal.state", "=", state)
    .where((eb) =>
      eb.not(eb.exists(openAgendaItems(db).where("protocol_item.proposal_id", "=", eb.ref("proposal.id")))),
    )
    .orderBy("proposal.state_changed_at");
  if (opts.limit !== undefined) q = q.limit(opts.limit);
  return q.execute();
}

/** Whether a proposal is on an agenda that has not decided it yet (a meeting not cancelled). */
export async function proposalOnOpenAgenda(db: Executor, proposalId: number): Promise<boolean> {
  const row = await openAgendaItems(db)
    .where("protocol_item.proposal_id", "=", proposalId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A body's cases that were deferred and not yet taken up again in a later meeting. */
function deferredCases(db: Executor, bodyId: number) {
  return db
    .selectFrom("protocol_item")
    .innerJoin("decision", "decision.protocol_item_id", "protocol_item.id")
    .where("protocol_item.body_id", "=", bodyId)
    .where("decision.outcome", "=", "defer")
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("protocol_item as later")
            .select("later.id")
            .whereRef("later.deferred_from_id", "=", "protocol_item.id"),
        ),
      ),
    );
}

/** The latest case of a body on this proposal that was deferred and not yet taken up again. */
export function deferredItemOfProposal(db: Executor, bodyId: number, proposalId: number) {
  return deferredCases(db, bodyId)
    .select(["protocol_item.id", "protocol_item.number", "protocol_item.number_year"])
    .where("protocol_item.proposal_id", "=", proposalId)
    .orderBy("protocol_item.id", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Other (non-proposal) cases of a body that were deferred and not yet taken up again. */
export function deferredOtherItems(db: Executor, bodyId: number) {
  return deferredCases(db, bodyId)
    .select(["protocol_item.id", "protocol_item.title", "protocol_item.number", "protocol_item.number_year"])
    .where("protocol_item.kind", "=", "other")
    .orderBy("protocol_item.id")
    .execute();
}

/** The cases of many proposals at once (as casesOfProposal), by proposal. */
export async function casesOfProposals(db: Executor, proposalIds: number[]) {
  const byProposal = new Map<number, Awaited<ReturnType<typeof casesOfProposal>>>();
  if (proposalIds.length === 0) return byProposal;
  const rows = await db
    .selectFrom("protocol_item")
    .innerJoin("meeting", "meeting.id", "protocol_item.meeting_id")
    .select([
      "protocol_item.proposal_id",
      "protocol_item.id",
      "protocol_item.exempt",
      "protocol_item.exempt_basis",
      "protocol_item.exempt_lifted_reason",
    ])
    .where("protocol_item.proposal_id", "in", proposalIds)
    .where("meeting.status", "!=", "cancelled")
    .orderBy("protocol_item.id")
    .execute();
  for (const { proposal_id, ...item } of rows) {
    const list = byProposal.get(proposal_id!) ?? [];
    list.push(item);
    byProposal.set(proposal_id!, list);
  }
  return byProposal;
}

/**
 * Every case on a proposal, in any body and meeting not cancelled, oldest first: the matter's earlier
 * cases. As SQL rather than with the builder: every process event asks it (is the matter exempt?),
 * and building the join cost more than running it.
 */
export async function casesOfProposal(db: Executor, proposalId: number) {
  const { rows } = await sql<{
    id: number;
    exempt: number;
    exempt_basis: string | null;
    exempt_lifted_reason: string | null;
  }>`select i.id, i.exempt, i.exempt_basis, i.exempt_lifted_reason
    from protocol_item i join meeting m on m.id = i.meeting_id
    where i.proposal_id = ${proposalId} and m.status != 'cancelled'
    order by i.id`.execute(db);
  return rows;
}

/**
 * The body's deputies in practice: active people who have met as substitutes (vara) in the
 * body's meetings, the most recent first. The attendance form offers them before anyone else.
 */
export function formerSubstitutes(db: Executor, bodyId: number, limit: number) {
  return db
    .selectFrom("attendance")
    .innerJoin("meeting", "meeting.id", "attendance.meeting_id")
    .innerJoin("user", "user.id", "attendance.user_id")
    .leftJoin("municipality", "municipality.id", "user.municipality_id")
    .select(["user.id", "user.name", "municipality.name as municipality_name"])
    .select((eb) => eb.fn.max("meeting.starts_at").as("last_met"))
    .where("meeting.body_id", "=", bodyId)
    .where("attendance.status", "=", "substitute")
    .where("user.active", "=", 1)
    .groupBy(["user.id", "user.name", "municipality.name"])
    .orderBy("last_met", "desc")
    .limit(limit)
    .execute();
}

/** The committee's latest recommendation (innstilling) on a proposal: its decision text. */
export function latestRecommendation(db: Executor, proposalId: number) {
  return db
    .selectFrom("protocol_item")
    .innerJoin("decision", "decision.protocol_item_id", "protocol_item.id")
    .innerJoin("body", "body.id", "protocol_item.body_id")
    .innerJoin("meeting", "meeting.id", "protocol_item.meeting_id")
    .select([
      "protocol_item.id",
      "protocol_item.body_id",
      "protocol_item.presentation",
      "protocol_item.number",
      "protocol_item.number_year",
      "protocol_item.exempt",
      "protocol_item.exempt_basis",
      "meeting.starts_at",
      "decision.text",
    ])
    .where("protocol_item.proposal_id", "=", proposalId)
    .where("body.kind", "=", "committee")
    .where("decision.outcome", "=", "recommend")
    .orderBy("protocol_item.id", "desc")
    .limit(1)
    .executeTakeFirst();
}

export interface ProtocolItemLink {
  id: number;
  /** The case number and its year, null before the notice is published. */
  number: number | null;
  numberYear: number | null;
  meetingId: number;
  /** The body's name on the meeting day. */
  bodyName: string;
  /** The body's short code on the meeting day ("SR"), to tell cases of several bodies apart. */
  bodyCode: string;
  bodyId: number;
  exempt: boolean;
  exemptBasis: string | null;
}

/**
 * Protocol items and their meetings, for linking from elsewhere (the proposal's history keeps
 * protocol_item_id): link to `/moter/${meetingId}#sak-${id}`. One query: the body's name on the
 * meeting day comes from its name history in a subquery.
 */
export async function protocolItemLinks(db: Executor, ids: readonly number[]): Promise<ProtocolItemLink[]> {
  const unique = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
  if (unique.length === 0) return [];
  const rows = await db
    .selectFrom("protocol_item")
    .innerJoin("meeting", "meeting.id", "protocol_item.meeting_id")
    .select([
      "protocol_item.id",
      "protocol_item.number",
      "protocol_item.number_year as numberYear",
      "protocol_item.meeting_id as meetingId",
      "protocol_item.exempt",
      "protocol_item.exempt_basis as exemptBasis",
      "meeting.body_id as bodyId",
    ])
    .select((eb) =>
      eb
        .selectFrom("body_name")
        .select("body_name.name")
        .whereRef("body_name.body_id", "=", "meeting.body_id")
        // The name valid on the meeting day, or the body's first name for a day before it.
        .orderBy(sql`body_name.valid_from <= substr(meeting.starts_at, 1, 10)`, "desc")
        .orderBy(
          sql`case when body_name.valid_from <= substr(meeting.starts_at, 1, 10) then body_name.valid_from end`,
          // NULLs last, as SQLite sorts them descending (PostgreSQL would put them first).
          (ob) => ob.desc().nullsLast(),
        )
        .orderBy("body_name.valid_from")
        .limit(1)
        .as("bodyName"),
    )
    .select((eb) =>
      eb
        .selectFrom("body_name")
        .select("body_name.short_code")
        .whereRef("body_name.body_id", "=", "meeting.body_id")
        .orderBy(sql`body_name.valid_from <= substr(meeting.starts_at, 1, 10)`, "desc")
        .orderBy(
          sql`case when body_name.valid_from <= substr(meeting.starts_at, 1, 10) then body_name.valid_from end`,
          // NULLs last, as SQLite sorts them descending (PostgreSQL would put them first).
          (ob) => ob.desc().nullsLast(),
        )
        .orderBy("body_name.valid_from")
        .limit(1)
        .as("bodyCode"),
    )
    .where("protocol_item.id", "in", unique)
    .execute();
  return rows.map((r) => ({
    ...r,
    bodyName: r.bodyName ?? "",
    bodyCode: r.bodyCode ?? "",
    exempt: r.exempt === 1,
  }));
}

// ---------------------------------------------------------------------------------------------
// In the meeting

export function attendanceOfMeeting(db: Executor, meetingId: number) {
  return db
    .selectFrom("attendance")
    .innerJoin("user", "user.id", "attendance.user_id")
    .leftJoin("user as replaced", "replaced.id", "attendance.substitute_for_id")
    .select([
      "attendance.user_id",
      "attendance.status",
      "attendance.substitute_for_id",
      "user.name as user_name",
      "replaced.name as substitute_for_name",
    ])
    .where("attendance.meeting_id", "=", meetingId)
    .orderBy("user.name")
    .execute();
}

/** Replaces the attendance list of a meeting. */
export async function replaceAttendance(
  db: Executor,
  meetingId: number,
  entries: { userId: number; status: AttendanceStatus; substituteForId: number | null }[],
) {
  await db.deleteFrom("attendance").where("meeting_id", "=", meetingId).execute();
  if (entries.length === 0) return;
  await db
    .insertInto("attendance")
    .values(
      entries.map((e) => ({
        meeting_id: meetingId,
        user_id: e.userId,
        status: e.status,
        substitute_for_id: e.status === "substitute" ? e.substituteForId : null,
      })),
    )
    .execute();
}

export function conflictsOfMeeting(db: Executor, meetingId: number) {
  return db
    .selectFrom("conflict_of_interest")
    .innerJoin("protocol_item", "protocol_item.id", "conflict_of_interest.protocol_item_id")
    .innerJoin("user", "user.id", "conflict_of_interest.user_id")
    .select([
      "conflict_of_interest.protocol_item_id",
      "conflict_of_interest.user_id",
      "conflict_of_interest.reason",
      "user.name as user_name",
    ])
    .where("protocol_item.meeting_id", "=", meetingId)
    .orderBy("user.name")
    .execute();
}

export async function addConflict(db: Executor, input: { itemId: number; userId: number; reason: string }) {
  await db
    .insertInto("conflict_of_interest")
    .values({ protocol_item_id: input.itemId, user_id: input.userId, reason: input.reason })
    .onConflict((oc) => oc.columns(["protocol_item_id", "user_id"]).doUpdateSet({ reason: input.reason }))
    .execute();
}

export function decisionsOfMeeting(db: Executor, meetingId: number) {
  return db
    .selectFrom("decision")
    .innerJoin("protocol_item", "protocol_item.id", "decision.protocol_item_id")
    .selectAll("decision")
    .where("protocol_item.meeting_id", "=", meetingId)
    .execute();
}

export function getDecision(db: Executor, itemId: number) {
  return db.selectFrom("decision").selectAll().where("protocol_item_id", "=", itemId).executeTakeFirst();
}

export async function insertDecision(
  db: Executor,
  input: {
    itemId: number;
    outcome: string;
    text: string;
    motions: string;
    voteResult: "adopted" | "notAdopted" | null;
    unanimous: boolean;
    recordedBy: number;
    recordedAt: string;
    votes: { userId: number; choice: VoteChoice; weight: number }[];
  },
) {
  await db
    .insertInto("decision")
    .values({
      protocol_item_id: input.itemId,
      outcome: input.outcome,
      text: input.text,
      motions: input.motions,
      vote_result: input.voteResult,
      unanimous: input.unanimous ? 1 : 0,
      recorded_by: input.recordedBy,
      recorded_at: input.recordedAt,
    })
    .execute();
  if (input.votes.length > 0)
    await db
      .insertInto("vote")
      .values(
        input.votes.map((v) => ({
          protocol_item_id: input.itemId,
          user_id: v.userId,
          choice: v.choice,
          weight: v.weight,
        })),
      )
      .execute();
}

export function votesOfMeeting(db: Executor, meetingId: number) {
  return db
    .selectFrom("vote")
    .innerJoin("protocol_item", "protocol_item.id", "vote.protocol_item_id")
    .innerJoin("user", "user.id", "vote.user_id")
    .select(["vote.protocol_item_id", "vote.user_id", "vote.choice", "vote.weight", "user.name as user_name"])
    .where("protocol_item.meeting_id", "=", meetingId)
    .orderBy("user.name")
    .execute();
}

export async function countUndecided(
  db: Executor,
  meetingId: number,
): Promise<{ cases: number; undecided: number }> {
  const row = await db
    .selectFrom("protocol_item")
    .leftJoin("decision", "decision.protocol_item_id", "protocol_item.id")
    .select((eb) => [
      eb.fn.countAll<number>().as("cases"),
      eb.fn
        .count<number>("protocol_item.id")
        .filterWhere("decision.protocol_item_id", "is", null)
        .as("undecided"),
    ])
    .where("protocol_item.meeting_id", "=", meetingId)
    .executeTakeFirstOrThrow();
  return { cases: Number(row.cases), undecided: Number(row.undecided) };
}

export function addendaOfMeeting(db: Executor, meetingId: number) {
  return db
    .selectFrom("protocol_addendum")
    .innerJoin("user", "user.id", "protocol_addendum.added_by")
    .selectAll("protocol_addendum")
    .select("user.name as added_by_name")
    .where("protocol_addendum.meeting_id", "=", meetingId)
    .orderBy("protocol_addendum.id")
    .execute();
}

export async function addAddendum(
  db: Executor,
  input: { meetingId: number; text: string; addedBy: number; addedAt: string },
) {
  await db
    .insertInto("protocol_addendum")
    .values({
      meeting_id: input.meetingId,
      text: input.text,
      added_by: input.addedBy,
      added_at: input.addedAt,
    })
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Figures

/**
 * Per body, for a year: meetings held (protocol approved or published) and protocol items
 * recorded in them — the annual report's "7 styremøter … 32 saker".
 */
export async function meetingFigures(db: Executor, year: number) {
  const rows = await db
    .selectFrom("meeting")
    .leftJoin("protocol_item", (join) =>
      join.onRef("protocol_item.meeting_id", "=", "meeting.id").on("protocol_item.number", "is not", null),
    )
    .select((eb) => [
      "meeting.body_id",
      eb.fn.count<number>("meeting.id").distinct().as("meetings"),
      eb.fn.count<number>("protocol_item.id").as("items"),
    ])
    .where("meeting.status", "in", ["held", "protocolApproved", "protocolPublished"])
    .where("meeting.starts_at", ">=", `${year}-01-01`)
    .where("meeting.starts_at", "<", `${year + 1}-01-01`)
    .groupBy("meeting.body_id")
    .execute();
  return rows.map((r) => ({ bodyId: r.body_id, meetings: Number(r.meetings), items: Number(r.items) }));
}

// ---------------------------------------------------------------------------------------------
// What the database refuses (kept here: nothing outside db/ knows the database is SQLite)

/** The database refused a change because the meeting's protocol is approved (trigger). */
export function frozenProtocolError(error: unknown): boolean {
  return error instanceof Error && error.message.includes("protocol approved");
}

/** The database refused a case number that another case of the body already has that year. */
export function caseNumberCollision(error: unknown): boolean {
  return isUniqueViolation(error, {
    name: "protocol_item_number",
    table: "protocol_item",
    columns: ["body_id", "number_year", "number"],
  });
}

// ---------------------------------------------------------------------------------------------
// Signatures

/** The signers of a meeting's protocol, chair first, with their names and when they signed. */
export function signersOfMeeting(db: Executor, meetingId: number) {
  return db
    .selectFrom("protocol_signer")
    .innerJoin("user", "user.id", "protocol_signer.user_id")
    .select([
      "protocol_signer.user_id",
      "protocol_signer.role",
      "protocol_signer.signed_at",
      "user.name as user_name",
    ])
    .where("protocol_signer.meeting_id", "=", meetingId)
    .orderBy(sql`protocol_signer.role = 'chair'`, "desc")
    .orderBy("user.name")
    .execute();
}

export async function insertSigners(
  db: Executor,
  meetingId: number,
  signers: { userId: number; role: "chair" | "member" }[],
) {
  if (signers.length === 0) return;
  await db
    .insertInto("protocol_signer")
    .values(signers.map((s) => ({ meeting_id: meetingId, user_id: s.userId, role: s.role, signed_at: null })))
    .execute();
}

/** Records a signer's approval; false when they had signed already (or are no signer). */
export async function markSigned(
  db: Executor,
  meetingId: number,
  userId: number,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable("protocol_signer")
    .set({ signed_at: at })
    .where("meeting_id", "=", meetingId)
    .where("user_id", "=", userId)
    .where("signed_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
