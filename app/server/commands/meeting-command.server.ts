import { mayOrganiseMeetings } from "#workflows/policy";
import type { Executor } from "#db/connection";
import {
  caseNumberCollision,
  claimMeeting,
  countUndecided,
  frozenProtocolError,
  getMeeting,
  meetingDate,
  type MeetingRow,
} from "#db/repositories/meeting.repository";
import { getBody, listMembershipsOfBody, type BodyOnDate } from "#db/repositories/organisation.repository";
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
import type { CurrentUser } from "../auth.server";

const E = meetingTexts.errors;

/** What every meeting command answers: done, a field message (400), or refused (403/404/409). */
export type CommandResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; status: 400; fieldErrors: Record<string, string[]> }
  | { ok: false; status: 403 | 404 | 409; message: string };

export type Failure = Extract<CommandResult, { ok: false }>;

export const fieldError = (field: string, message: string): Failure => ({
  ok: false,
  status: 400,
  fieldErrors: { [field]: [message] },
});

export const refused = (status: 403 | 404 | 409, message: string): Failure => ({
  ok: false,
  status,
  message,
});

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
  const memberships = await listMembershipsOfBody(db, bodyId, { on: date });
  return {
    userId: user.id,
    isCoordinator: user.isCoordinator,
    bodyRoles: memberships.filter((m) => m.user_id === user.id).map((m) => m.role),
  };
}

export async function loadMeetingContext(
  db: Executor,
  meetingId: number,
  user: CurrentUser,
): Promise<MeetingContext | undefined> {
  const meeting = await getMeeting(db, meetingId);
  if (!meeting) return undefined;
  const date = meetingDate(meeting.starts_at);
  const [body, actor, counts] = await Promise.all([
    getBody(db, meeting.body_id, date),
    meetingActor(db, user, meeting.body_id, date),
    countUndecided(db, meetingId),
  ]);
  if (!body) return undefined;
  return {
    meeting,
    body,
    date,
    actor,
    facts: { caseCount: counts.cases, undecidedCount: counts.undecided },
  };
}

/** Why an event cannot happen in a status, in words. */
function notNowMessage(status: MeetingStatus): string {
  if (status === "protocolApproved" || status === "protocolPublished") return E.frozen;
  if (status === "cancelled") return E.cancelled;
  return E.wrongStatus(meetingStateMeta(status).label);
}

/**
 * Asks the meeting machine whether the event may happen now. Returns the failure to answer
 * with, or the status the meeting moves to.
 */
export function checkMeetingEvent(
  ctx: MeetingContext,
  event: Omit<MeetingEvent, "actor">,
): Failure | { ok: true; to: MeetingStatus } {
  const decision = decideMeeting(ctx.meeting.status, ctx.facts, { ...event, actor: ctx.actor });
  if (decision.ok) return decision;
  if (decision.why === "not-in-state") return refused(409, notNowMessage(ctx.meeting.status));
  if (!mayOrganiseMeetings(ctx.actor)) return refused(403, E.forbidden);
  const why: Partial<Record<MeetingEventType, Failure>> = {
    PUBLISH_NOTICE: fieldError("", E.noCases),
    APPROVE_PROTOCOL: fieldError("", E.undecided),
    RECORD_ATTENDANCE: fieldError("", E.nobodyPresent),
    CANCEL: fieldError("reason", E.reasonRequired),
  };
  return why[event.type] ?? refused(403, E.forbidden);
}

class Refusal extends Error {
  constructor(readonly result: Failure) {
    super("refused");
  }
}

/**
 * Runs a meeting command in a transaction: a failure answer rolls everything back. Inside a
 * caller's transaction (the demo seed) it runs there, and the caller must roll back on failure.
 * A change the database refuses because the protocol is approved, or a case number already
 * taken, becomes a clear 409 with nothing written.
 */
export async function runMeetingCommand<T extends object>(
  db: Executor,
  fn: (trx: Executor) => Promise<CommandResult<T>>,
): Promise<CommandResult<T>> {
  try {
    if (db.isTransaction) return await fn(db);
    return await db.transaction().execute(async (trx) => {
      const result = await fn(trx);
      if (!result.ok) throw new Refusal(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    if (frozenProtocolError(error)) return refused(409, E.frozen);
    if (caseNumberCollision(error)) return refused(409, E.numberCollision);
    throw error;
  }
}

/**
 * The common opening of a command on an existing meeting: claim it at the version the user saw
 * (the first write, so concurrent writers queue), load it, and ask the machine about the event.
 */
export async function openMeeting(
  trx: Executor,
  input: { meetingId: number; expectedVersion: number; user: CurrentUser },
  event: Omit<MeetingEvent, "actor"> | ((ctx: MeetingContext) => Promise<Omit<MeetingEvent, "actor">>),
): Promise<Failure | { ok: true; ctx: MeetingContext; to: MeetingStatus }> {
  const claimed = await claimMeeting(trx, input.meetingId, input.expectedVersion);
  const ctx = await loadMeetingContext(trx, input.meetingId, input.user);
  if (!ctx) return refused(404, "Fant ikke møtet.");
  if (!mayOrganiseMeetings(ctx.actor)) return refused(403, E.forbidden);
  if (!claimed) return refused(409, E.conflict);
  const check = checkMeetingEvent(ctx, typeof event === "function" ? await event(ctx) : event);
  if (!check.ok) return check;
  return { ok: true, ctx, to: check.to };
}
