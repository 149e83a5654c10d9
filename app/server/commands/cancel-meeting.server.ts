import type { Executor } from "#db/connection";
import { updateMeeting } from "#db/repositories/meeting.repository";
import type { CurrentUser } from "../auth.server";
import { openMeeting, runMeetingCommand } from "./meeting-command.server";
import type { CommandResult } from "./result.server";

/**
 * Cancels a meeting not yet held, with a reason. Its proposals wait for another meeting; case
 * numbers already published stay with the cancelled meeting and are never reused.
 */
export function cancelMeeting(
  db: Executor,
  input: { user: CurrentUser; meetingId: number; expectedVersion: number; reason: string; now?: Date },
): Promise<CommandResult> {
  return runMeetingCommand(db, async (trx) => {
    const opened = await openMeeting(trx, input, { type: "CANCEL", reason: input.reason });
    await updateMeeting(trx, input.meetingId, {
      status: opened.to,
      cancelled_at: (input.now ?? new Date()).toISOString(),
      cancel_reason: input.reason,
    });
    return {};
  });
}
