import type { Executor } from "#db/connection";
import { addAddendum } from "#db/repositories/meeting.repository";
import type { CurrentUser } from "../auth.server";
import { openMeeting, runMeetingCommand } from "./meeting-command.server";
import type { CommandResult } from "./result.server";

/** Adds a dated addendum (a correction) to an approved protocol; the protocol itself stays as approved. */
export function addProtocolAddendum(
  db: Executor,
  input: { user: CurrentUser; meetingId: number; expectedVersion: number; text: string; now?: Date },
): Promise<CommandResult> {
  return runMeetingCommand(db, async (trx) => {
    await openMeeting(trx, input, { type: "ADD_ADDENDUM" });
    await addAddendum(trx, {
      meetingId: input.meetingId,
      text: input.text,
      addedBy: input.user.id,
      addedAt: (input.now ?? new Date()).toISOString(),
    });
    return {};
  });
}
