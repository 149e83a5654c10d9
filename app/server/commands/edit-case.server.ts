import type { Executor } from "#db/connection";
import {
  getDecision,
  getItem,
  removeUnnumberedItem,
  updateItemTexts,
} from "#db/repositories/meeting.repository";
import type { EditCaseForm } from "~/domain/meeting.schema";
import { listMembershipsOfBody } from "#db/repositories/organisation.repository";
import { today } from "#workflows/dates";
import { maySeeExemptCases } from "#workflows/policy";
import { meetingTexts } from "~/domain/texts/meetings";
import { recordTexts } from "~/domain/texts/records";
import type { CurrentUser } from "../auth.server";
import { openMeeting, runMeetingCommand } from "./meeting-command.server";
import { refuse, refuseField, type CommandResult } from "./result.server";

const E = meetingTexts.errors;

/** Rewrites a case's title, presentation, proposed decision and exemption until it is decided. */
export function editCase(
  db: Executor,
  input: {
    user: CurrentUser;
    meetingId: number;
    meetingVersion: number;
    itemId: number;
    form: EditCaseForm;
    now?: Date;
  },
): Promise<CommandResult> {
  return runMeetingCommand(db, async (trx) => {
    await openMeeting(
      trx,
      { meetingId: input.meetingId, expectedVersion: input.meetingVersion, user: input.user },
      { type: "EDIT_CASE" },
    );
    const item = await getItem(trx, input.itemId);
    if (!item || item.meeting_id !== input.meetingId) refuse(404, E.caseUnknown);
    if (await getDecision(trx, item.id)) refuse(409, E.alreadyDecided);
    // An organiser who may not read an exempt case (not a member of the body today) cannot rewrite it.
    if (item.exempt === 1) {
      const membersToday = await listMembershipsOfBody(trx, item.body_id, { on: today(input.now) });
      if (!maySeeExemptCases(input.user, { membersToday })) refuse(403, E.forbidden);
    }
    // Lifting an exemption is a decision of its own: it needs a reason, which is kept.
    const lifting = item.exempt === 1 && !input.form.exempt;
    if (lifting && !input.form.liftReason) refuseField("liftReason", recordTexts.exempt.liftReasonRequired);
    const saved = await updateItemTexts(trx, {
      id: item.id,
      expectedVersion: input.form.version,
      title: input.form.title,
      presentation: input.form.presentation,
      recommendation: input.form.recommendation,
      exempt: input.form.exempt,
      exemptBasis: input.form.exempt ? (input.form.exemptBasis ?? null) : null,
      lifted: lifting
        ? { reason: input.form.liftReason!, by: input.user.id, at: (input.now ?? new Date()).toISOString() }
        : null,
    });
    if (!saved) refuse(409, E.caseConflict);
    return {};
  });
}

/** Takes a case off the agenda before the notice is published (a numbered case stays). */
export function removeCase(
  db: Executor,
  input: { user: CurrentUser; meetingId: number; expectedVersion: number; itemId: number },
): Promise<CommandResult> {
  return runMeetingCommand(db, async (trx) => {
    await openMeeting(trx, input, { type: "REMOVE_CASE" });
    const item = await getItem(trx, input.itemId);
    if (!item || item.meeting_id !== input.meetingId) refuseField("itemId", E.caseUnknown);
    if (!(await removeUnnumberedItem(trx, item.id))) refuse(409, E.numberedCannotBeRemoved);
    return {};
  });
}
