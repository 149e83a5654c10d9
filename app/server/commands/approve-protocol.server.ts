import type { Executor } from "#db/connection";
import {
  attendanceOfMeeting,
  getMeeting,
  insertSigners,
  markSigned,
  signersOfMeeting,
  updateMeeting,
} from "#db/repositories/meeting.repository";
import { getBody, listMembershipsOfBody } from "#db/repositories/organisation.repository";
import { chosenMemberCount, decideSignature, signersFor, signingRuleOf } from "#workflows/signing";
import { meetingTexts } from "~/domain/texts/meetings";
import { recordTexts } from "~/domain/texts/records";
import type { CurrentUser } from "../auth.server";
import { notify } from "../notifications/emit.server";
import { openMeeting, runMeetingCommand } from "./meeting-command.server";
import { refuse, refuseField, type CommandResult } from "./result.server";

const S = recordTexts.signing;

/**
 * Closes the protocol of a held meeting once every case is decided, and sends it for signing by
 * the body's rule (its members present; its chair; or its chair and the members chosen in the
 * meeting). From then on the record is frozen (the server refuses changes, and so does the
 * database); corrections are addenda. It is final when every signer has signed.
 */
export function approveProtocol(
  db: Executor,
  input: {
    user: CurrentUser;
    meetingId: number;
    expectedVersion: number;
    /** The members chosen in the meeting to sign with the chair (rules "chairAndOne", "chairAndTwo"). */
    signers?: number[];
    now?: Date;
  },
): Promise<CommandResult> {
  return runMeetingCommand(db, async (trx) => {
    const opened = await openMeeting(trx, input, { type: "APPROVE_PROTOCOL" });
    const { ctx } = opened;
    const [attendance, memberships] = await Promise.all([
      attendanceOfMeeting(trx, ctx.meeting.id),
      listMembershipsOfBody(trx, ctx.meeting.body_id, { on: ctx.date }),
    ]);
    const roleOf = new Map(memberships.map((m) => [m.user_id, m.role]));
    const rule = signingRuleOf(ctx.body.kind, ctx.body.signing_rule);
    const chosen = signersFor(
      rule,
      attendance
        .filter((a) => a.status !== "absent")
        .map((a) => ({ userId: a.user_id, role: roleOf.get(a.user_id) ?? null })),
      input.signers ?? [],
    );
    if (!chosen.ok) {
      if (chosen.why === "chooseMembers") refuseField("signers", S.chooseMembers(chosenMemberCount(rule)));
      if (chosen.why === "notPresent") refuseField("signers", S.notPresent);
      refuseField("", chosen.why === "noChair" ? S.noChair : S.nobodyPresent);
    }
    await updateMeeting(trx, input.meetingId, {
      status: opened.to,
      protocol_approved_at: (input.now ?? new Date()).toISOString(),
      protocol_approved_by: input.user.id,
    });
    await insertSigners(trx, input.meetingId, chosen.signers);
    await notify(
      trx,
      { type: "protocolToSign", meetingId: input.meetingId, actorId: input.user.id },
      input.now,
    );
    return {};
  });
}

/**
 * The first members present (by name) who may be chosen to sign with the chair, as many as the
 * body's rule asks: what the demo seed and the tests choose where a meeting would choose.
 */
export async function firstPresentMembers(db: Executor, meetingId: number): Promise<number[]> {
  const meeting = await getMeeting(db, meetingId);
  if (!meeting) return [];
  const date = meeting.starts_at.slice(0, 10);
  const body = await getBody(db, meeting.body_id, date);
  const count = body ? chosenMemberCount(signingRuleOf(body.kind, body.signing_rule)) : 0;
  const memberships = await listMembershipsOfBody(db, meeting.body_id, { on: date });
  const roleOf = new Map(memberships.map((m) => [m.user_id, m.role]));
  return (await attendanceOfMeeting(db, meetingId))
    .filter(
      (a) => a.status !== "absent" && !["chair", "leader", "secretary"].includes(roleOf.get(a.user_id) ?? ""),
    )
    .slice(0, count)
    .map((a) => a.user_id);
}

/**
 * A signer's electronic approval of a protocol sent for signing. Refused with a message, writing
 * nothing, for someone who is not a signer, a second signature, and a protocol that is final.
 */
export async function signProtocol(
  db: Executor,
  input: { user: CurrentUser; meetingId: number; now?: Date },
): Promise<CommandResult<{ final: boolean }>> {
  return runMeetingCommand(db, async (trx) => {
    const meeting = await getMeeting(trx, input.meetingId);
    if (!meeting) refuse(404, meetingTexts.errors.meetingUnknown);
    const signers = await signersOfMeeting(trx, meeting.id);
    const decision = decideSignature(
      meeting.status === "protocolApproved" || meeting.status === "protocolPublished",
      signers.map((s) => ({ userId: s.user_id, signedAt: s.signed_at })),
      input.user.id,
    );
    if (!decision.ok) refuseField("", S[decision.why]);
    if (!(await markSigned(trx, meeting.id, input.user.id, (input.now ?? new Date()).toISOString())))
      refuseField("", S.alreadySigned);
    if (decision.last)
      await notify(trx, { type: "protocolSigned", meetingId: meeting.id, actorId: input.user.id }, input.now);
    return { final: decision.last };
  });
}
