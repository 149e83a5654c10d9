import {
  casesOfProposals,
  deferredOtherItems,
  formerSubstitutes,
  proposalsAwaiting,
} from "#db/repositories/meeting.repository";
import { membershipsInBody } from "#db/repositories/organisation.repository";
import { searchActiveUsers } from "#db/repositories/user.repository";
import { today } from "#workflows/dates";
import { awaitedState, decisionKind, outcomesFor, takesProposalCases } from "#workflows/meeting.outcomes";
import { availableMeetingEvents, meetingStateMeta, type MeetingEventType } from "#workflows/meeting.machine";
import { mayOrganiseMeetings, maySeeExemptCases } from "#workflows/policy";
import { bodyText } from "#workflows/proposal.machine";
import { followedExemption } from "#workflows/exemption";
import { chosenMemberCount, signingRuleOf } from "#workflows/signing";
import { bodyMembers, isQuorate, votersForCase } from "#workflows/vote";
import { roleLabels } from "~/domain/texts";
import { caseLabel, meetingTexts, outcomeLabel } from "~/domain/texts/meetings";
import { recordTexts } from "~/domain/texts/records";
import { notFound, type CurrentUser } from "../auth.server";
import { meetingActor, meetingHasStarted } from "../commands/meeting-command.server";
import { db } from "../db.server";
import { documentOf, meetingRecord, type MeetingRecord } from "./record.server";

/* The meeting page for one viewer, and the document for its print views and Word files. */

const T = meetingTexts;

/** Everything the meeting page shows and offers, for one viewer. */
export async function meetingPage(id: number, user: CurrentUser, substituteQuery = "") {
  const record = await meetingRecord(id);
  if (!record) return undefined;
  const { meeting, body, names } = record;
  const [actor, exemptReadable] = await Promise.all([
    meetingActor(db(), user, meeting.body_id, record.date),
    mayReadExemptCases(user, record),
  ]);
  const organiser = mayOrganiseMeetings(actor);
  const undecided = record.items.filter(
    (i) => !record.decisions.some((d) => d.protocol_item_id === i.id),
  ).length;
  const events = organiser
    ? availableMeetingEvents(
        meeting.status,
        {
          caseCount: record.items.length,
          undecidedCount: undecided,
          started: meetingHasStarted(meeting.starts_at),
          unsignedCount: record.signers.filter((s) => s.signed_at === null).length,
        },
        actor,
      )
    : [];
  const can = (type: MeetingEventType) => events.find((e) => e.type === type && !e.blocked) !== undefined;
  const blocked = (type: MeetingEventType) => events.find((e) => e.type === type)?.blocked === true;
  const document = documentOf(record, !exemptReadable);

  const members = bodyMembers(
    record.members.map((m) => ({ userId: m.user_id, role: m.role, voteWeight: m.vote_weight })),
  );
  const attendance = record.attendance.map((a) => ({
    userId: a.user_id,
    status: a.status,
    substituteForId: a.substitute_for_id,
  }));
  const nameOf = new Map<number, string>([
    ...record.members.map((m) => [m.user_id, m.user_name] as const),
    ...record.attendance.map((a) => [a.user_id, a.user_name] as const),
  ]);

  const recordDecision = can("RECORD_DECISION");
  const cases = record.items.map((item) => {
    const conflicted = record.conflicts.filter((c) => c.protocol_item_id === item.id).map((c) => c.user_id);
    const decided = record.decisions.some((d) => d.protocol_item_id === item.id);
    const decidedAs = decisionKind(body.kind, item.kind, item.proposal_state);
    const mayDecide = recordDecision && !decided;
    const mayDeclareConflict = can("DECLARE_CONFLICT") && !decided;
    // Who votes matters only to the decision form.
    const voters = mayDecide ? votersForCase(members, attendance, conflicted) : [];
    return {
      id: item.id,
      kind: item.kind,
      version: item.version,
      proposalVersion: item.proposal_version,
      proposalState: item.proposal_state,
      numbered: item.number !== null,
      decided,
      outcomes: decided
        ? []
        : outcomesFor(body.kind, decidedAs).map((o) => ({
            value: o,
            label: bodyText(outcomeLabel(body.kind, decidedAs, o)!, names),
          })),
      // Only what the case's forms need, and names once per page (`people`): a council of 357
      // members made 15 cases send 200 kB of repeated names to every reader.
      voters: voters.map((v) => ({ userId: v.userId, weight: v.weight })),
      /** The decision form warns that too few may vote (only computed for a case it is shown for). */
      noQuorum: mayDecide && !isQuorate(voters, members),
      conflictCandidateIds: mayDeclareConflict
        ? [...nameOf.keys()].filter((userId) => !conflicted.includes(userId))
        : [],
      mayDecide,
      mayDeclareConflict,
      // An organiser who may not read an exempt case cannot rewrite it either.
      mayEdit: can("EDIT_CASE") && !decided && !document.cases.some((c) => c.id === item.id && c.redacted),
      mayRemove: can("REMOVE_CASE") && item.number === null,
    };
  });

  const mayAddCase = can("ADD_CASE");
  const waiting = mayAddCase && takesProposalCases(body.kind) ? await waitingProposals(body.kind) : [];
  const deferredOther = mayAddCase
    ? (await deferredOtherItems(db(), meeting.body_id)).map((d) => ({
        id: d.id,
        label: `${caseLabel(d.number, d.number_year) ?? ""} ${d.title}`.trim(),
      }))
    : [];

  const mayRecordAttendance = can("RECORD_ATTENDANCE") || blocked("RECORD_ATTENDANCE");
  const substitutes = mayRecordAttendance
    ? await substituteChoices(meeting.body_id, record, substituteQuery)
    : { deputies: [], found: [], query: "" };
  const attendanceOf = new Map(record.attendance.map((a) => [a.user_id, a]));
  const weightOf = new Map(members.map((m) => [m.userId, m.voteWeight]));
  const substituteOf = new Map(
    record.attendance.flatMap((a) =>
      a.status === "substitute" && a.substitute_for_id !== null
        ? [[a.substitute_for_id, a.user_id] as const]
        : [],
    ),
  );
  const rule = signingRuleOf(body.kind, body.signing_rule);
  const mine = record.signers.find((s) => s.user_id === user.id);
  const roleOf = new Map(record.members.map((m) => [m.user_id, m.role]));
  const signing = {
    /** This viewer is a signer who has not signed yet (the protocol is closed for signing). */
    maySign: mine !== undefined && mine.signed_at === null && meeting.status === "protocolApproved",
    /** How many members the meeting chooses to sign with the chair, when approving. */
    chooseCount: chosenMemberCount(rule),
    candidates: record.attendance
      .filter(
        (a) =>
          a.status !== "absent" && !["chair", "leader", "secretary"].includes(roleOf.get(a.user_id) ?? ""),
      )
      .map((a) => ({ userId: a.user_id, name: a.user_name })),
  };
  return {
    signing,
    document,
    version: meeting.version,
    bodyKind: body.kind,
    takesProposals: takesProposalCases(body.kind),
    now: meetingStateMeta(meeting.status).now,
    organiser,
    actions: {
      edit: can("EDIT"),
      publishNotice: can("PUBLISH_NOTICE"),
      publishNoticeBlocked: blocked("PUBLISH_NOTICE"),
      approveProtocol: can("APPROVE_PROTOCOL"),
      approveProtocolBlocked: blocked("APPROVE_PROTOCOL"),
      publishProtocol: can("PUBLISH_PROTOCOL"),
      addAddendum: can("ADD_ADDENDUM"),
      cancel: can("CANCEL") || blocked("CANCEL"),
      addCase: mayAddCase,
      recordAttendance: mayRecordAttendance,
    },
    cases,
    /** Names of the members and attendants, for the cases' vote and conflict forms (when any is shown). */
    people: cases.some((c) => c.mayDecide || c.mayDeclareConflict)
      ? [...nameOf.entries()].map(([userId, name]) => ({ userId, name }))
      : [],
    waiting,
    deferredOther,
    // The attendance form's rows: only for a viewer who gets the form.
    members: (mayRecordAttendance ? record.members : []).map((m) => ({
      userId: m.user_id,
      name: m.user_name,
      role: T.documents.roles[m.role] ?? roleLabels[m.role],
      municipality: m.municipality_name ?? "",
      voteWeight: weightOf.get(m.user_id) ?? 0,
      status: attendanceOf.get(m.user_id)?.status ?? null,
      substituteId: substituteOf.get(m.user_id) ?? null,
    })),
    substitutes,
  };
}

export type MeetingPageData = NonNullable<Awaited<ReturnType<typeof meetingPage>>>;

/** The notice or protocol for the print views and Word files of a logged-in reader. */
export async function meetingDocument(id: number, user: CurrentUser) {
  const record = await meetingRecord(id);
  if (!record) return undefined;
  return documentOf(record, !(await mayReadExemptCases(user, record)));
}

/** Whether this reader may read the meeting's exempt cases: decided on the day of reading (policy.ts). */
async function mayReadExemptCases(user: CurrentUser, record: MeetingRecord): Promise<boolean> {
  const membersToday = user.isAdmin ? [] : await membershipsInBody(db(), user.id, record.body.id, today());
  return maySeeExemptCases(user, { membersToday });
}

/** The agenda form offers the proposals that have waited longest, this many: not thousands of options. */
export const WAITING_CHOICES = 100;

/** The proposals waiting for the body, longest-waiting first, each saying whether it follows an exempt case. */
async function waitingProposals(bodyKind: Parameters<typeof awaitedState>[0]) {
  const proposals = await proposalsAwaiting(db(), awaitedState(bodyKind)!, { limit: WAITING_CHOICES });
  const cases = await casesOfProposals(
    db(),
    proposals.map((p) => p.id),
  );
  return proposals.map((p) => {
    // A proposal with an exempt case in its past gets an exempt case here too: say so.
    const follows = followedExemption(cases.get(p.id) ?? []);
    return {
      id: p.id,
      title: p.title,
      exempt: follows ? recordTexts.exempt.followsShort(follows.basis) : null,
    };
  });
}

const SUBSTITUTE_CHOICES = 20;

/**
 * Who the attendance form offers as substitutes: the body's deputies (people who have met for
 * it as substitutes before), and, when the organiser searched, up to 20 matches by name or
 * e-mail. Never every user: at national scale that is tens of thousands of options per member.
 */
async function substituteChoices(bodyId: number, record: MeetingRecord, query: string) {
  const memberIds = new Set(record.members.map((m) => m.user_id));
  const q = query.trim().slice(0, 100);
  const [deputies, found] = await Promise.all([
    formerSubstitutes(db(), bodyId, SUBSTITUTE_CHOICES + memberIds.size),
    q.length >= 2 ? searchActiveUsers(db(), q, SUBSTITUTE_CHOICES + memberIds.size) : Promise.resolve([]),
  ]);
  const choice = (u: { id: number; name: string; municipality_name: string | null }) => ({
    id: u.id,
    name: u.name,
    municipality: u.municipality_name ?? "",
  });
  // Who substitutes now stays choosable, whatever the lists hold.
  const current = record.attendance
    .filter((a) => a.status === "substitute")
    .map((a) => ({ id: a.user_id, name: a.user_name, municipality_name: null }));
  const deputyList = [...current, ...deputies]
    .filter((u, i, all) => !memberIds.has(u.id) && all.findIndex((x) => x.id === u.id) === i)
    .slice(0, SUBSTITUTE_CHOICES + current.length)
    .map(choice);
  const deputyIds = new Set(deputyList.map((d) => d.id));
  return {
    query: q,
    deputies: deputyList,
    found: found
      .filter((u) => !memberIds.has(u.id) && !deputyIds.has(u.id))
      .slice(0, SUBSTITUTE_CHOICES)
      .map(choice),
  };
}

/** A meeting's document for its print pages; 404 for an unknown id or a meeting the user may not see. */
export async function printableMeeting(idParam: string | undefined, user: CurrentUser) {
  const id = Number(idParam);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const doc = await meetingDocument(id, user);
  if (!doc) notFound();
  return doc;
}
