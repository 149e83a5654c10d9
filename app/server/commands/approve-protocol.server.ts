import type { Executor } from "#db/connection";
import { updateMeeting } from "#db/repositories/meeting.repository";
import type { CurrentUser } from "../auth.server";
import { openMeeting, runMeetingCommand } from "./meeting-command.server";
import type { CommandResult } from "./result.server";

/**
 * Approves the protocol of a held meeting once every case is decided. From then on the record
 * is frozen (the server refuses changes, and so does the database); corrections are addenda.
 */
export function approveProtocol(
  db: Executor,
  input: { user: CurrentUser; meetingId: number; expectedVersion: number; now?: Date },
): Promise<CommandResult> {
  return runMeetingCommand(db, async (trx) => {
    const opened = await openMeeting(trx, input, { type: "APPROVE_PROTOCOL" });
    await updateMeeting(trx, input.meetingId, {
      status: opened.to,
      protocol_approved_at: (input.now ?? new Date()).toISOString(),
      protocol_approved_by: input.user.id,
    });
    return {};
  });
}
