import type { Executor } from "#db/connection";
import {
  allocateCaseNumbers,
  itemsOfMeeting,
  setItemNumber,
  updateMeeting,
} from "#db/repositories/meeting.repository";
import type { CurrentUser } from "../auth.server";
import { notify } from "../notifications/emit.server";
import { openMeeting, runMeetingCommand } from "./meeting-command.server";
import type { CommandResult } from "./result.server";

/**
 * Publishes a meeting's notice: every case on the agenda gets its number for the body and the
 * meeting's year, in agenda order ("Sak 12/2021"). The numbers are reserved from the body's
 * counter inside this transaction, so two notices published at once never share a number and a
 * failed publication leaves no gap.
 */
export function publishNotice(
  db: Executor,
  input: { user: CurrentUser; meetingId: number; expectedVersion: number; now?: Date },
): Promise<CommandResult<{ numbers: number[] }>> {
  return runMeetingCommand(db, async (trx) => {
    const opened = await openMeeting(trx, input, { type: "PUBLISH_NOTICE" });
    const { ctx } = opened;
    const year = Number(ctx.date.slice(0, 4));
    const unnumbered = (await itemsOfMeeting(trx, ctx.meeting.id)).filter((i) => i.number === null);
    const numbers: number[] = [];
    if (unnumbered.length > 0) {
      const first = await allocateCaseNumbers(trx, ctx.meeting.body_id, year, unnumbered.length);
      for (const [index, item] of unnumbered.entries()) {
        await setItemNumber(trx, item.id, first + index, year);
        numbers.push(first + index);
      }
    }
    await updateMeeting(trx, ctx.meeting.id, {
      status: opened.to,
      notice_published_at: (input.now ?? new Date()).toISOString(),
    });
    await notify(
      trx,
      { type: "meetingNotice", meetingId: ctx.meeting.id, actorId: input.user.id, updated: false },
      input.now,
    );
    return { numbers };
  });
}
