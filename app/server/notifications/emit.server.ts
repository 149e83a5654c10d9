import { randomUUID } from "node:crypto";
import type { DB, Executor } from "#db/connection";
import { getFollowup } from "#db/repositories/followup.repository";
import {
  casesOfProposal,
  formerSubstitutes,
  getMeeting,
  itemsOfMeeting,
  meetingDate,
  signersOfMeeting,
} from "#db/repositories/meeting.repository";
import {
  activeMembersOfBody,
  enqueueEmails,
  insertNotificationRows,
  recipientsByIds,
  routingCandidates,
  proposalAudience,
  pendingNotificationEventIds,
  recordNotificationEvent,
  takeNotificationEvent,
  takePendingNotificationEvents,
  type NewOutgoingEmail,
  type PendingNotificationEvent,
} from "#db/repositories/notification.repository";
import { getBody, listBodies } from "#db/repositories/organisation.repository";
import { getProposal } from "#db/repositories/proposal.repository";
import { today as osloToday } from "#workflows/dates";
import { followedExemption } from "#workflows/exemption";
import { mayRouteProposals } from "#workflows/policy";
import {
  agendaForMessage,
  emailModeFor,
  proposalTitleForMessage,
  recipientsOfMeetingNotice,
  recipientsOfProposalEvent,
  recipientsOfProtocol,
  recipientsOfWork,
  type NotificationFacts,
  type PlannedNotification,
} from "#workflows/notifications";
import type { BodyNames, ProposalEventType, ProposalState } from "#workflows/proposal.machine";
import { caseLabel } from "~/domain/texts/meetings";
import { notificationMessages as M } from "~/domain/texts/notification-messages";
import { config } from "../config.server";
import { logger } from "../logger.server";
import { eventRecordedIn } from "./after-commit.server";
import {
  emailTemplate,
  needsBodyNames,
  notificationText,
  type EmailTemplate,
  type NotificationText,
  type RenderContext,
} from "./render.server";

/**
 * The transactional outbox: the commands call `notify(trx, cause)` after their own writes, so a
 * refused or failed command records nothing and a committed one never forgets. A process event is
 * recorded as one `notification_event` row and fanned out to notifications and e-mails after
 * commit (decision 031); the other causes write their rows in the command's transaction. The rules
 * (who, which kind, what may be said) are in workflows/notifications.ts; this module reads the
 * people, their preferences and the record, and writes the rows. See decision 019.
 */
export type NotificationCause =
  | {
      type: "proposalEvent";
      proposalId: number;
      event: ProposalEventType;
      from: ProposalState;
      to: ProposalState;
      actorId: number;
      reason: string | null;
      /** The proposal after the event, when the command has it at hand (else it is read). */
      proposal?: { title: string; authorId: number; groupId: number | null };
    }
  | { type: "meetingNotice"; meetingId: number; actorId: number; updated: boolean }
  | { type: "protocolToSign"; meetingId: number; actorId: number }
  | { type: "protocolSigned"; meetingId: number; actorId: number }
  | { type: "workStarted"; proposalId: number; actorId: number };

/** How many former substitutes of a body count as its deputies for notices (the most recent first). */
const DEPUTIES = 20;

/** Whether a proposal's matter is exempt now: its latest case is, and the exemption was not lifted. */
export async function proposalIsExempt(db: Executor, proposalId: number): Promise<boolean> {
  return followedExemption(await casesOfProposal(db, proposalId)) !== null;
}

/** The committee's and the board's names valid on a date, in the caller's transaction (one query). */
export async function bodyNamesOn(db: Executor, on: string): Promise<BodyNames> {
  // As `bodyOfKind` for each: the first of the kind constituted that day, in listBodies' order.
  const bodies = await listBodies(db, { on, activeOnly: true });
  const committee = bodies.find((b) => b.kind === "committee");
  const board = bodies.find((b) => b.kind === "board");
  return {
    committee: committee?.name ?? M.bodyFallback.committee,
    board: board?.name ?? M.bodyFallback.board,
  };
}

/** What no words use: the names given to the renderer when `needsBodyNames` said none is needed. */
const unnamedBodies: BodyNames = { committee: "", board: "" };

/** Who routes new proposals on a date: the policy's answer over the candidates. */
export async function routersOn(db: Executor, on: string): Promise<number[]> {
  return (await routingCandidates(db, on)).filter(mayRouteProposals).map((c) => c.id);
}

/** Members (valid on the meeting day) and deputies of a meeting's body. */
async function meetingPeople(db: Executor, bodyId: number, date: string) {
  const [members, deputies] = await Promise.all([
    activeMembersOfBody(db, bodyId, date),
    formerSubstitutes(db, bodyId, DEPUTIES),
  ]);
  return { members, deputies: deputies.map((d) => d.id) };
}

async function meetingFacts(db: Executor, meetingId: number, updated: boolean) {
  const meeting = await getMeeting(db, meetingId);
  if (!meeting) return undefined;
  const date = meetingDate(meeting.starts_at);
  const [body, items] = await Promise.all([
    getBody(db, meeting.body_id, date),
    itemsOfMeeting(db, meetingId),
  ]);
  const facts: Extract<NotificationFacts, { topic: "meeting" }> = {
    topic: "meeting",
    meetingId,
    bodyName: body?.name ?? "",
    startsAt: meeting.starts_at,
    endTime: meeting.end_time,
    place: meeting.place,
    videoLink: meeting.video_link,
    agenda: agendaForMessage(
      items.map((i) => ({
        number: caseLabel(i.number, i.number_year),
        title: i.title,
        exempt: i.exempt === 1,
        exemptBasis: i.exempt_basis,
      })),
    ),
    // The meeting's version grows with every change, so a re-published notice has a higher SEQUENCE.
    sequence: meeting.version,
    updated,
  };
  return { meeting, date, facts };
}

/** What the notifications of a proposal event need of the proposal, read in the transaction. */
async function proposalAfter(db: Executor, id: number) {
  const proposal = await getProposal(db, id);
  return proposal && { title: proposal.title, authorId: proposal.author_id, groupId: proposal.group_id };
}

/** The rules' answer for a cause, from the records as they are inside the transaction. */
async function plan(db: Executor, cause: NotificationCause, now: Date): Promise<PlannedNotification[]> {
  const today = osloToday(now);
  switch (cause.type) {
    case "proposalEvent": {
      const proposal = cause.proposal ?? (await proposalAfter(db, cause.proposalId));
      if (!proposal) return [];
      const [around, routers, exempt] = await Promise.all([
        proposalAudience(db, { id: cause.proposalId, groupId: proposal.groupId }, today),
        cause.event === "SUBMIT" ? routersOn(db, today) : [],
        proposalIsExempt(db, cause.proposalId),
      ]);
      return recipientsOfProposalEvent(
        { ...cause, proposal: { id: cause.proposalId, title: proposal.title }, exempt },
        { authorId: proposal.authorId, ...around, routers },
      );
    }
    case "meetingNotice": {
      const found = await meetingFacts(db, cause.meetingId, cause.updated);
      if (!found) return [];
      return recipientsOfMeetingNotice(
        cause.actorId,
        found.facts,
        await meetingPeople(db, found.meeting.body_id, found.date),
      );
    }
    case "protocolToSign":
    case "protocolSigned": {
      const found = await meetingFacts(db, cause.meetingId, false);
      if (!found) return [];
      const { facts } = found;
      const protocol = {
        topic: "protocol" as const,
        meetingId: facts.meetingId,
        bodyName: facts.bodyName,
        startsAt: facts.startsAt,
      };
      const people =
        cause.type === "protocolToSign"
          ? (await signersOfMeeting(db, cause.meetingId)).map((s) => s.user_id)
          : Object.values(await meetingPeople(db, found.meeting.body_id, found.date)).flat();
      return recipientsOfProtocol(cause.type, cause.actorId, protocol, people);
    }
    case "workStarted": {
      const [proposal, followup, exempt] = await Promise.all([
        getProposal(db, cause.proposalId),
        getFollowup(db, cause.proposalId),
        proposalIsExempt(db, cause.proposalId),
      ]);
      if (!proposal || !followup) return [];
      return recipientsOfWork(
        "workStarted",
        cause.actorId,
        {
          topic: "work",
          proposalId: proposal.id,
          title: proposalTitleForMessage(proposal, exempt),
          plannedEnd: followup.planned_end,
        },
        followup.project_lead_id,
      );
    }
  }
}

/**
 * A Message-ID unique to this e-mail and fixed at enqueue, so a retried delivery is the same message.
 * It starts with the time (hex milliseconds) before the random part, so the outbox's unique index
 * on it grows at its end: random ids put each of an event's dozen e-mails on its own index page,
 * a dozen pages written per commit.
 */
export function newMessageId(publicUrl: string, at: Date = new Date()): string {
  const time = at.getTime().toString(16).padStart(12, "0");
  return `<n-${time}-${randomUUID()}@${hostnameOf(publicUrl)}>`;
}

/** The host of the public address, parsed once (an event's dozen e-mails each need it). */
let lastHost: { url: string; hostname: string } | undefined;
function hostnameOf(publicUrl: string): string {
  if (lastHost?.url !== publicUrl) lastHost = { url: publicUrl, hostname: new URL(publicUrl).hostname };
  return lastHost.hostname;
}

/**
 * Renders each distinct message once: planned notifications of one cause share their facts, so the
 * words and the e-mail template are made per (facts, kind, link), not per person.
 */
function messageRenderer(ctx: RenderContext) {
  const byFacts = new Map<
    NotificationFacts,
    Map<string, { words: NotificationText; mail?: EmailTemplate }>
  >();
  const entry = (p: PlannedNotification) => {
    let byMessage = byFacts.get(p.facts);
    if (!byMessage) byFacts.set(p.facts, (byMessage = new Map()));
    const key = `${p.kind}\u0000${p.link}`;
    let found = byMessage.get(key);
    if (!found) byMessage.set(key, (found = { words: notificationText(p, ctx.names) }));
    return found;
  };
  return {
    words: (p: PlannedNotification) => entry(p).words,
    mail(p: PlannedNotification) {
      const found = entry(p);
      return (found.mail ??= emailTemplate(p, ctx));
    },
  };
}

/**
 * Writes planned notifications in the caller's transaction: each person's e-mail mode (their
 * preference for the kind, else its default) is fixed on the row; an immediate one also goes to
 * the outbox, rendered. Inactive accounts get nothing; a repeated dedupe key writes nothing.
 * Returns the ids of the notifications written. All notifications go in one INSERT, all e-mails
 * in another (see decision 019, "Cost per event").
 */
export async function writeNotifications(
  db: Executor,
  planned: readonly PlannedNotification[],
  now: Date,
): Promise<number[]> {
  if (planned.length === 0) return [];
  const at = now.toISOString();
  const { publicUrl } = config();
  const [people, names] = await Promise.all([
    recipientsByIds(db, [...new Set(planned.map((p) => p.userId))]),
    // Read only when some words name the committee or the board (see `needsBodyNames`).
    planned.some(needsBodyNames) ? bodyNamesOn(db, osloToday(now)) : unnamedBodies,
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  const render = messageRenderer({ publicUrl, names, now });
  const toWrite = planned.flatMap((p) => {
    const person = byId.get(p.userId);
    return person ? [{ p, person, email: emailModeFor(p.kind, person.modes.get(p.kind)) }] : [];
  });
  const ids = await insertNotificationRows(
    db,
    toWrite.map(({ p, email }) => {
      const words = render.words(p);
      return {
        user_id: p.userId,
        kind: p.kind,
        proposal_id: p.proposalId,
        meeting_id: p.meetingId,
        title: words.title,
        body: words.body,
        link: p.link,
        dedupe_key: p.dedupeKey,
        email,
        digested_at: null,
        created_at: at,
        read_at: null,
      };
    }),
  );
  const emails: NewOutgoingEmail[] = [];
  toWrite.forEach(({ p, person, email }, index) => {
    const id = ids[index];
    if (id === undefined || email !== "immediate") return;
    const mail = render.mail(p).to(person);
    emails.push({
      user_id: p.userId,
      notification_id: id,
      to_address: person.email,
      message_id: newMessageId(publicUrl, now),
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      ics: mail.ics,
      next_attempt_at: at,
      created_at: at,
    });
  });
  await enqueueEmails(db, emails);
  return ids.filter((id): id is number => id !== undefined);
}

/**
 * Tells whoever a cause concerns, inside the transaction of the command that caused it (pass the
 * command's transaction). A process event (the frequent cause) is only recorded here, one row, and
 * fanned out after commit by `fanOutNotificationEvents` (decision 031); the rarer meeting, protocol
 * and work causes write their notifications here. Returns the ids of the notifications written
 * (none yet for a process event).
 */
export async function notify(
  trx: Executor,
  cause: NotificationCause,
  now: Date = new Date(),
): Promise<number[]> {
  if (cause.type === "proposalEvent") {
    await recordNotificationEvent(trx, {
      proposal_id: cause.proposalId,
      cause: JSON.stringify(cause),
      at: now.toISOString(),
    });
    eventRecordedIn(trx);
    return [];
  }
  return writeNotifications(trx, await plan(trx, cause, now), now);
}

/** Events fanned out per transaction. */
export const FAN_OUT_BATCH = 200;

/** One recorded event's notifications, as `notify` would have written them at the event's time. */
async function fanOutOne(trx: Executor, event: PendingNotificationEvent): Promise<void> {
  const cause = JSON.parse(event.cause) as NotificationCause;
  const at = new Date(event.at);
  await writeNotifications(trx, await plan(trx, cause, at), at);
}

/**
 * Fans out every recorded event (decision 031): takes them oldest first, a batch per transaction,
 * writes each one's notifications and e-mails and deletes the event in the same transaction, so a
 * crash leaves it pending and a committed fan-out is never repeated. Safe with several workers (the
 * delete is the claim). A batch that fails is retried one event per transaction, so one event that
 * cannot be fanned out (logged, left pending) holds up no other. Returns the events fanned out.
 */
export async function fanOutNotificationEvents(
  db: DB | Executor,
  batchSize: number = FAN_OUT_BATCH,
): Promise<number> {
  if (db.isTransaction) {
    const events = await takePendingNotificationEvents(db, Number.MAX_SAFE_INTEGER);
    for (const event of events) await fanOutOne(db, event);
    return events.length;
  }
  let total = 0;
  for (;;) {
    let taken: number;
    try {
      taken = await db.transaction().execute(async (trx) => {
        const events = await takePendingNotificationEvents(trx, batchSize);
        for (const event of events) await fanOutOne(trx, event);
        return events.length;
      });
    } catch (error) {
      return total + (await fanOutOneByOne(db, error));
    }
    total += taken;
    if (taken < batchSize) return total;
  }
}

/** After a failed batch: each pending event in its own transaction; one that fails stays pending. */
async function fanOutOneByOne(db: Executor, cause: unknown): Promise<number> {
  const log = logger().child({ component: "notification-fan-out" });
  log.warn({ err: cause }, "notification fan-out batch failed; fanning out one event at a time");
  let done = 0;
  for (const id of await pendingNotificationEventIds(db, FAN_OUT_BATCH)) {
    try {
      done += await db.transaction().execute(async (trx) => {
        const event = await takeNotificationEvent(trx, id);
        if (event) await fanOutOne(trx, event);
        return event ? 1 : 0;
      });
    } catch (error) {
      log.error({ err: error, notificationEventId: id }, "notification event could not be fanned out");
    }
  }
  return done;
}
