import {
  addendaOfMeeting,
  attendanceOfMeeting,
  conflictsOfMeeting,
  decisionsOfMeeting,
  getMeeting,
  itemsOfMeeting,
  meetingDate,
  protocolItemLinks,
  signersOfMeeting,
  votesOfMeeting,
} from "#db/repositories/meeting.repository";
import { getBody, listMembershipsOfBody, type MembershipRow } from "#db/repositories/organisation.repository";
import { getUser } from "#db/repositories/user.repository";
import { meetingStateMeta, type MeetingStatus } from "#workflows/meeting.machine";
import { bodyText } from "#workflows/proposal.machine";
import { isFinal, signingRuleOf } from "#workflows/signing";
import { tally } from "#workflows/vote";
import { formatDate, formatDateTime, roleLabels } from "~/domain/texts";
import { caseLabel, meetingTexts, outcomeLabel } from "~/domain/texts/meetings";
import { recordTexts } from "~/domain/texts/records";
import { db } from "../db.server";
import { keptUntilChange } from "../kept-until-change.server";
import { bodyNames } from "../process.server";

/*
 * A meeting's record and the document made from it (notice and protocol): shared by the
 * meeting page, the print views, the Word files and the public pages.
 */

const T = meetingTexts;

/**
 * A body's members on a date, read again only when the database has changed: a council of 357 is
 * read and sorted in 1.2–1.5 ms at national scale, and most views of a meeting page follow no write.
 */
function membersOn(bodyId: number, date: string): Promise<readonly MembershipRow[]> {
  return keptUntilChange(`members:${bodyId}:${date}`, (handle) =>
    listMembershipsOfBody(handle, bodyId, { on: date }),
  );
}

/**
 * Everything recorded about a meeting, read again only when the database has changed
 * (`keptUntilChange`, exact: any commit by any process moves the stamp). A meeting page reads
 * twelve queries for it, and most views follow no write. The record is shared between requests:
 * read it, never change it.
 */
export function meetingRecord(id: number): Promise<MeetingRecordRead> {
  return keptUntilChange(`meeting:${id}`, () => readMeetingRecord(id));
}

type MeetingRecordRead = Awaited<ReturnType<typeof readMeetingRecord>>;

async function readMeetingRecord(id: number) {
  const meeting = await getMeeting(db(), id);
  if (!meeting) return undefined;
  const date = meetingDate(meeting.starts_at);
  const [body, items, decisions, votes, conflicts, attendance, addenda, members, names, signers] =
    await Promise.all([
      getBody(db(), meeting.body_id, date),
      itemsOfMeeting(db(), id),
      decisionsOfMeeting(db(), id),
      votesOfMeeting(db(), id),
      conflictsOfMeeting(db(), id),
      attendanceOfMeeting(db(), id),
      addendaOfMeeting(db(), id),
      membersOn(meeting.body_id, date),
      bodyNames(date),
      signersOfMeeting(db(), id),
    ]);
  if (!body) return undefined;
  const deferredFrom = await protocolItemLinks(
    db(),
    items.flatMap((i) => (i.deferred_from_id === null ? [] : [i.deferred_from_id])),
  );
  const exemptOrigins = await protocolItemLinks(
    db(),
    items.flatMap((i) => (i.exempt_from_item_id === null ? [] : [i.exempt_from_item_id])),
  );
  const lifters = await Promise.all(
    [...new Set(items.flatMap((i) => (i.exempt_lifted_by === null ? [] : [i.exempt_lifted_by])))].map(
      (userId) => getUser(db(), userId),
    ),
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
    exemptOrigins,
    lifterNames: new Map(lifters.flatMap((u) => (u ? [[u.id, u.name] as const] : []))),
    signers,
    approverName: approver?.name ?? null,
  };
}

export type MeetingRecord = NonNullable<Awaited<ReturnType<typeof meetingRecord>>>;

export function timeSpan(startsAt: string, endTime: string | null) {
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
  /** For a withheld case in a protocol: who took part in its treatment (kommuneloven § 11-4). */
  participants: string[];
  /** For readers of an exempt case: why it is exempt, when it follows an earlier case. */
  exemptFollows: string | null;
  /** For readers: that an exemption which followed the matter was lifted, by whom and why. */
  exemptLifted: string | null;
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
  /** The body's signing rule, in words. */
  signingRule: string;
  /** The signature block: each signer's electronic approval (name, role, date and time). */
  signatures: { userId: number; name: string; role: string; signedAt: string | null }[];
  /** Every signer has signed: the protocol is final. */
  final: boolean;
  addenda: { id: number; at: string; by: string; text: string }[];
  cancelled: { at: string; reason: string } | null;
}

/** Documents made from a kept record, per reading (with or without the exempt cases withheld). */
const documentsOf = new WeakMap<MeetingRecord, { redacted?: MeetingDocument; full?: MeetingDocument }>();

/**
 * The document of a record, as a reader who may (`redactExempt` false) or may not read its exempt
 * cases sees it: made once per kept record and reading, and shared like the record (never changed).
 */
export function documentOf(record: MeetingRecord, redactExempt: boolean): MeetingDocument {
  let made = documentsOf.get(record);
  if (!made) documentsOf.set(record, (made = {}));
  const reading = redactExempt ? "redacted" : "full";
  return (made[reading] ??= makeDocument(record, redactExempt));
}

function makeDocument(record: MeetingRecord, redactExempt: boolean): MeetingDocument {
  const { meeting, body, names } = record;
  const deferred = new Map(
    record.deferredFrom.map((d) => [d.id, caseLabel(d.number, d.numberYear) ?? T.caseWithoutNumber]),
  );
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
    const conflicted = new Set(
      record.conflicts.filter((c) => c.protocol_item_id === item.id).map((c) => c.user_id),
    );
    const origin = record.exemptOrigins.find((o) => o.id === item.exempt_from_item_id);
    const decision = record.decisions.find((d) => d.protocol_item_id === item.id);
    const votes = record.votes.filter((v) => v.protocol_item_id === item.id);
    const label = outcomeLabel(body.kind, item.kind, decision?.outcome ?? "");
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
      participants:
        redacted && decision
          ? record.attendance
              .filter((a) => a.status !== "absent" && !conflicted.has(a.user_id))
              .map((a) => a.user_name)
          : [],
      exemptFollows:
        !redacted && item.exempt === 1 && origin
          ? recordTexts.exempt.follows(
              `${origin.bodyName} ${caseLabel(origin.number, origin.numberYear) ?? T.caseWithoutNumber}`,
              item.exempt_basis ?? "",
            )
          : null,
      exemptLifted:
        !redacted && item.exempt_lifted_reason
          ? recordTexts.exempt.lifted(
              record.lifterNames.get(item.exempt_lifted_by ?? 0) ?? "",
              item.exempt_lifted_at ? formatDateTime(item.exempt_lifted_at) : "",
              item.exempt_lifted_reason,
            )
          : null,
      proposalId: redacted ? null : item.proposal_id,
      // A link to an earlier case would reveal the subject of an exempt one.
      deferredFrom: !redacted && item.deferred_from_id ? (deferred.get(item.deferred_from_id) ?? null) : null,
      conflicts: redacted
        ? []
        : record.conflicts
            .filter((c) => c.protocol_item_id === item.id)
            .map((c) => ({ name: c.user_name, reason: c.reason })),
      // Withheld: no outcome, no text, no individual votes; only who took part.
      decision:
        decision && !redacted
          ? {
              outcome: decision.outcome,
              outcomeLabel: label ? bodyText(label, names) : decision.outcome,
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
    signingRule: recordTexts.signing.rules[signingRuleOf(body.kind, body.signing_rule)],
    signatures: record.signers.map((s) => ({
      userId: s.user_id,
      name: s.user_name,
      role: recordTexts.signing.roles[s.role],
      signedAt: s.signed_at ? formatDateTime(s.signed_at) : null,
    })),
    final: isFinal(record.signers.map((s) => ({ userId: s.user_id, signedAt: s.signed_at }))),
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
