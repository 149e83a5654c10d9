import { currentUserById } from "../current-user.server";
import { addDays } from "#workflows/dates";
import type { Executor } from "#db/connection";
import {
  addItem,
  createMeeting,
  getMeeting,
  itemsOfMeeting,
  setItemSequence,
  signersOfMeeting,
} from "#db/repositories/meeting.repository";
import { bodyOfKind, listMembershipsOfBody } from "#db/repositories/organisation.repository";
import { getProposal } from "#db/repositories/proposal.repository";
import {
  boardCases2021,
  boardItems2021,
  committeeOrientation,
  type DemoMeetingCase,
} from "#db/seed-data/meeting-cases-2021";
import { meetingsCalendar, type CalendarMeeting } from "#db/seed-data/meetings-calendar";
import { outcomesFor, proposalEventFor, type CaseOutcome } from "#workflows/meeting.outcomes";
import type { ProposalEventType } from "#workflows/proposal.machine";
import type { CastVote } from "#workflows/vote";
import type { CurrentUser } from "../auth.server";
import { proposalPresentation } from "../commands/add-case.server";
import { approveProtocol, firstPresentMembers, signProtocol } from "../commands/approve-protocol.server";
import { declareConflict } from "../commands/declare-conflict.server";
import { publishNotice } from "../commands/publish-notice.server";
import { publishProtocol } from "../commands/publish-protocol.server";
import { recordAttendance } from "../commands/record-attendance.server";
import { recordDecision } from "../commands/record-decision.server";

/** A committee or board decision of a demo proposal, taken in a meeting of the calendar. */
export interface MeetingStep {
  meetingKey: string;
  proposalId: number;
  event: ProposalEventType;
  title: string;
  reason?: string | null;
}

export interface MeetingSeeder {
  /** Puts the proposal on that meeting's agenda with its decision to come; returns the protocol item id. */
  protocolItemFor(step: MeetingStep): Promise<number>;
  /**
   * Adds the other cases, then runs every meeting in date order through the real commands:
   * notice with numbers, attendance, conflicts, decisions with votes, approved and published
   * protocol. Returns the ids of cases other demo data refers to.
   */
  finish(): Promise<{ strategyItemId: number }>;
}

interface SeedMeeting {
  entry: CalendarMeeting;
  id: number;
  bodyId: number;
  bodyName: string;
}

interface PendingDecision {
  outcome: CaseOutcome;
  text: string;
  rank: number;
  proposal: boolean;
  conflictOf?: string;
}

const at = (date: string, time: string) => new Date(`${date}T${time}:00.000Z`);

/** Attendance of the demo year: a few members send apologies. */
const absences: Record<string, string[]> = {
  "board-2021-06-16": ["Rauma"],
  "board-2021-10-20": ["Aukra"],
  "committee-2021-08-25": ["Vestnes"],
};
/** One recommendation was not unanimous: the member from this municipality voted against. */
const splitVote = { meeting: "committee-2021-06-02", against: "Aukra" };

function outcomeOf(kind: "committee" | "board", event: ProposalEventType): CaseOutcome {
  const outcome = outcomesFor(kind, "proposal").find((o) => proposalEventFor(kind, o) === event);
  if (!outcome) throw new Error(`Demo meetings: ${event} is not a ${kind} decision`);
  return outcome;
}

/** The decision text a demo step implies when it carries no reason of its own. */
function defaultDecision(
  kind: "committee" | "board",
  outcome: CaseOutcome,
  title: string,
  names: { committee: string; board: string },
) {
  if (outcome === "recommend")
    return `${names.committee} innstiller overfor ${names.board.toLowerCase()}: Innspillet «${title}» vedtas gjennomført.`;
  if (outcome === "approve")
    return kind === "committee"
      ? `Innspillet «${title}» vedtas gjennomført innenfor daglig leders fullmakt.`
      : `Innspillet «${title}» vedtas gjennomført.`;
  if (outcome === "defer") return "Saken utsettes til et senere møte.";
  return "Saken er behandlet.";
}

/**
 * The demo year's meetings (db/seed-data/meetings-calendar.ts). The replay of the demo proposals
 * asks `protocolItemFor` for each committee and board decision, in the order it replays them, and
 * passes the id as the meeting's protocol item; `finish` then holds the meetings. Proposals are
 * moved by the replay, so decisions here only confirm them.
 */
export async function createMeetingSeeder(
  trx: Executor,
  _ids: { bodyIds?: Record<string, number>; userIds?: Record<string, number> } = {},
): Promise<MeetingSeeder> {
  const meetings = new Map<string, SeedMeeting>();
  for (const entry of meetingsCalendar) {
    const body = await bodyOfKind(trx, entry.body, entry.date);
    if (!body) throw new Error(`Demo meetings: no ${entry.body} on ${entry.date}`);
    const [start, end] = entry.body === "board" ? ["10:00", "13:00"] : ["09:00", "11:30"];
    const id = await createMeeting(trx, {
      bodyId: body.id,
      startsAt: `${entry.date}T${start}`,
      endTime: end,
      place: entry.place,
      videoLink: null,
      createdBy: (await clerkOf(trx, body.id, entry.date)).id,
      createdAt: at(addDays(entry.date, -30), "08:00").toISOString(),
    });
    meetings.set(entry.key, { entry, id, bodyId: body.id, bodyName: body.name });
  }
  const pending = new Map<number, PendingDecision>();
  const deferred = new Map<string, number>();
  const recommendations = new Map<number, string>();

  async function protocolItemFor(step: MeetingStep): Promise<number> {
    const meeting = meetings.get(step.meetingKey);
    if (!meeting) throw new Error(`Demo meetings: "${step.meetingKey}" is not on the calendar`);
    const kind = meeting.entry.body;
    const outcome = outcomeOf(kind, step.event);
    const proposal = await getProposal(trx, step.proposalId);
    if (!proposal) throw new Error(`Demo meetings: no proposal ${step.proposalId}`);
    const names = {
      committee: (await bodyOfKind(trx, "committee", meeting.entry.date))?.name ?? "",
      board: (await bodyOfKind(trx, "board", meeting.entry.date))?.name ?? "",
    };
    const recommendation =
      kind === "board"
        ? (recommendations.get(step.proposalId) ?? `Innspillet «${step.title}» vedtas gjennomført.`)
        : defaultDecision("committee", "recommend", step.title, names);
    const key = `${meeting.bodyId}:${step.proposalId}`;
    const itemId = await addItem(trx, {
      meetingId: meeting.id,
      bodyId: meeting.bodyId,
      kind: "proposal",
      proposalId: step.proposalId,
      title: step.title,
      presentation: await proposalPresentation(trx, proposal),
      recommendation,
      exempt: false,
      exemptBasis: null,
      deferredFromId: deferred.get(key) ?? null,
      createdAt: at(addDays(meeting.entry.date, -30), "08:00").toISOString(),
    });
    const text = step.reason?.trim() || defaultDecision(kind, outcome, step.title, names);
    pending.set(itemId, { outcome, text, rank: 5, proposal: true });
    if (outcome === "defer") deferred.set(key, itemId);
    else deferred.delete(key);
    if (outcome === "recommend") recommendations.set(step.proposalId, text);
    return itemId;
  }

  async function addOther(meeting: SeedMeeting, c: DemoMeetingCase): Promise<number> {
    const itemId = await addItem(trx, {
      meetingId: meeting.id,
      bodyId: meeting.bodyId,
      kind: "other",
      proposalId: null,
      title: c.title,
      presentation: c.presentation,
      recommendation: c.recommendation,
      exempt: c.exemptBasis !== undefined,
      exemptBasis: c.exemptBasis ?? null,
      deferredFromId: null,
      createdAt: at(addDays(meeting.entry.date, -30), "08:00").toISOString(),
    });
    pending.set(itemId, {
      outcome: c.outcome,
      text: c.decision,
      rank: c.rank,
      proposal: false,
      conflictOf: c.conflictOf,
    });
    return itemId;
  }

  async function finish(): Promise<{ strategyItemId: number }> {
    let strategyItemId = 0;
    for (const meeting of meetings.values())
      if (meeting.entry.body === "committee")
        await addOther(meeting, committeeOrientation(meeting.entry.key));

    // The board's other cases, by priority, up to the year's total with the proposals decided.
    const boardMeetings = [...meetings.values()].filter((m) => m.entry.body === "board");
    let proposalItems = 0;
    for (const m of boardMeetings) proposalItems += (await itemsOfMeeting(trx, m.id)).length;
    const room = boardItems2021 - proposalItems;
    if (room < 0)
      throw new Error(`Demo meetings: ${proposalItems} board decisions exceed ${boardItems2021} items`);
    const chosen = boardCases2021
      .map((c, index) => ({ c, index }))
      .sort((x, y) => x.c.priority - y.c.priority || x.index - y.index)
      .slice(0, room);
    if (chosen.length < room)
      throw new Error(`Demo meetings: too few board cases to make ${boardItems2021} items`);
    for (const { c } of chosen.sort((x, y) => x.index - y.index)) {
      const meeting = meetings.get(c.meeting);
      if (!meeting) throw new Error(`Demo meetings: "${c.meeting}" is not on the calendar`);
      const itemId = await addOther(meeting, c);
      if (c.key === "strategy2022") strategyItemId = itemId;
    }

    const ordered = [...meetings.values()].sort((a, b) => a.entry.date.localeCompare(b.entry.date));
    for (const meeting of ordered) await hold(meeting);
    return { strategyItemId };
  }

  /** Runs one meeting through the commands, as its secretary would. */
  async function hold(meeting: SeedMeeting) {
    const { entry } = meeting;
    const clerk = await clerkOf(trx, meeting.bodyId, entry.date);
    const version = async () => (await getMeeting(trx, meeting.id))!.version;
    const must = async (what: string, result: Promise<{ ok: boolean }>) => {
      const r = await result;
      if (!r.ok) throw new Error(`Demo meeting ${entry.key}: ${what} refused: ${JSON.stringify(r)}`);
    };

    const items = await itemsOfMeeting(trx, meeting.id);
    if (items.length === 0) throw new Error(`Demo meeting ${entry.key} has no cases`);
    const agenda = [...items].sort(
      (a, b) => pending.get(a.id)!.rank - pending.get(b.id)!.rank || a.id - b.id,
    );
    for (const [index, item] of agenda.entries()) await setItemSequence(trx, item.id, index + 1);

    const noticeAt = new Date(at(entry.date, "08:00").getTime() - 10 * 86_400_000);
    await must(
      "notice",
      publishNotice(trx, {
        user: clerk,
        meetingId: meeting.id,
        expectedVersion: await version(),
        now: noticeAt,
      }),
    );

    const members = await listMembershipsOfBody(trx, meeting.bodyId, { on: entry.date });
    const away = new Set(absences[entry.key] ?? []);
    const attendance = Object.fromEntries(
      members.map((m) => [m.user_id, away.has(m.municipality_name ?? "") ? "absent" : "present"] as const),
    );
    await must(
      "attendance",
      recordAttendance(trx, {
        user: clerk,
        meetingId: meeting.id,
        expectedVersion: await version(),
        attendance: { members: attendance, substitutes: {} },
      }),
    );

    let split = entry.key === splitVote.meeting;
    for (const item of agenda) {
      const decision = pending.get(item.id)!;
      if (decision.conflictOf) {
        const member = members.find((m) => m.municipality_name === decision.conflictOf && m.vote_weight > 0);
        if (member)
          await must(
            "conflict",
            declareConflict(trx, {
              user: clerk,
              meetingId: meeting.id,
              expectedVersion: await version(),
              itemId: item.id,
              userId: member.user_id,
              reason: "Nær familie av den saken gjelder (fvl. § 6 første ledd bokstav b).",
            }),
          );
      }
      let votes: CastVote[] | "unanimous" = decision.proposal ? "unanimous" : [];
      if (split && decision.proposal && decision.outcome === "recommend") {
        split = false;
        votes = members
          .filter((m) => m.vote_weight > 0 && attendance[m.user_id] === "present")
          .map((m) => ({
            userId: m.user_id,
            choice: m.municipality_name === splitVote.against ? "against" : "for",
          }));
      }
      await must(
        `decision on "${item.title}"`,
        recordDecision(trx, {
          user: clerk,
          meetingId: meeting.id,
          expectedVersion: await version(),
          itemId: item.id,
          outcome: decision.outcome,
          text: decision.text,
          votes,
          now: at(entry.date, entry.body === "board" ? "10:30" : "09:30"),
          // The replay has moved the proposal through the machine with this protocol item already.
          proposalProcess: { waits: async () => decision.proposal, move: async () => ({ ok: true }) },
        }),
      );
    }
    await must(
      "approval",
      approveProtocol(trx, {
        user: clerk,
        meetingId: meeting.id,
        expectedVersion: await version(),
        signers: await firstPresentMembers(trx, meeting.id),
        now: at(addDays(entry.date, 7), "12:00"),
      }),
    );
    // Every signer approves the protocol the same day, as the municipalities' minutes show.
    for (const signer of await signersOfMeeting(trx, meeting.id))
      await must(
        "signature",
        signProtocol(trx, {
          user: { ...clerk, id: signer.user_id },
          meetingId: meeting.id,
          now: at(addDays(entry.date, 7), "15:00"),
        }),
      );
    await must(
      "publication",
      publishProtocol(trx, {
        user: clerk,
        meetingId: meeting.id,
        expectedVersion: await version(),
        now: at(addDays(entry.date, 8), "09:00"),
      }),
    );
  }

  return { protocolItemFor, finish };
}

/** The body's secretary on the day (or its chair), as the session user the commands expect. */
async function clerkOf(trx: Executor, bodyId: number, date: string): Promise<CurrentUser> {
  const members = await listMembershipsOfBody(trx, bodyId, { on: date });
  const clerk = members.find((m) => m.role === "secretary") ?? members.find((m) => m.role === "chair");
  if (!clerk) throw new Error(`Demo meetings: body ${bodyId} has no secretary or chair on ${date}`);
  return currentUserById(trx, clerk.user_id, date);
}
