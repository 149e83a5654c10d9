import type { Executor } from "#db/connection";
import { addConflict, attendanceOfMeeting, getDecision, getItem } from "#db/repositories/meeting.repository";
import { listMembershipsOfBody } from "#db/repositories/organisation.repository";
import { meetingTexts } from "~/domain/texts/meetings";
import type { CurrentUser } from "../auth.server";
import { openMeeting, runMeetingCommand } from "./meeting-command.server";
import { refuse, refuseField, type CommandResult } from "./result.server";

const E = meetingTexts.errors;

/**
 * Records that a member declared a conflict of interest (inhabil) in a case and left while it
 * was dealt with: they cannot vote on it. Only before the case is decided.
 */
export function declareConflict(
  db: Executor,
  input: {
    user: CurrentUser;
    meetingId: number;
    expectedVersion: number;
    itemId: number;
    userId: number;
    reason: string;
  },
): Promise<CommandResult> {
  return runMeetingCommand(db, async (trx) => {
    const opened = await openMeeting(trx, input, { type: "DECLARE_CONFLICT" });
    const { ctx } = opened;
    const item = await getItem(trx, input.itemId);
    if (!item || item.meeting_id !== ctx.meeting.id) refuseField("itemId", E.caseUnknown);
    if (await getDecision(trx, item.id)) refuse(409, E.alreadyDecided);
    const [members, attendance] = await Promise.all([
      listMembershipsOfBody(trx, ctx.meeting.body_id, { on: ctx.date }),
      attendanceOfMeeting(trx, ctx.meeting.id),
    ]);
    const participants = new Set([
      ...members.map((m) => m.user_id),
      ...attendance.filter((a) => a.status === "substitute").map((a) => a.user_id),
    ]);
    if (!participants.has(input.userId)) refuseField("userId", E.conflictMember);
    await addConflict(trx, { itemId: item.id, userId: input.userId, reason: input.reason });
    return {};
  });
}
