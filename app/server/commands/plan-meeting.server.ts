import type { Executor } from "#db/connection";
import { createMeeting, updateMeeting } from "#db/repositories/meeting.repository";
import { getBody } from "#db/repositories/organisation.repository";
import { mayOrganiseMeetings } from "#workflows/policy";
import type { MeetingForm } from "~/domain/meeting.schema";
import { meetingTexts } from "~/domain/texts/meetings";
import type { CurrentUser } from "../auth.server";
import { notify } from "../notifications/emit.server";
import { meetingActor, openMeeting, runMeetingCommand } from "./meeting-command.server";
import { refuse, refuseField, type CommandResult } from "./result.server";

const E = meetingTexts.errors;

function columns(form: MeetingForm) {
  return {
    starts_at: `${form.date}T${form.startTime}`,
    end_time: form.endTime ?? null,
    place: form.place,
    video_link: form.videoLink ?? null,
  };
}

/** Plans a meeting of a body that exists on the day; only its organisers may (403 otherwise). */
export function planMeeting(
  db: Executor,
  input: { user: CurrentUser; form: MeetingForm; now?: Date },
): Promise<CommandResult<{ id: number }>> {
  return runMeetingCommand(db, async (trx) => {
    const { form, user } = input;
    const body = await getBody(trx, form.bodyId, form.date);
    if (!body) return refuseField("bodyId", E.bodyRequired);
    if (body.valid_from > form.date || (body.valid_to !== null && body.valid_to <= form.date))
      refuseField("date", E.bodyInactive);
    if (!mayOrganiseMeetings(await meetingActor(trx, user, body.id, form.date))) refuse(403, E.forbidden);
    const c = columns(form);
    const id = await createMeeting(trx, {
      bodyId: body.id,
      startsAt: c.starts_at,
      endTime: c.end_time,
      place: c.place,
      videoLink: c.video_link,
      createdBy: user.id,
      createdAt: (input.now ?? new Date()).toISOString(),
    });
    return { id };
  });
}

/** Changes the time and place of a meeting not yet held (the body stays). */
export function editMeeting(
  db: Executor,
  input: { user: CurrentUser; meetingId: number; expectedVersion: number; form: MeetingForm },
): Promise<CommandResult> {
  return runMeetingCommand(db, async (trx) => {
    const opened = await openMeeting(trx, input, { type: "EDIT" });
    if (input.form.bodyId !== opened.ctx.meeting.body_id) refuseField("bodyId", E.bodyRequired);
    const c = columns(input.form);
    // A case number belongs to the year of the meeting it was published for.
    if (opened.ctx.meeting.status !== "planned" && c.starts_at.slice(0, 4) !== opened.ctx.date.slice(0, 4))
      refuseField("date", E.sameYearOnly);
    await updateMeeting(trx, input.meetingId, c);
    // A published notice whose time or place changed is published again: the calendar event updates.
    if (opened.ctx.meeting.status === "noticePublished")
      await notify(trx, {
        type: "meetingNotice",
        meetingId: input.meetingId,
        actorId: input.user.id,
        updated: true,
      });
    return {};
  });
}
