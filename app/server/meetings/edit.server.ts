import { getDecision, getItem } from "#db/repositories/meeting.repository";
import { availableMeetingEvents, type MeetingEventType } from "#workflows/meeting.machine";
import { formatDate } from "~/domain/texts";
import { caseLabel, meetingTexts } from "~/domain/texts/meetings";
import type { CurrentUser } from "../auth.server";
import { loadMeetingContext, type MeetingContext } from "../commands/meeting-command.server";
import { db } from "../db.server";

/*
 * The edit forms of a meeting and of a case. Whether the user may edit is asked of the meeting
 * machine over the meeting's context (a few rows), not by building the whole meeting page.
 */

const T = meetingTexts;

/** Whether the machine allows the event now, for this actor, unblocked. */
function allows(ctx: MeetingContext, type: MeetingEventType): boolean {
  return availableMeetingEvents(ctx.meeting.status, ctx.facts, ctx.actor).some(
    (e) => e.type === type && !e.blocked,
  );
}

const titleOf = (ctx: MeetingContext) => T.meetingTitle(ctx.body.name, formatDate(ctx.date));

/** A case's texts for its edit form, if the user may edit it now; undefined when it does not exist. */
export async function caseForEdit(meetingId: number, itemId: number, user: CurrentUser) {
  const [ctx, item] = await Promise.all([loadMeetingContext(db(), meetingId, user), getItem(db(), itemId)]);
  if (!ctx || !item || item.meeting_id !== meetingId) return undefined;
  const decided = (await getDecision(db(), item.id)) !== undefined;
  return {
    meetingId,
    meetingTitle: titleOf(ctx),
    meetingVersion: ctx.meeting.version,
    mayEdit: allows(ctx, "EDIT_CASE") && !decided,
    label: caseLabel(item.number, item.number_year),
    values: {
      version: String(item.version),
      title: item.title,
      presentation: item.presentation,
      recommendation: item.recommendation,
      exempt: item.exempt === 1 ? "on" : "",
      exemptBasis: item.exempt_basis ?? "",
      liftReason: "",
    },
  };
}

/** A meeting's time and place for its edit form. */
export async function meetingForEdit(id: number, user: CurrentUser) {
  const ctx = await loadMeetingContext(db(), id, user);
  if (!ctx) return undefined;
  const { meeting } = ctx;
  return {
    id,
    title: titleOf(ctx),
    bodyId: meeting.body_id,
    version: meeting.version,
    mayEdit: allows(ctx, "EDIT"),
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
