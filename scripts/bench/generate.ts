import { rmSync } from "node:fs";
import SQLite from "better-sqlite3";
import { migrateToLatest, openDatabase } from "../../db/connection";
import { priorityBands, strategy2022 } from "../../db/seed-data/strategy";
import type { ProposalEventType, ProposalState } from "../../workflows/proposal.machine";
import { municipalityNames, objects, paragraph, personName, prng, proposalTexts, type Random } from "./text";

/**
 * Writes a national-scale data set in bulk into a new SQLite file built by the real migrations:
 * every municipality in the country, the bodies, people, proposals with histories that follow the
 * process machine's transitions, meetings with numbered protocol items and decisions, assessments
 * and follow-up. A tool, not app code: it inserts with prepared statements in one transaction
 * (the full-text triggers keep `proposal_fts` in step) instead of going through the commands,
 * which would take hours at this size. Deterministic for a seed.
 */

export interface GenerateOptions {
  file: string;
  /** 1 = national scale (100,000 proposals); 0.01 for a quick run. */
  scale?: number;
  seed?: number;
  /** Hash of the bench user's password (app/server/password.server.ts). */
  passwordHash: string;
  now?: Date;
  log?: (message: string) => void;
}

export interface Dataset {
  file: string;
  seconds: number;
  counts: Record<string, number>;
  bench: { userId: number; email: string };
  /** A full year with about a tenth of the proposals: the report year. */
  reportYear: number;
  groupId: number;
  municipalityId: number;
  /** A submitted proposal with a long history, for the proposal page. */
  sampleProposalId: number;
  /** Searches: a word in a fifth of the texts, and one in a few titles. */
  searchTerms: { broad: string; narrow: string };
  /** A held committee meeting with exactly 15 cases (its protocol published), for the meeting page. */
  sampleMeetingId: number;
}

export const BENCH_EMAIL = "benk@innspill.test";
export const BENCH_PASSWORD = "benk-passord-1234";

const DAY = 86_400_000;
const MUNICIPALITIES = 356;
const GROUP_NAMES = [
  "Oppvekst og utdanning",
  "Helse og velferd",
  "Teknisk",
  "Dokumentasjonsforvaltning",
  "Portal og innbyggerdialog",
  "Økonomi",
  "Lønn og personal",
  "Microsoft365",
  "Plan og bygg",
  "Kultur og fritid",
  "Samfunnssikkerhet",
  "Informasjonssikkerhet",
];

type Phase = "G" | "C" | "B";
type Route = "group" | "committee" | "board";

/** What one proposal's history will be: where it ends, how it got there, and its detours. */
interface Plan {
  created: number;
  end: ProposalState;
  /** Who decided: the group (reject), the committee (approve/reject) or the board. */
  route: Route;
  /** Detours per phase, each one or two history rows (a deferral; a return and a new recommendation). */
  loops: Record<Phase, (1 | 2)[]>;
}

/** End states by share, for proposals old enough to have been through the whole process. */
const settledShares: Record<string, number> = {
  completed: 30,
  inProgress: 8,
  approved: 3,
  cancelled: 3,
  rejectedGroup: 10,
  rejectedCommittee: 4,
  rejectedBoard: 2,
  withdrawn: 5,
  merged: 5,
  redirected: 8,
  groupReview: 8,
  awaitingSubmitter: 3,
  committeeReview: 4,
  boardReview: 2,
  submitted: 3,
  draft: 2,
};
/** Young proposals (under 60 days) have not got far. */
const youngShares: Record<string, number> = {
  draft: 8,
  submitted: 30,
  groupReview: 40,
  awaitingSubmitter: 8,
  redirected: 6,
  withdrawn: 3,
  merged: 5,
};

function planFor(random: Random, created: number, now: number): Plan {
  const young = now - created < 60 * DAY;
  const pick = random.weighted(young ? youngShares : settledShares);
  const viaBoard = random.next() < 0.4;
  const loops = { G: [], C: [], B: [] };
  switch (pick) {
    case "rejectedGroup":
      return { created, end: "rejected", route: "group", loops };
    case "rejectedCommittee":
      return { created, end: "rejected", route: "committee", loops };
    case "rejectedBoard":
      return { created, end: "rejected", route: "board", loops };
    case "boardReview":
      return { created, end: "boardReview", route: "board", loops };
    case "committeeReview":
      return { created, end: "committeeReview", route: "committee", loops };
    case "approved":
    case "inProgress":
    case "completed":
    case "cancelled":
      return { created, end: pick, route: viaBoard ? "board" : "committee", loops };
    default:
      return { created, end: pick as ProposalState, route: "group", loops };
  }
}

/** The phases a plan passes through, where detours may be added. */
function phasesOf(plan: Plan): Phase[] {
  if (["draft", "submitted", "redirected"].includes(plan.end)) return [];
  if (
    plan.route === "group" ||
    ["groupReview", "awaitingSubmitter", "withdrawn", "merged"].includes(plan.end)
  )
    return ["G"];
  return plan.route === "board" && plan.end !== "committeeReview" ? ["G", "C", "B"] : ["G", "C"];
}

interface Step {
  event: ProposalEventType | "CREATE";
  to: ProposalState;
  /** A decision recorded in a meeting of this body. */
  meeting?: "committee" | "board";
}

/** The history of a plan as events, each one a transition the process machine allows. */
function stepsOf(plan: Plan): Step[] {
  const steps: Step[] = [{ event: "CREATE", to: "draft" }];
  if (plan.end === "draft") return steps;
  steps.push({ event: "SUBMIT", to: "submitted" });
  if (plan.end === "submitted") return steps;
  if (plan.end === "redirected") return [...steps, { event: "REDIRECT", to: "redirected" }];
  steps.push({ event: "ASSIGN", to: "groupReview" });
  for (const size of plan.loops.G) {
    if (size === 1) steps.push({ event: "MOVE_GROUP", to: "groupReview" });
    else
      steps.push(
        { event: "REQUEST_INFO", to: "awaitingSubmitter" },
        { event: "SUPPLEMENT", to: "groupReview" },
      );
  }
  switch (plan.end) {
    case "groupReview":
      return steps;
    case "awaitingSubmitter":
      return [...steps, { event: "REQUEST_INFO", to: "awaitingSubmitter" }];
    case "withdrawn":
      return [...steps, { event: "WITHDRAW", to: "withdrawn" }];
    case "merged":
      return [...steps, { event: "MERGE", to: "merged" }];
  }
  if (plan.route === "group") return [...steps, { event: "GROUP_REJECT", to: "rejected" }];

  steps.push({ event: "RECOMMEND", to: "committeeReview" });
  for (const size of plan.loops.C) {
    if (size === 1) steps.push({ event: "COMMITTEE_DEFER", to: "committeeReview", meeting: "committee" });
    else
      steps.push(
        { event: "COMMITTEE_RETURN", to: "groupReview", meeting: "committee" },
        { event: "RECOMMEND", to: "committeeReview" },
      );
  }
  if (plan.end === "committeeReview") return steps;
  if (plan.route === "committee") {
    if (plan.end === "rejected")
      return [...steps, { event: "COMMITTEE_REJECT", to: "rejected", meeting: "committee" }];
    steps.push({ event: "COMMITTEE_APPROVE", to: "approved", meeting: "committee" });
  } else {
    steps.push({ event: "COMMITTEE_RECOMMEND", to: "boardReview", meeting: "committee" });
    for (const size of plan.loops.B) {
      if (size === 1) steps.push({ event: "BOARD_DEFER", to: "boardReview", meeting: "board" });
      else
        steps.push(
          { event: "BOARD_RETURN", to: "committeeReview", meeting: "board" },
          { event: "COMMITTEE_RECOMMEND", to: "boardReview", meeting: "committee" },
        );
    }
    if (plan.end === "boardReview") return steps;
    if (plan.end === "rejected")
      return [...steps, { event: "BOARD_REJECT", to: "rejected", meeting: "board" }];
    steps.push({ event: "BOARD_APPROVE", to: "approved", meeting: "board" });
  }
  switch (plan.end) {
    case "approved":
      return steps;
    case "inProgress":
      return [...steps, { event: "START", to: "inProgress" }];
    case "completed":
      return [...steps, { event: "START", to: "inProgress" }, { event: "COMPLETE", to: "completed" }];
    case "cancelled":
      return [...steps, { event: "CANCEL", to: "cancelled" }];
  }
  throw new Error(`No path to ${plan.end}`);
}

const needsReason = new Set<string>([
  "REDIRECT",
  "WITHDRAW",
  "REQUEST_INFO",
  "SUPPLEMENT",
  "GROUP_REJECT",
  "COMMITTEE_RETURN",
  "COMMITTEE_REJECT",
  "BOARD_RETURN",
  "BOARD_REJECT",
  "CANCEL",
]);

const outcomeOf: Partial<Record<ProposalEventType, string>> = {
  COMMITTEE_RECOMMEND: "recommend",
  COMMITTEE_APPROVE: "approve",
  COMMITTEE_RETURN: "return",
  COMMITTEE_DEFER: "defer",
  COMMITTEE_REJECT: "reject",
  BOARD_APPROVE: "approve",
  BOARD_REJECT: "reject",
  BOARD_RETURN: "return",
  BOARD_DEFER: "defer",
};

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const iso = (ms: number) => new Date(ms).toISOString();

interface MeetingRow {
  id: number;
  bodyId: number;
  at: number;
  status: "planned" | "noticePublished" | "held" | "protocolPublished";
  items: number;
}

interface ItemRow {
  id: number;
  meeting: MeetingRow;
  proposalId: number | null;
  title: string;
  outcome: string;
  text: string;
  sequence: number;
}

/** Generates the data set; returns what the benchmark needs to know about it. */
export async function generateDataset(options: GenerateOptions): Promise<Dataset> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const scale = options.scale ?? 1;
  const random = prng(options.seed ?? 20261126);
  const now = (options.now ?? new Date()).getTime();
  const nowYear = new Date(now).getUTCFullYear();
  const firstYear = nowYear - 9;
  const start = Date.UTC(firstYear, 0, 1);

  const target = {
    proposals: Math.max(200, Math.round(100_000 * scale)),
    history: Math.max(2_000, Math.round(1_000_000 * scale)),
    meetings: Math.max(50, Math.round(5_000 * scale)),
    items: Math.max(500, Math.round(50_000 * scale)),
    users: Math.max(1_000, Math.round(10_000 * scale)),
  };

  for (const suffix of ["", "-wal", "-shm"]) rmSync(options.file + suffix, { force: true });
  const kysely = openDatabase(options.file);
  await migrateToLatest(kysely);
  await kysely.destroy();

  const db = new SQLite(options.file);
  // Bulk load: the rollback journal in memory (not WAL, which would write every page twice) and no
  // fsync while writing; the file goes back to WAL mode when done.
  db.pragma("journal_mode = DELETE");
  db.pragma("journal_mode = MEMORY");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144");
  db.pragma("temp_store = MEMORY");
  db.pragma("foreign_keys = ON");
  const hasFollowup =
    db.prepare("select 1 from sqlite_master where type = 'table' and name = 'proposal_followup'").get() !==
    undefined;

  const counts: Record<string, number> = {};
  const count = (table: string, n = 1) => (counts[table] = (counts[table] ?? 0) + n);
  const startDate = isoDate(start);

  const ins = {
    municipality: db.prepare("insert into municipality (id, name, valid_from) values (?, ?, ?)"),
    body: db.prepare("insert into body (id, kind, valid_from) values (?, ?, ?)"),
    bodyName: db.prepare("insert into body_name (body_id, name, valid_from) values (?, ?, ?)"),
    user: db.prepare(
      `insert into "user" (id, email, name, password_hash, is_admin, is_coordinator, active, municipality_id, created_at)
       values (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    ),
    membership: db.prepare(
      `insert into membership (user_id, body_id, role, municipality_id, vote_weight, valid_from)
       values (?, ?, ?, ?, ?, ?)`,
    ),
    strategy: db.prepare(
      "insert into strategy (name, period_from, period_to, status) values (?, ?, ?, 'approved')",
    ),
    goal: db.prepare(
      "insert into strategy_goal (strategy_id, parent_id, number, title, description) values (?, ?, ?, ?, ?)",
    ),
    band: db.prepare("insert into priority_band (label, min_total) values (?, ?)"),
    meeting: db.prepare(
      `insert into meeting (id, body_id, starts_at, end_time, place, status, created_by, created_at, notice_published_at)
       values (?, ?, ?, '12:00', ?, ?, ?, ?, ?)`,
    ),
    proposal: db.prepare(
      `insert into proposal (id, title, background, problem, solution, benefits, affected, resources,
         suggested_group_id, group_id, state, version, author_id, merged_into_id, created_at, submitted_at,
         state_changed_at, decided_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    proposalMunicipality: db.prepare(
      "insert into proposal_municipality (proposal_id, municipality_id) values (?, ?)",
    ),
    history: db.prepare(
      `insert into proposal_history (proposal_id, from_state, to_state, event, actor_id, at, reason, group_id, protocol_item_id)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    assessment: db.prepare(
      `insert into assessment (proposal_id, strategic_value, service_quality, economic_benefit, necessity, risk,
         benefits_plan, cost_once, cost_yearly, updated_by, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    assessmentGoal: db.prepare("insert into assessment_goal (proposal_id, goal_id) values (?, ?)"),
    followup: hasFollowup
      ? db.prepare(
          `insert into proposal_followup (proposal_id, project_lead_id, start_date, planned_end, completed_on,
             realised_benefits, report_text, updated_by, updated_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
      : null,
    item: db.prepare(
      `insert into protocol_item (id, meeting_id, body_id, kind, proposal_id, title, presentation, recommendation,
         sequence, number, number_year, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    decision: db.prepare(
      `insert into decision (protocol_item_id, outcome, text, unanimous, recorded_by, recorded_at)
       values (?, ?, ?, 1, ?, ?)`,
    ),
    counter: db.prepare("insert into case_number_counter (body_id, year, last_number) values (?, ?, ?)"),
    meetingStatus: db.prepare(
      `update meeting set status = ?, protocol_approved_at = ?, protocol_approved_by = ?, protocol_published_at = ?
       where id = ?`,
    ),
  };

  let result: Dataset | undefined;
  db.transaction(() => {
    // ── Organisation ─────────────────────────────────────────────────────────────
    const municipalities = municipalityNames(MUNICIPALITIES);
    municipalities.forEach((name, i) => ins.municipality.run(i + 1, name, "2000-01-01"));
    count("municipality", municipalities.length);

    const groupIds = GROUP_NAMES.map((name, i) => {
      ins.body.run(i + 1, "group", startDate);
      ins.bodyName.run(i + 1, name, startDate);
      return i + 1;
    });
    const committeeId = groupIds.length + 1;
    const boardId = groupIds.length + 2;
    ins.body.run(committeeId, "committee", startDate);
    ins.bodyName.run(committeeId, "Porteføljerådet", startDate);
    ins.body.run(boardId, "board", startDate);
    ins.bodyName.run(boardId, "Samarbeidsrådet", startDate);
    count("body", groupIds.length + 2);

    const created = iso(start);
    const benchUserId = 1;
    ins.user.run(benchUserId, BENCH_EMAIL, "Benk Måler", options.passwordHash, 0, 1, 1, created);
    for (let id = 2; id <= target.users; id++) {
      const coordinator = id <= 6 ? 1 : 0;
      ins.user.run(
        id,
        `person${id}@benk.invalid`,
        personName(random),
        options.passwordHash,
        0,
        coordinator,
        ((id - 1) % MUNICIPALITIES) + 1,
        created,
      );
    }
    count("user", target.users);
    const coordinators = [1, 2, 3, 4, 5, 6];
    // Every group: a leader and ten members; the bench user leads the first and sits on the committee.
    let nextUser = 7;
    const leaderOf = new Map<number, number>();
    for (const groupId of groupIds) {
      const leader = groupId === groupIds[0] ? benchUserId : nextUser++;
      leaderOf.set(groupId, leader);
      ins.membership.run(leader, groupId, "leader", null, 0, startDate);
      for (let k = 0; k < 10; k++) ins.membership.run(nextUser++, groupId, "member", null, 0, startDate);
    }
    const committeeChair = nextUser++;
    const boardChair = nextUser++;
    ins.membership.run(committeeChair, committeeId, "chair", null, 0, startDate);
    ins.membership.run(boardChair, boardId, "chair", null, 0, startDate);
    ins.membership.run(benchUserId, committeeId, "member", 1, 1, startDate);
    for (let m = 2; m <= MUNICIPALITIES; m++) {
      ins.membership.run(nextUser++, committeeId, "member", m, 1, startDate);
      ins.membership.run(nextUser++, boardId, "member", m, 1, startDate);
    }
    if (nextUser > target.users) throw new Error("Too few users for the memberships");
    count("membership", groupIds.length * 11 + 3 + (MUNICIPALITIES - 1) * 2);

    // ── Strategy ─────────────────────────────────────────────────────────────────
    const strategyId = Number(
      ins.strategy.run(strategy2022.name, strategy2022.periodFrom, strategy2022.periodTo).lastInsertRowid,
    );
    const subGoalIds: number[] = [];
    for (const main of strategy2022.goals) {
      const mainId = Number(
        ins.goal.run(strategyId, null, main.number, main.title, main.description).lastInsertRowid,
      );
      for (const sub of main.subGoals)
        subGoalIds.push(
          Number(ins.goal.run(strategyId, mainId, sub.number, sub.title, sub.description).lastInsertRowid),
        );
    }
    for (const band of priorityBands) ins.band.run(band.label, band.minTotal);

    // ── Meetings: the committee and the board meet often at this scale; groups meet too ──
    const meetings: MeetingRow[] = [];
    const span = now + 90 * DAY - start;
    const addMeetings = (bodyId: number, n: number, offset: number) => {
      for (let k = 0; k < n; k++) {
        const at = start + Math.floor(((k + offset) / n) * span);
        const status = at > now ? (at - 7 * DAY > now ? "planned" : "noticePublished") : "held";
        meetings.push({ id: 0, bodyId, at, status, items: 0 });
      }
    };
    const committeeMeetings = Math.round(target.meetings * 0.3);
    const boardMeetings = Math.round(target.meetings * 0.2);
    addMeetings(committeeId, committeeMeetings, 0.2);
    addMeetings(boardId, boardMeetings, 0.6);
    const groupMeetings = target.meetings - committeeMeetings - boardMeetings;
    const perGroup = Math.floor(groupMeetings / groupIds.length);
    const extra = groupMeetings - perGroup * groupIds.length;
    groupIds.forEach((g, i) => addMeetings(g, perGroup + (i < extra ? 1 : 0), i / groupIds.length));
    meetings.sort((a, b) => a.at - b.at);
    meetings.forEach((m, i) => {
      m.id = i + 1;
      const startsAt = `${isoDate(m.at)}T10:00`;
      const place =
        random.next() < 0.6 ? "Teams (digitalt møte)" : `Rådhuset i ${random.pick(municipalities)}`;
      ins.meeting.run(
        m.id,
        m.bodyId,
        startsAt,
        place,
        m.status,
        coordinators[0],
        iso(m.at - 30 * DAY),
        m.status === "planned" ? null : iso(m.at - 7 * DAY),
      );
    });
    count("meeting", meetings.length);
    const heldOf = (bodyId: number) => meetings.filter((m) => m.bodyId === bodyId && m.status === "held");
    const held = { committee: heldOf(committeeId), board: heldOf(boardId) };
    /** The first held meeting of the body on or after a time. */
    const meetingFrom = (body: "committee" | "board", at: number): MeetingRow | undefined => {
      const list = held[body];
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]!.at < at) lo = mid + 1;
        else hi = mid;
      }
      return list[lo];
    };

    // ── Plans: where each proposal ends, then detours until the history has its size ──
    const plans: Plan[] = [];
    for (let i = 0; i < target.proposals; i++) {
      const createdAt = start + Math.floor(((i + random.next()) / target.proposals) * (now - DAY - start));
      plans.push(planFor(random, createdAt, now));
    }
    let rows = plans.reduce((sum, p) => sum + stepsOf(p).length, 0);
    const detourable = plans.filter((p) => now - p.created > 240 * DAY && phasesOf(p).length > 0);
    while (rows < target.history && detourable.length > 0) {
      const plan = random.pick(detourable);
      const phases = phasesOf(plan);
      const phase = random.weighted({
        G: 8,
        C: phases.includes("C") ? 1 : 0,
        B: phases.includes("B") ? 1 : 0,
      });
      const size: 1 | 2 = target.history - rows >= 2 && random.next() < 0.5 ? 2 : 1;
      plan.loops[phase].push(size);
      rows += size;
    }

    // ── Proposals and their histories, in the order they were written ───────────────
    const items: ItemRow[] = [];
    const itemBudget = Math.round(target.items * 0.9);
    let sampleProposalId = 1;
    let sampleLength = 0;
    plans.forEach((plan, index) => {
      const id = index + 1;
      const texts = proposalTexts(random);
      const author = id % 500 === 0 ? benchUserId : random.int(2, target.users);
      const steps = stepsOf(plan);
      let group: number | null = null;
      const suggested = random.next() < 0.7 ? random.pick(groupIds) : null;
      let t = plan.created;
      let submittedAt: number | null = null;
      let decidedAt: number | null = null;
      let recommendedAt: number | null = null;
      let startedAt: number | null = null;
      let completedAt: number | null = null;
      let mergedInto: number | null = null;
      let from: ProposalState | null = null;
      // Written after the proposal row they refer to.
      const history: unknown[][] = [];
      steps.forEach((step, k) => {
        if (k > 0) {
          const left = steps.length - k;
          const room = Math.max(0, now - t - DAY) / (left + 1);
          t += Math.floor(random.next() * Math.min(20 * DAY, room)) + 60_000;
        }
        let itemId: number | null = null;
        if (step.meeting) {
          const meeting = meetingFrom(step.meeting, t);
          if (meeting && meeting.at < now) {
            t = Math.max(t, meeting.at + 3 * 3_600_000);
            if (items.length < itemBudget) {
              meeting.items += 1;
              itemId = items.length + 1;
              items.push({
                id: itemId,
                meeting,
                proposalId: id,
                title: texts.title,
                outcome: outcomeOf[step.event as ProposalEventType] ?? "noted",
                text: paragraph(random, "solution", 80),
                sequence: meeting.items,
              });
            }
          }
        }
        if (step.event === "ASSIGN") group = suggested ?? random.pick(groupIds);
        if (step.event === "MOVE_GROUP") group = groupIds[(groupIds.indexOf(group!) + 1) % groupIds.length]!;
        if (step.event === "SUBMIT") submittedAt = t;
        if (step.event === "RECOMMEND") recommendedAt = t;
        if (step.event === "START") startedAt = t;
        if (step.event === "COMPLETE") completedAt = t;
        if (step.event === "MERGE") mergedInto = random.int(1, Math.max(1, id - 1));
        if (step.to === "approved" || step.to === "rejected") decidedAt = t;
        history.push([
          id,
          from,
          step.to,
          step.event,
          actorFor(step, author, group),
          iso(t),
          needsReason.has(step.event) ? paragraph(random, "problem", 60) : null,
          group,
          itemId,
        ]);
        from = step.to;
      });

      if (mergedInto === id) mergedInto = null;
      ins.proposal.run(
        id,
        texts.title,
        texts.background,
        texts.problem,
        texts.solution,
        texts.benefits,
        texts.affected,
        texts.resources,
        suggested,
        group,
        plan.end,
        steps.length,
        author,
        mergedInto,
        iso(plan.created),
        submittedAt === null ? null : iso(submittedAt),
        iso(t),
        decidedAt === null ? null : iso(decidedAt),
      );
      for (const row of history) ins.history.run(...row);
      count("proposal_history", history.length);
      const own = ((author - 1) % MUNICIPALITIES) + 1;
      const places = new Set([own]);
      const extra = random.weighted({ 0: 60, 1: 30, 2: 10 });
      for (let k = 0; k < Number(extra); k++) places.add(random.int(1, MUNICIPALITIES));
      for (const m of places) ins.proposalMunicipality.run(id, m);
      count("proposal_municipality", places.size);

      const scored = recommendedAt !== null || (plan.end === "groupReview" && random.next() < 0.5);
      if (scored && group !== null) {
        const complete = recommendedAt !== null;
        const score = () => random.int(1, 5);
        ins.assessment.run(
          id,
          score(),
          score(),
          score(),
          complete ? score() : null,
          complete ? score() : null,
          complete ? paragraph(random, "benefits", 120) : "",
          complete ? random.int(1, 200) * 10_000 : null,
          complete ? random.int(0, 50) * 5_000 : null,
          leaderOf.get(group) ?? coordinators[0],
          iso(recommendedAt ?? t),
        );
        count("assessment");
        if (complete) {
          const goals = new Set([random.pick(subGoalIds), random.pick(subGoalIds)]);
          for (const g of goals) ins.assessmentGoal.run(id, g);
          count("assessment_goal", goals.size);
        }
      }
      if (ins.followup && startedAt !== null) {
        ins.followup.run(
          id,
          random.pick(coordinators),
          isoDate(startedAt),
          isoDate(startedAt + random.int(60, 400) * DAY),
          completedAt === null ? null : isoDate(completedAt),
          completedAt === null ? "" : paragraph(random, "benefits", 150),
          completedAt === null ? "" : paragraph(random, "solution", 250),
          coordinators[0],
          iso(completedAt ?? startedAt),
        );
        count("proposal_followup");
      }
      count("proposal");
      if (plan.end === "committeeReview" && steps.length > sampleLength) {
        sampleProposalId = id;
        sampleLength = steps.length;
      }
    });

    // ── Other cases fill the agendas up to the protocol items' size ────────────────
    const past = meetings.filter((m) => m.status === "held");
    // The meeting page's sample: the latest committee meeting with a published protocol and at
    // most 15 cases so far, filled up to exactly 15 and left out of the random filling below.
    const latest = (ok: (m: MeetingRow) => boolean) => [...past].reverse().find(ok);
    const sampleMeeting =
      latest((m) => m.bodyId === committeeId && m.items <= 15 && m.at + 8 * DAY <= now) ??
      latest((m) => m.bodyId === committeeId)!;
    const otherCase = (meeting: MeetingRow) => {
      meeting.items += 1;
      items.push({
        id: items.length + 1,
        meeting,
        proposalId: null,
        title: `Orientering om ${random.pick(objects)}`,
        outcome: random.next() < 0.7 ? "noted" : "decided",
        text: paragraph(random, "background", 100),
        sequence: meeting.items,
      });
    };
    while (sampleMeeting.items < 15) otherCase(sampleMeeting);
    const fillable = past.filter((m) => m !== sampleMeeting);
    while (items.length < target.items && fillable.length > 0) otherCase(random.pick(fillable));
    // Case numbers per body and year, in meeting order, as publishing the notices gives them.
    const ordered = [...items].sort((a, b) => a.meeting.at - b.meeting.at || a.sequence - b.sequence);
    const numbers = new Map<string, number>();
    const numberOf = new Map<number, [number, number]>();
    for (const item of ordered) {
      const year = new Date(item.meeting.at).getUTCFullYear();
      const key = `${item.meeting.bodyId}:${year}`;
      const n = (numbers.get(key) ?? 0) + 1;
      numbers.set(key, n);
      numberOf.set(item.id, [n, year]);
    }
    for (const item of items) {
      const [number, year] = numberOf.get(item.id)!;
      ins.item.run(
        item.id,
        item.meeting.id,
        item.meeting.bodyId,
        item.proposalId === null ? "other" : "proposal",
        item.proposalId,
        item.title,
        paragraph(random, "background", 300),
        paragraph(random, "solution", 120),
        item.sequence,
        number,
        year,
        iso(item.meeting.at - 14 * DAY),
      );
      const chair = item.meeting.bodyId === boardId ? boardChair : committeeChair;
      ins.decision.run(item.id, item.outcome, item.text, chair, iso(item.meeting.at + 3 * 3_600_000));
    }
    count("protocol_item", items.length);
    count("decision", items.length);
    for (const [key, last] of numbers) {
      const [bodyId, year] = key.split(":").map(Number);
      ins.counter.run(bodyId, year, last);
    }
    // Held meetings more than a week ago have an approved and published protocol (frozen from here on).
    for (const m of past) {
      if (m.at + 8 * DAY > now) continue;
      ins.meetingStatus.run(
        "protocolPublished",
        iso(m.at + 7 * DAY),
        coordinators[0],
        iso(m.at + 8 * DAY),
        m.id,
      );
    }

    result = {
      file: options.file,
      seconds: 0,
      counts,
      bench: { userId: benchUserId, email: BENCH_EMAIL },
      reportYear: nowYear - 1,
      groupId: groupIds[1]!,
      municipalityId: 42,
      sampleProposalId,
      searchTerms: { broad: "velferdsteknologi", narrow: "legevakt" },
      sampleMeetingId: sampleMeeting.id,
    };

    function actorFor(step: Step, author: number, group: number | null): number {
      if (step.meeting === "committee") return committeeChair;
      if (step.meeting === "board") return boardChair;
      switch (step.event) {
        case "CREATE":
        case "SUBMIT":
        case "WITHDRAW":
        case "SUPPLEMENT":
          return author;
        case "REQUEST_INFO":
        case "RECOMMEND":
        case "GROUP_REJECT":
          return group === null ? coordinators[0]! : (leaderOf.get(group) ?? coordinators[0]!);
        default:
          return coordinators[author % coordinators.length]!;
      }
    }
  })();
  log("written; checking the file");
  db.pragma("journal_mode = WAL");
  db.close();
  result!.seconds = (performance.now() - started) / 1000;
  log(`generated in ${result!.seconds.toFixed(1)} s`);
  return result!;
}
