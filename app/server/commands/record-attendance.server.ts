import type { Executor } from "#db/connection";
import { replaceAttendance, updateMeeting } from "#db/repositories/meeting.repository";
import { listMembershipsOfBody } from "#db/repositories/organisation.repository";
import { getUser } from "#db/repositories/user.repository";
import type { AttendanceStatus } from "#db/schema";
import { meetingTexts } from "~/domain/texts/meetings";
import type { CurrentUser } from "../auth.server";
import { openMeeting, runMeetingCommand } from "./meeting-command.server";
import { refuseField, type CommandResult } from "./result.server";

const E = meetingTexts.errors;

export interface AttendanceInput {
  /** Every member of the body on the meeting day: present or absent. */
  members: Record<number, "present" | "absent">;
  /** Substitutes: absent member's user id → the user who meets instead. */
  substitutes: Record<number, number>;
}

/**
 * Records who attended: each member present or absent, and substitutes meeting for absent
 * members. The first recording opens the meeting (held). Every member must be accounted for.
 */
export function recordAttendance(
  db: Executor,
  input: {
    user: CurrentUser;
    meetingId: number;
    expectedVersion: number;
    attendance: AttendanceInput;
    now?: Date;
  },
): Promise<CommandResult> {
  const { members, substitutes } = input.attendance;
  const presentCount =
    Object.values(members).filter((s) => s === "present").length + Object.keys(substitutes).length;
  return runMeetingCommand(db, async (trx) => {
    const opened = await openMeeting(trx, input, { type: "RECORD_ATTENDANCE", presentCount });
    const { ctx } = opened;
    const memberIds = new Set(
      (await listMembershipsOfBody(trx, ctx.meeting.body_id, { on: ctx.date })).map((m) => m.user_id),
    );
    const given = Object.keys(members).map(Number);
    if (given.length !== memberIds.size || given.some((id) => !memberIds.has(id)))
      refuseField("", E.attendanceUnknown);

    const entries: { userId: number; status: AttendanceStatus; substituteForId: number | null }[] = given.map(
      (userId) => ({ userId, status: members[userId]!, substituteForId: null }),
    );
    const used = new Set<number>();
    for (const [memberKey, substituteId] of Object.entries(substitutes)) {
      const memberId = Number(memberKey);
      if (members[memberId] !== "absent") refuseField(`sub.${memberId}`, E.substituteFor);
      if (used.has(substituteId)) refuseField(`sub.${memberId}`, E.substituteTwice);
      used.add(substituteId);
      if (memberIds.has(substituteId)) refuseField(`sub.${memberId}`, E.substituteIsMember);
      const person = await getUser(trx, substituteId);
      if (!person || person.active !== 1) refuseField(`sub.${memberId}`, E.substituteFor);
      entries.push({ userId: substituteId, status: "substitute", substituteForId: memberId });
    }
    await replaceAttendance(trx, ctx.meeting.id, entries);
    if (opened.to !== ctx.meeting.status) await updateMeeting(trx, ctx.meeting.id, { status: opened.to });
    return {};
  });
}
