import { mayOrganiseMeetings, maySeeExemptCases } from "#workflows/policy";
import {
  addendaOfMeeting,
  attendanceOfMeeting,
  caseLabel,
  conflictsOfMeeting,
  decisionsOfMeeting,
  deferredOtherItems,
  getMeeting,
  itemsOfMeeting,
  listMeetings,
  meetingDate,
  nextPlannedMeeting,
  proposalsAwaiting,
  protocolItemLinks,
  votesOfMeeting,
} from "#db/repositories/meeting.repository";
import {
  getBody,
  listBodies,
  listBodyNames,
  listMembershipsOfBody,
  listMunicipalities,
} from "#db/repositories/organisation.repository";
import { getUser, listUsers } from "#db/repositories/user.repository";
import {
  awaitedState,
  decisionKind,
  outcomeSpec,
  outcomesFor,
  takesProposalCases,
} from "#workflows/meeting.outcomes";
import {
  availableMeetingEvents,
  meetingStateMeta,
  type MeetingEventType,
  type MeetingStatus,
} from "#workflows/meeting.machine";
import { bodyText } from "#workflows/proposal.machine";
import { bodyMembers, isQuorate, tally, votersForCase } from "#workflows/vote";
import { formatDate, formatDateTime, roleLabels } from "~/domain/texts";
import { meetingTexts } from "~/domain/texts/meetings";
import { notFound, type CurrentUser } from "./auth.server";
import { meetingActor } from "./commands/meeting-command.server";
import { db } from "./db.server";
import { bodyNames } from "./process.server";

const T = meetingTexts;
const today = () => new Date().toISOString().slice(0, 10);

/** Everything recorded about a meeting, read once. */
async function meetingRecord(id: number) {
  const meeting = await getMeeting(db(), id);
  if (!meeting) return undefined;
  const date = meetingDate(meeting.starts_at);
  const [body, items, decisions, votes, conflicts, attendance, addenda, members, names] = await Promise.all([
    getBody(db(), meeting.body_id, date),
    itemsOfMeeting(db(), id),
    decisionsOfMeeting(db(), id),
    votesOfMeeting(db(), id),
    conflictsOfMeeting(db(), id),
    attendanceOfMeeting(db(), id),
    addendaOfMeeting(db(), id),
    listMembershipsOfBody(db(), meeting.body_id, { on: date }),
    bodyNames(date),
  ]);
  if (!body) return undefined;
  const deferredFrom = await protocolItemLinks(
    db(),
    items.flatMap((i) => (i.deferred_from_id === null ? [] : [i.deferred_from_id])),
  );
  const approver = meeting.protocol_approved_by
    ? await getUser(db(), meeting.protocol_approved_by)
    : undefined;
  return {
    meeting,
    date,
    body,
    items,
    decisions,
    votes,
    conflicts,
    attendance,
    addenda,
    members,
    names,
    deferredFrom,
    approverName: approver?.name ?? null,
  };
}

type MeetingRecord = NonNullable<Awaited<ReturnType<typeof meetingRecord>>>;

function timeSpan(startsAt: string, endTime: string | null) {
  const start = startsAt.slice(11, 16);
  return endTime ? `${start}–${endTime}` : start;
}

export interface DocumentCase {
  id: number;
  /** "Sak 12/2021", or null before the notice. */
  label: string | null;
  /** "12/2021" for the Saksnr column. */
  caseNo: string | null;
  title: string;
  presentation: string;
  recommendation: string;
  /** The legal basis when exempt. */
  exemptBasis: string | null;
  /** The content is withheld from this reader. */
  redacted: boolean;
  proposalId: number | null;
  deferredFrom: string | null;
  conflicts: { name: string; reason: string }[];
  decision: {
    outcome: string;
    outcomeLabel: string;
    text: string;
    motions: string;
    unanimous: boolean;
    result: "adopted" | "notAdopted" | null;
    tally: { for: number; against: number; abstain: number } | null;
    votes: { name: string; choice: "for" | "against" | "abstain"; weight: number }[];
  } | null;
}

/** A notice or protocol as its readers see it: the print views, the public pages and the Word files. */
export interface MeetingDocument {
  meetingId: number;
  bodyName: string;
  bodyKind: string;
  date: string;
  isoDate: string;
  time: string;
  place: string;
  videoLink: string | null;
  status: MeetingStatus;
  statusLabel: string;
  noticePublishedAt: string | null;
  cases: DocumentCase[];
  present: { name: string; role: string; represents: string }[];
  absent: { name: string; role: string; represents: string }[];
  substitutes: { name: string; forName: string }[];
  /** The body's secretary when present: keeps the minutes (protokollfører), not a member at the table. */
  secretary: string | null;
  attendanceRecorded: boolean;
  approval: { by: string; at: string } | null;
  addenda: { id: number; at: string; by: string; text: string }[];
  cancelled: { at: string; reason: string } | null;
}

function documentOf(record: MeetingRecord, redactExempt: boolean): MeetingDocument {
  const { meeting, body, names } = record;
  const deferred = new Map(record.deferredFrom.map((d) => [d.id, d.label]));
  const memberByUser = new Map(record.members.map((m) => [m.user_id, m]));
  const person = (userId: number, name: string) => {
    const m = memberByUser.get(userId);
    return {
      name,
      role: m ? (T.documents.roles[m.role] ?? roleLabels[m.role]) : "",
      represents: m?.municipality_name ?? "",
    };
  };
  const cases = record.items.map((item): DocumentCase => {
    const redacted = redactExempt && item.exempt === 1;
    const decision = record.decisions.find((d) => d.protocol_item_id === item.id);
    const votes = record.votes.filter((v) => v.protocol_item_id === item.id);
    const spec = outcomeSpec(body.kind, item.kind, decision?.outcome ?? "");
    const t = votes.length
      ? tally(
          votes.map((v) => ({ userId: v.user_id, choice: v.choice })),
          votes.map((v) => ({ userId: v.user_id, weight: v.weight, isChair: false })),
        )
      : null;
    return {
      id: item.id,
      label: caseLabel(item.number, item.number_year),
      caseNo: item.number === null ? null : `${item.number}/${item.number_year}`,
      title: redacted ? T.exemptShown(item.exempt_basis ?? "") : item.title,
      presentation: redacted ? "" : item.presentation,
      recommendation: redacted ? "" : item.recommendation,
      exemptBasis: item.exempt === 1 ? item.exempt_basis : null,
      redacted,
      proposalId: redacted ? null : item.proposal_id,
      deferredFrom: item.deferred_from_id ? (deferred.get(item.deferred_from_id) ?? null) : null,
      conflicts: record.conflicts
        .filter((c) => c.protocol_item_id === item.id)
        .map((c) => ({ name: c.user_name, reason: redacted ? "" : c.reason })),
      decision: decision
        ? {
            outcome: decision.outcome,
            outcomeLabel: spec ? bodyText(spec.label, names) : decision.outcome,
            text: redacted ? "" : decision.text,
            motions: redacted ? "" : decision.motions,
            unanimous: decision.unanimous === 1,
            result: decision.vote_result,
            tally: t && { for: t.for, against: t.against, abstain: t.abstain },
            votes: votes.map((v) => ({ name: v.user_name, choice: v.choice, weight: v.weight })),
          }
        : null,
    };
  });
  const status = meeting.status;
  return {
    meetingId: meeting.id,
    bodyName: body.name,
    bodyKind: body.kind,
    date: formatDate(record.date),
    isoDate: record.date,
    time: timeSpan(meeting.starts_at, meeting.end_time),
    place: meeting.place,
    videoLink: meeting.video_link,
    status,
    statusLabel: meetingStateMeta(status).label,
    noticePublishedAt: meeting.notice_published_at,
    cases,
    present: record.attendance
      .filter((a) => a.status === "present" && memberByUser.get(a.user_id)?.role !== "secretary")
      .map((a) => person(a.user_id, a.user_name)),
    secretary:
      record.attendance.find(
        (a) => a.status === "present" && memberByUser.get(a.user_id)?.role === "secretary",
      )?.user_name ?? null,
    absent: record.attendance.filter((a) => a.status === "absent").map((a) => person(a.user_id, a.user_name)),
    substitutes: record.attendance
      .filter((a) => a.status === "substitute")
      .map((a) => ({ name: a.user_name, forName: a.substitute_for_name ?? "" })),
    attendanceRecorded: record.attendance.length > 0,
    approval:
      meeting.protocol_approved_at && record.approverName
        ? { by: record.approverName, at: formatDate(meeting.protocol_approved_at) }
        : null,
    addenda: record.addenda.map((a) => ({
      id: a.id,
      at: formatDateTime(a.added_at),
      by: a.added_by_name,
      text: a.text,
    })),
    cancelled:
      status === "cancelled" && meeting.cancelled_at
        ? { at: formatDate(meeting.cancelled_at), reason: meeting.cancel_reason ?? "" }
        : null,
  };
}

// ---------------------------------------------------------------------------------------------
// The list and planning

/** Bodies of the user's organisation today, with their meetings split into upcoming and past. */
export async function meetingsOverview(user: CurrentUser) {
  const on = today();
  const [bodies, meetings] = await Promise.all([
    listBodies(db(), { on, activeOnly: true }),
    listMeetings(db()),
  ]);
  const order = { board: 0, committee: 1, group: 2 } as const;
  const rows = await Promise.all(
    [...bodies]
      .sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name, "nb"))
      .map(async (body) => {
        const own = meetings.filter((m) => m.body_id === body.id);
        const row = (m: (typeof own)[number]) => ({
          id: m.id,
          date: formatDate(m.starts_at),
          time: timeSpan(m.starts_at, m.end_time),
          place: m.place || (m.video_link ? "Videomøte" : ""),
          status: m.status,
          statusLabel: meetingStateMeta(m.status).label,
          cases: Number(m.case_count),
        });
        const actor = await meetingActor(db(), user, body.id, on);
        return {
          id: body.id,
          name: body.name,
          kind: body.kind,
          mayPlan: mayOrganiseMeetings(actor),
          upcoming: own
            .filter((m) => meetingDate(m.starts_at) >= on && m.status !== "cancelled")
            .reverse()
            .map(row),
          past: own.filter((m) => meetingDate(m.starts_at) < on || m.status === "cancelled").map(row),
        };
      }),
  );
  return { bodies: rows, mayPlanAny: rows.some((r) => r.mayPlan) };
}

/** The bodies a user may plan meetings for today, and a date to suggest. */
export async function planChoices(user: CurrentUser, bodyId: number | null) {
  const on = today();
  const bodies = await listBodies(db(), { on, activeOnly: true });
  const allowed = [];
  for (const body of bodies)
    if (mayOrganiseMeetings(await meetingActor(db(), user, body.id, on)))
      allowed.push({ id: body.id, name: body.name, kind: body.kind });
  const chosen = allowed.find((b) => b.id === bodyId) ?? null;
  let suggestion: { date: string; text: string } | null = null;
  if (chosen?.kind === "committee") {
    // The committee meets two weeks before each board meeting (its mandate).
    const boardMeeting = await nextPlannedMeeting(db(), "board", addDays(on, 15));
    if (boardMeeting) {
      const date = addDays(meetingDate(boardMeeting.starts_at), -14);
      const board = await getBody(db(), boardMeeting.body_id, meetingDate(boardMeeting.starts_at));
      suggestion = {
        date,
        text: T.suggestedDate(formatDate(date), board?.name ?? "", formatDate(boardMeeting.starts_at)),
      };
    }
  }
  return { bodies: allowed, chosen, suggestion, allBodyIds: bodies.map((b) => b.id) };
}

function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T12:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// The meeting page

/** Everything the meeting page shows and offers, for one viewer. */
export async function meetingPage(id: number, user: CurrentUser) {
  const record = await meetingRecord(id);
  if (!record) return undefined;
  const { meeting, body, names } = record;
  const actor = await meetingActor(db(), user, meeting.body_id, record.date);
  const organiser = mayOrganiseMeetings(actor);
  const undecided = record.items.filter(
    (i) => !record.decisions.some((d) => d.protocol_item_id === i.id),
  ).length;
  const events = organiser
    ? availableMeetingEvents(
        meeting.status,
        { caseCount: record.items.length, undecidedCount: undecided },
        actor,
      )
    : [];
  const can = (type: MeetingEventType) => events.find((e) => e.type === type && !e.blocked) !== undefined;
  const blocked = (type: MeetingEventType) => events.find((e) => e.type === type)?.blocked === true;
  const document = documentOf(record, !maySeeExemptCases(user, record));

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
    const voters = votersForCase(members, attendance, conflicted);
    const decided = record.decisions.some((d) => d.protocol_item_id === item.id);
    const decidedAs = decisionKind(body.kind, item.kind, item.proposal_state);
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
            label: bodyText(outcomeSpec(body.kind, decidedAs, o)!.label, names),
          })),
      voters: voters.map((v) => ({ userId: v.userId, name: nameOf.get(v.userId) ?? "", weight: v.weight })),
      quorate: isQuorate(voters, members),
      conflictCandidates: [...nameOf.entries()]
        .filter(([userId]) => !conflicted.includes(userId))
        .map(([userId, name]) => ({ userId, name })),
      mayDecide: recordDecision && !decided,
      mayDeclareConflict: can("DECLARE_CONFLICT") && !decided,
      mayEdit: can("EDIT_CASE") && !decided,
      mayRemove: can("REMOVE_CASE") && item.number === null,
    };
  });

  const mayAddCase = can("ADD_CASE");
  const waiting =
    mayAddCase && takesProposalCases(body.kind)
      ? (await proposalsAwaiting(db(), awaitedState(body.kind)!)).map((p) => ({ id: p.id, title: p.title }))
      : [];
  const deferredOther = mayAddCase
    ? (await deferredOtherItems(db(), meeting.body_id)).map((d) => ({
        id: d.id,
        label: `${caseLabel(d.number, d.number_year) ?? ""} ${d.title}`.trim(),
      }))
    : [];

  const mayRecordAttendance = can("RECORD_ATTENDANCE") || blocked("RECORD_ATTENDANCE");
  let substituteOptions: { id: number; name: string; municipality: string }[] = [];
  if (mayRecordAttendance) {
    const memberIds = new Set(record.members.map((m) => m.user_id));
    const [users, municipalities] = await Promise.all([listUsers(db()), listMunicipalities(db())]);
    const municipalityName = new Map(municipalities.map((m) => [m.id, m.name]));
    substituteOptions = users
      .filter((u) => u.active === 1 && !memberIds.has(u.id))
      .map((u) => ({
        id: u.id,
        name: u.name,
        municipality: u.municipality_id ? (municipalityName.get(u.municipality_id) ?? "") : "",
      }));
  }
  const attendanceOf = new Map(record.attendance.map((a) => [a.user_id, a]));
  return {
    document,
    version: meeting.version,
    bodyKind: body.kind,
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
    waiting,
    deferredOther,
    members: record.members.map((m) => ({
      userId: m.user_id,
      name: m.user_name,
      role: T.documents.roles[m.role] ?? roleLabels[m.role],
      municipality: m.municipality_name ?? "",
      voteWeight: members.find((x) => x.userId === m.user_id)?.voteWeight ?? 0,
      status: attendanceOf.get(m.user_id)?.status ?? null,
      substituteId:
        record.attendance.find((a) => a.status === "substitute" && a.substitute_for_id === m.user_id)
          ?.user_id ?? null,
    })),
    substituteOptions,
  };
}

export type MeetingPageData = NonNullable<Awaited<ReturnType<typeof meetingPage>>>;

/** The notice or protocol for the print views and Word files of a logged-in reader. */
export async function meetingDocument(id: number, user: CurrentUser) {
  const record = await meetingRecord(id);
  if (!record) return undefined;
  return documentOf(record, !maySeeExemptCases(user, record));
}

// ---------------------------------------------------------------------------------------------
// Public pages (no login): exempt cases are withheld before anything leaves the server.

const noticePublic = (status: MeetingStatus) => meetingStateMeta(status).noticePublic;
const protocolPublic = (status: MeetingStatus) => meetingStateMeta(status).protocolPublic;

/** The name a body had on a date, from its rename history (oldest first). */
function nameOn(history: { name: string; valid_from: string }[], date: string): string {
  const valid = history.filter((h) => h.valid_from <= date);
  return (valid.at(-1) ?? history[0])?.name ?? "";
}

/** Per body, the meetings whose notice or protocol is published, named as the body was named then. */
export async function publicMeetings() {
  const meetings = (await listMeetings(db())).filter((m) => noticePublic(m.status));
  const bodyIds = [...new Set(meetings.map((m) => m.body_id))];
  const bodies = await Promise.all(
    bodyIds.map(async (id) => ({ body: (await getBody(db(), id))!, history: await listBodyNames(db(), id) })),
  );
  const order = { board: 0, committee: 1, group: 2 } as const;
  return bodies
    .sort((a, b) => order[a.body.kind] - order[b.body.kind] || a.body.name.localeCompare(b.body.name, "nb"))
    .map(({ body, history }) => ({
      id: body.id,
      name: body.name,
      formerNames: [...new Set(history.map((h) => h.name))].filter((n) => n !== body.name),
      meetings: meetings
        .filter((m) => m.body_id === body.id)
        .map((m) => ({
          id: m.id,
          date: formatDate(m.starts_at),
          year: m.starts_at.slice(0, 4),
          title: T.public.meetingTitle(nameOn(history, meetingDate(m.starts_at)), formatDate(m.starts_at)),
          cases: Number(m.case_count),
          protocol: protocolPublic(m.status),
        })),
    }));
}

/** A meeting's public notice and (when published) protocol; undefined when nothing is public. */
export async function publicMeeting(id: number) {
  const record = await meetingRecord(id);
  if (!record || !noticePublic(record.meeting.status)) return undefined;
  const full = documentOf(record, true);
  const protocolPublished = protocolPublic(record.meeting.status);
  // Until the protocol is published, only the notice leaves the server.
  const document: MeetingDocument = protocolPublished
    ? full
    : {
        ...full,
        cases: full.cases.map((c) => ({ ...c, decision: null, conflicts: [] })),
        present: [],
        absent: [],
        substitutes: [],
        secretary: null,
        attendanceRecorded: false,
        approval: null,
        addenda: [],
      };
  return { document, protocolPublished };
}

// ---------------------------------------------------------------------------------------------
// Edit forms

/** A case's texts for its edit form, if the user may edit it now; undefined when it does not exist. */
export async function caseForEdit(meetingId: number, itemId: number, user: CurrentUser) {
  const page = await meetingPage(meetingId, user);
  const item = page?.cases.find((c) => c.id === itemId);
  if (!page || !item) return undefined;
  const raw = (await itemsOfMeeting(db(), meetingId)).find((i) => i.id === itemId)!;
  return {
    meetingId,
    meetingTitle: `${page.document.bodyName}, møte ${page.document.date}`,
    meetingVersion: page.version,
    mayEdit: item.mayEdit,
    label: page.document.cases.find((c) => c.id === itemId)?.label ?? null,
    values: {
      version: String(raw.version),
      title: raw.title,
      presentation: raw.presentation,
      recommendation: raw.recommendation,
      exempt: raw.exempt === 1 ? "on" : "",
      exemptBasis: raw.exempt_basis ?? "",
    },
  };
}

/** A meeting's time and place for its edit form. */
export async function meetingForEdit(id: number, user: CurrentUser) {
  const page = await meetingPage(id, user);
  if (!page) return undefined;
  const meeting = (await getMeeting(db(), id))!;
  return {
    id,
    title: `${page.document.bodyName}, møte ${page.document.date}`,
    bodyId: meeting.body_id,
    version: meeting.version,
    mayEdit: page.actions.edit,
    values: {
      bodyId: String(meeting.body_id),
      date: meeting.starts_at.slice(0, 10),
      startTime: meeting.starts_at.slice(11, 16),
      endTime: meeting.end_time ?? "",
      place: meeting.place,
      videoLink: meeting.video_link ?? "",
    },
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
