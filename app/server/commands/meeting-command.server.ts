import type { Executor } from "#db/connection";
import {
  caseNumberCollision,
  claimMeeting,
  countUndecided,
  frozenProtocolError,
  getMeeting,
  meetingDate,
  signersOfMeeting,
  type MeetingRow,
} from "#db/repositories/meeting.repository";
import { getBody, membershipsInBody, type BodyOnDate } from "#db/repositories/organisation.repository";
import { formatDate, osloNow } from "#workflows/dates";
import { mayOrganiseMeetings } from "#workflows/policy";
import {
  decideMeeting,
  meetingStateMeta,
  type MeetingActor,
  type MeetingEvent,
  type MeetingEventType,
  type MeetingFacts,
  type MeetingStatus,
} from "#workflows/meeting.machine";
import { meetingTexts } from "~/domain/texts/meetings";
import { recordTexts } from "~/domain/texts/records";
import type { CurrentUser } from "../auth.server";
import { refusal, refuse, refuseField, runCommand, type CommandResult, type Refusal } from "./result.server";

const E = meetingTexts.errors;

/** A meeting, its body as named on the meeting day, and who is acting. */
export interface MeetingContext {
  meeting: MeetingRow;
  body: BodyOnDate;
  date: string;
  actor: MeetingActor;
  facts: MeetingFacts;
}

/** The actor's roles in a body on a date, from the organisation data. */
export async function meetingActor(
  db: Executor,
  user: CurrentUser,
  bodyId: number,
  date: string,
): Promise<MeetingActor> {
  const memberships = await membershipsInBody(db, user.id, bodyId, date);
  return {
    userId: user.id,
    isCoordinator: user.isCoordinator,
    bodyRoles: memberships.map((m) => m.role),
  };
}

/** The actor's roles in a body today, from the memberships the session already holds (no query). */
export function meetingActorToday(user: CurrentUser, bodyId: number): MeetingActor {
  return {
    userId: user.id,
    isCoordinator: user.isCoordinator,
    bodyRoles: user.memberships.filter((m) => m.body_id === bodyId).map((m) => m.role),
  };
}

/** Whether a meeting's start ("YYYY-MM-DDTHH:MM", Oslo wall-clock time) has come. */
export function meetingHasStarted(startsAt: string, now: Date = new Date()): boolean {
  return osloNow(now) >= startsAt.slice(0, 16);
}

export async function loadMeetingContext(
  db: Executor,
  meetingId: number,
  user: CurrentUser,
  now: Date = new Date(),
): Promise<MeetingContext | undefined> {
  const meeting = await getMeeting(db, meetingId);
  if (!meeting) return undefined;
  const date = meetingDate(meeting.starts_at);
  const [body, actor, counts, signers] = await Promise.all([
    getBody(db, meeting.body_id, date),
    meetingActor(db, user, meeting.body_id, date),
    countUndecided(db, meetingId),
    signersOfMeeting(db, meetingId),
  ]);
  if (!body) return undefined;
  return {
    meeting,
    body,
    date,
    actor,
    facts: {
      caseCount: counts.cases,
      undecidedCount: counts.undecided,
      started: meetingHasStarted(meeting.starts_at, now),
      unsignedCount: signers.filter((s) => s.signed_at === null).length,
    },
  };
}

/** Why an event cannot happen in a status, in words. */
function notNowMessage(status: MeetingStatus): string {
  if (status === "protocolApproved" || status === "protocolPublished") return E.frozen;
  if (status === "cancelled") return E.cancelled;
  return E.wrongStatus(meetingStateMeta(status).label);
}

/**
 * Asks the meeting machine whether the event may happen now: the status the meeting moves to,
 * or a refusal saying why not.
 */
export function checkMeetingEvent(ctx: MeetingContext, event: Omit<MeetingEvent, "actor">): MeetingStatus {
  const decision = decideMeeting(ctx.meeting.status, ctx.facts, { ...event, actor: ctx.actor });
  if (decision.ok) return decision.to;
  if (decision.why === "not-in-state") refuse(409, notNowMessage(ctx.meeting.status));
  if (!mayOrganiseMeetings(ctx.actor)) refuse(403, E.forbidden);
  // Nothing is recorded as held before the meeting has begun (Oslo time).
  if (!ctx.facts.started && (event.type === "RECORD_ATTENDANCE" || event.type === "RECORD_DECISION"))
    refuseField(
      "",
      recordTexts.held.notStarted(
        formatDate(ctx.meeting.starts_at.slice(0, 10)),
        ctx.meeting.starts_at.slice(11, 16),
      ),
    );
  const field: Partial<Record<MeetingEventType, [string, string]>> = {
    PUBLISH_NOTICE: ["", E.noCases],
    APPROVE_PROTOCOL: ["", E.undecided],
    PUBLISH_PROTOCOL: ["", recordTexts.signing.notFinal],
    RECORD_ATTENDANCE: ["", E.nobodyPresent],
    CANCEL: ["reason", E.reasonRequired],
  };
  const why = field[event.type];
  return why ? refuseField(...why) : refuse(403, E.forbidden);
}

/** Database refusals a meeting command expects: an approved protocol's triggers, a case number taken. */
function meetingDatabaseRefusal(error: unknown): Refusal | undefined {
  if (frozenProtocolError(error)) return refusal(409, E.frozen);
  if (caseNumberCollision(error)) return refusal(409, E.numberCollision);
  return undefined;
}

/**
 * Runs a meeting command (see `runCommand`): a refusal rolls everything back, and a change the
 * database refuses because the protocol is approved, or a case number already taken, becomes a
 * clear 409 with nothing written.
 */
export function runMeetingCommand<T extends object>(
  db: Executor,
  work: (trx: Executor) => Promise<T>,
): Promise<CommandResult<T>> {
  return runCommand(db, work, meetingDatabaseRefusal);
}

/**
 * The common opening of a command on an existing meeting: claim it at the version the user saw
 * (the first write, so concurrent writers queue), load it, and ask the machine about the event.
 * Refuses (404, 403, 409, or the machine's reason) by throwing.
 */
export async function openMeeting(
  trx: Executor,
  input: { meetingId: number; expectedVersion: number; user: CurrentUser; now?: Date },
  event: Omit<MeetingEvent, "actor"> | ((ctx: MeetingContext) => Promise<Omit<MeetingEvent, "actor">>),
): Promise<{ ctx: MeetingContext; to: MeetingStatus }> {
  const claimed = await claimMeeting(trx, input.meetingId, input.expectedVersion);
  const ctx = await loadMeetingContext(trx, input.meetingId, input.user, input.now);
  if (!ctx) return refuse(404, E.meetingUnknown);
  if (!mayOrganiseMeetings(ctx.actor)) refuse(403, E.forbidden);
  if (!claimed) refuse(409, E.conflict);
  const to = checkMeetingEvent(ctx, typeof event === "function" ? await event(ctx) : event);
  return { ctx, to };
}
