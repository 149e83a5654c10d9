import type { Executor } from "#db/connection";
import { updateMeeting } from "#db/repositories/meeting.repository";
import type { CurrentUser } from "../auth.server";
import { openMeeting, runMeetingCommand } from "./meeting-command.server";
import type { CommandResult } from "./result.server";

/** Publishes an approved protocol: it appears on the public pages (exempt cases without their content). */
export function publishProtocol(
  db: Executor,
  input: { user: CurrentUser; meetingId: number; expectedVersion: number; now?: Date },
): Promise<CommandResult> {
  return runMeetingCommand(db, async (trx) => {
    const opened = await openMeeting(trx, input, { type: "PUBLISH_PROTOCOL" });
    await updateMeeting(trx, input.meetingId, {
      status: opened.to,
      protocol_published_at: (input.now ?? new Date()).toISOString(),
    });
    return {};
  });
}
