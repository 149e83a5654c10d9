import { daysBetween } from "./dates";
import type { ProposalEventType, ProposalState } from "./proposal.machine";

/**
 * The kinds of notification, and how each is e-mailed when the person has not chosen
 * (Min profil → Varsler). Who receives which kind, and what it may say, is decided in this module too.
 */
export const notificationKinds = [
  /** Submitter, supporters and followers: the proposal changed state (with the reason where there is one). */
  "proposalChanged",
  /** Submitter: the group wants more information (link straight to the answer form). */
  "informationRequested",
  /** Group leaders and members: a proposal was assigned or moved to their group. */
  "proposalAssigned",
  /** Group leaders and members: the submitter supplied what was asked for. */
  "proposalSupplemented",
  /** Coordinator and group leaders: a newly submitted proposal waits to be routed. */
  "awaitingRouting",
  /** Committee/board members and deputies: the notice of a meeting was published (with an .ics invitation). */
  "meetingNotice",
  /** Signers: the protocol is ready to sign. */
  "protocolToSign",
  /** Members and deputies: the protocol is signed. */
  "protocolSigned",
  /** Project lead: work started with them as lead. */
  "workStarted",
  /** Project lead: the planned end date has come. */
  "workDue",
  /** Those who act on a proposal that has waited longer than its step's limit (weekly). */
  "waitingReminder",
] as const;

export type NotificationKind = (typeof notificationKinds)[number];

export type EmailMode = "immediate" | "digest" | "off";

export const defaultEmailMode: Record<NotificationKind, EmailMode> = {
  proposalChanged: "immediate",
  informationRequested: "immediate",
  proposalAssigned: "immediate",
  proposalSupplemented: "immediate",
  awaitingRouting: "digest",
  meetingNotice: "immediate",
  protocolToSign: "immediate",
  protocolSigned: "immediate",
  workStarted: "immediate",
  workDue: "immediate",
  waitingReminder: "digest",
};

/** The daily digest is sent at this Oslo time. */
export const DIGEST_HOUR_OSLO = 7;

// ---------------------------------------------------------------------------------------------
// Who is told what (issue 13). Pure: the server reads the people around a record, the rules here
// choose the recipients and what the message may say. Exempt (offentleglova § 13) and draft
// content never enters a message: for an exempt matter the facts carry no title and no reason,
// so no renderer can show them. See docs/decisions/019-notifications.md.

/** What a message may say; `null` title/reason: withheld (exempt), only a neutral line and the link. */
export type NotificationFacts =
  | {
      topic: "proposal";
      proposalId: number;
      title: string | null;
      event: ProposalEventType;
      to: ProposalState;
      reason: string | null;
    }
  | {
      topic: "meeting";
      meetingId: number;
      bodyName: string;
      /** Oslo wall-clock "YYYY-MM-DDTHH:MM". */
      startsAt: string;
      endTime: string | null;
      place: string;
      videoLink: string | null;
      /** The agenda: case number and title; an exempt case's title is withheld (null) with its basis. */
      agenda: { number: string | null; title: string | null; exemptBasis: string | null }[];
      /** RFC 5545 SEQUENCE: grows with every re-publication of the notice (the meeting's version). */
      sequence: number;
      /** A changed notice re-published (time or place), not the first publication. */
      updated: boolean;
    }
  | { topic: "protocol"; meetingId: number; bodyName: string; startsAt: string }
  | { topic: "work"; proposalId: number; title: string | null; plannedEnd: string | null }
  | { topic: "waiting"; proposalId: number; title: string | null; state: ProposalState; days: number };

/** One notification the rules decided on: who, which kind, about what, and what it may say. */
export interface PlannedNotification {
  userId: number;
  kind: NotificationKind;
  proposalId: number | null;
  meetingId: number | null;
  /** Path inside the app (made absolute with the public address when rendered). */
  link: string;
  facts: NotificationFacts;
  /** One notification per person and key: a repeated cause (a weekly reminder) writes nothing twice. */
  dedupeKey: string | null;
}

/** The people around a proposal at the moment of an event (active accounts, memberships valid today). */
export interface ProposalAudience {
  authorId: number;
  supporters: readonly number[];
  followers: readonly number[];
  /** Every member (any role) of the proposal's group after the event. */
  groupMembers: readonly number[];
  /** Those who route new proposals: coordinators and every group leader (policy `mayRouteProposals`). */
  routers: readonly number[];
}

/** A process event just applied to a proposal. */
export interface ProposalEventCause {
  event: ProposalEventType;
  from: ProposalState;
  to: ProposalState;
  actorId: number;
  proposal: { id: number; title: string };
  reason: string | null;
  /** The matter is exempt in its latest case (`followedExemption`): title and reason are withheld. */
  exempt: boolean;
}

/** The proposal's page; `answer` goes straight to the submitter's supplement form. */
export function proposalLink(proposalId: number, answer = false): string {
  return `/innspill/${proposalId}${answer ? "#event-SUPPLEMENT" : ""}`;
}

/** Events that bring a proposal to a group for assessment (assigned, moved, returned for study). */
const toGroupEvents: readonly ProposalEventType[] = ["ASSIGN", "MOVE_GROUP", "COMMITTEE_RETURN"];

/**
 * Keeps one notification per person (the first, i.e. the most specific, rule wins) and never
 * tells the actor about their own act.
 */
function onePerPerson(actorId: number, planned: PlannedNotification[]): PlannedNotification[] {
  const seen = new Set<number>([actorId]);
  return planned.filter((p) => (seen.has(p.userId) ? false : (seen.add(p.userId), true)));
}

/**
 * Who is told about a process event, most specific first: the submitter asked for more
 * information; the group the proposal came to (or whose case got the supplement); those who route
 * a newly submitted proposal; then the submitter, supporters and followers of every change.
 */
export function recipientsOfProposalEvent(
  cause: ProposalEventCause,
  audience: ProposalAudience,
): PlannedNotification[] {
  const { proposal } = cause;
  const facts: NotificationFacts = {
    topic: "proposal",
    proposalId: proposal.id,
    title: proposalTitleForMessage(proposal, cause.exempt),
    event: cause.event,
    to: cause.to,
    reason: cause.exempt ? null : cause.reason,
  };
  const plan = (userIds: readonly number[], kind: NotificationKind, link = proposalLink(proposal.id)) =>
    userIds.map((userId): PlannedNotification => ({
      userId,
      kind,
      proposalId: proposal.id,
      meetingId: null,
      link,
      facts,
      dedupeKey: null,
    }));
  const planned: PlannedNotification[] = [];
  if (cause.event === "REQUEST_INFO")
    planned.push(...plan([audience.authorId], "informationRequested", proposalLink(proposal.id, true)));
  if (toGroupEvents.includes(cause.event)) planned.push(...plan(audience.groupMembers, "proposalAssigned"));
  if (cause.event === "SUPPLEMENT") planned.push(...plan(audience.groupMembers, "proposalSupplemented"));
  if (cause.event === "SUBMIT") planned.push(...plan(audience.routers, "awaitingRouting"));
  // A draft is nobody's business but its author's: only leaving it (SUBMIT) tells anyone anything.
  if (cause.from !== "draft")
    planned.push(
      ...plan([audience.authorId, ...audience.supporters, ...audience.followers], "proposalChanged"),
    );
  return onePerPerson(cause.actorId, planned);
}

/** A case on a notice's agenda, as the records hold it (`number`: its label, "Sak 3/2021", once numbered). */
export interface AgendaCase {
  number: string | null;
  title: string;
  exempt: boolean;
  exemptBasis: string | null;
}

/** The agenda as a message may show it: an exempt case by its number and legal basis only. */
export function agendaForMessage(
  items: readonly AgendaCase[],
): Extract<NotificationFacts, { topic: "meeting" }>["agenda"] {
  return items.map((i) => ({
    number: i.number,
    title: i.exempt ? null : i.title,
    exemptBasis: i.exempt ? i.exemptBasis : null,
  }));
}

/** What a message about a proposal outside an event (work, waiting) may name: nothing of an exempt matter. */
export function proposalTitleForMessage(proposal: { title: string }, exempt: boolean): string | null {
  return exempt ? null : proposal.title;
}

/** A meeting's notice was published (or re-published): every member of the body and its deputies. */
export function recipientsOfMeetingNotice(
  actorId: number,
  facts: Extract<NotificationFacts, { topic: "meeting" }>,
  people: { members: readonly number[]; deputies: readonly number[] },
): PlannedNotification[] {
  return onePerPerson(
    actorId,
    [...people.members, ...people.deputies].map((userId) => ({
      userId,
      kind: "meetingNotice" as const,
      proposalId: null,
      meetingId: facts.meetingId,
      link: `/moter/${facts.meetingId}`,
      facts,
      // One notice per publication: a re-publication (a new sequence) is a new message.
      dedupeKey: `notice:${facts.meetingId}:${facts.sequence}`,
    })),
  );
}

/**
 * The protocol was sent for signing (`protocolToSign`, to the signers chosen by
 * `workflows/signing.ts`) or signed by the last of them (`protocolSigned`, to every member and
 * deputy). Only the meeting is named: the protocol's content stays behind the link.
 */
export function recipientsOfProtocol(
  kind: "protocolToSign" | "protocolSigned",
  actorId: number,
  facts: Extract<NotificationFacts, { topic: "protocol" }>,
  userIds: readonly number[],
): PlannedNotification[] {
  return onePerPerson(
    actorId,
    userIds.map((userId) => ({
      userId,
      kind,
      proposalId: null,
      meetingId: facts.meetingId,
      link: `/moter/${facts.meetingId}/protokoll`,
      facts,
      dedupeKey: `${kind}:${facts.meetingId}`,
    })),
  );
}

/** Work started with someone as project lead (`workStarted`), or its planned end came (`workDue`). */
export function recipientsOfWork(
  kind: "workStarted" | "workDue",
  actorId: number | null,
  facts: Extract<NotificationFacts, { topic: "work" }>,
  projectLeadId: number | null,
): PlannedNotification[] {
  if (projectLeadId === null || projectLeadId === actorId) return [];
  return [
    {
      userId: projectLeadId,
      kind,
      proposalId: facts.proposalId,
      meetingId: null,
      link: proposalLink(facts.proposalId),
      facts,
      dedupeKey: kind === "workDue" ? `workDue:${facts.proposalId}` : null,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Waiting too long

/** The states a proposal can wait in, and who acts on it there (the reminder's recipients). */
export type WaitingActors = "routers" | "group" | "submitter" | "coordinators";

export const actorsOfWaitingState: Partial<Record<ProposalState, WaitingActors>> = {
  submitted: "routers",
  groupReview: "group",
  awaitingSubmitter: "submitter",
  // ROR-IKT prepares the committee's and the board's cases, and starts decided work.
  committeeReview: "coordinators",
  boardReview: "coordinators",
  approved: "coordinators",
};

/**
 * Whether a proposal in a state since `stateChangedOn` (Oslo date) has waited past its limit on `today`:
 * the number of days it has waited, or null when it has not (or the state has no limit).
 */
export function daysOverdue(
  stateChangedOn: string,
  today: string,
  limitDays: number | undefined,
): number | null {
  if (limitDays === undefined) return null;
  const waited = daysBetween(stateChangedOn, today);
  return waited > limitDays ? waited : null;
}

/**
 * The weekly reminder of a proposal waiting too long, to those who act on it, once per ISO week
 * (`week` like "2026-W49").
 */
export function recipientsOfWaitingReminder(
  facts: Extract<NotificationFacts, { topic: "waiting" }>,
  week: string,
  userIds: readonly number[],
): PlannedNotification[] {
  return [...new Set(userIds)].map((userId) => ({
    userId,
    kind: "waitingReminder" as const,
    proposalId: facts.proposalId,
    meetingId: null,
    link: proposalLink(facts.proposalId),
    facts,
    dedupeKey: `waiting:${facts.proposalId}:${facts.state}:${week}`,
  }));
}

/** How a notification is e-mailed, from the person's choice for its kind or the kind's default. */
export function emailModeFor(
  kind: NotificationKind,
  chosen: EmailMode | undefined,
): "immediate" | "digest" | "none" {
  const mode = chosen ?? defaultEmailMode[kind];
  return mode === "off" ? "none" : mode;
}

/** Whether a stored kind is one of ours. */
export function isNotificationKind(value: string): value is NotificationKind {
  return (notificationKinds as readonly string[]).includes(value);
}
