import type { Executor } from "#db/connection";
import {
  addItem,
  allocateCaseNumbers,
  deferredItemOfProposal,
  deferredOtherItems,
  getItem,
  latestRecommendation,
  meetingDate,
  proposalOnOpenAgenda,
  setItemNumber,
} from "#db/repositories/meeting.repository";
import { bodyOfKind, getBody } from "#db/repositories/organisation.repository";
import { getAssessment } from "#db/repositories/process.repository";
import { getProposal } from "#db/repositories/proposal.repository";
import { assessmentTotal } from "#workflows/assessment";
import { awaitedState, takesProposalCases } from "#workflows/meeting.outcomes";
import type { AddCaseForm } from "~/domain/meeting.schema";
import { formatDate, t } from "~/domain/texts";
import { caseLabel, meetingTexts } from "~/domain/texts/meetings";
import type { CurrentUser } from "../auth.server";
import { openMeeting, runMeetingCommand, type MeetingContext } from "./meeting-command.server";
import { refuseField, type CommandResult } from "./result.server";

const E = meetingTexts.errors;
const D = meetingTexts.defaults;
const F = t.proposal.fields;

/** The presentation (saksframlegg) a proposal case starts with: the proposal and its assessment. */
export async function proposalPresentation(
  db: Executor,
  proposal: NonNullable<Awaited<ReturnType<typeof getProposal>>>,
): Promise<string> {
  const assessment = await getAssessment(db, proposal.id);
  const sections: string[] = [];
  if (proposal.submitted_at) sections.push(D.submitted(formatDate(proposal.submitted_at)));
  const fields: [string, string][] = [
    [F.background, proposal.background],
    [F.problem, proposal.problem],
    [F.solution, proposal.solution],
    [F.benefits, proposal.benefits],
  ];
  for (const [heading, text] of fields) if (text.trim()) sections.push(`${heading}\n${text.trim()}`);
  if (assessment) {
    sections.push(D.assessment(assessmentTotal(assessment), assessment.cost_once, assessment.cost_yearly));
    if (assessment.benefits_plan.trim())
      sections.push(`${D.benefitsPlan}\n${assessment.benefits_plan.trim()}`);
  }
  return sections.join("\n\n");
}

/** Texts a proposal case starts with; a board case takes the committee's recommendation. */
async function proposalCaseDefaults(
  db: Executor,
  ctx: MeetingContext,
  proposal: NonNullable<Awaited<ReturnType<typeof getProposal>>>,
) {
  if (ctx.body.kind === "board") {
    const committeeCase = await latestRecommendation(db, proposal.id);
    if (committeeCase) {
      const label = caseLabel(committeeCase.number, committeeCase.number_year) ?? "";
      const committee = await getBody(db, committeeCase.body_id, meetingDate(committeeCase.starts_at));
      return {
        presentation:
          `${D.fromCommittee(committee?.name ?? "", label)}\n\n${committeeCase.presentation}`.trim(),
        recommendation: committeeCase.text,
      };
    }
    return {
      presentation: await proposalPresentation(db, proposal),
      recommendation: D.boardRecommendation(proposal.title),
    };
  }
  const board = await bodyOfKind(db, "board", ctx.date);
  return {
    presentation: await proposalPresentation(db, proposal),
    recommendation: D.committeeRecommendation(ctx.body.name, board?.name ?? "styret", proposal.title),
  };
}

/**
 * Puts a case on a meeting's agenda: a proposal waiting for this body (refused for any other
 * proposal), a deferred case taken up again (it refers to the earlier one), or another case.
 * After the notice is published the case gets its number at once.
 */
export function addCase(
  db: Executor,
  input: { user: CurrentUser; meetingId: number; expectedVersion: number; form: AddCaseForm; now?: Date },
): Promise<CommandResult<{ itemId: number }>> {
  return runMeetingCommand(db, async (trx) => {
    const opened = await openMeeting(trx, input, { type: "ADD_CASE" });
    const { ctx } = opened;
    const form = input.form;
    let item: {
      kind: "proposal" | "other";
      proposalId: number | null;
      title: string;
      presentation: string;
      recommendation: string;
      deferredFromId: number | null;
    };
    if (form.kind === "proposal") {
      if (!takesProposalCases(ctx.body.kind)) refuseField("kind", E.noProposalCases);
      const proposal = form.proposalId ? await getProposal(trx, form.proposalId) : undefined;
      if (!proposal || proposal.state !== awaitedState(ctx.body.kind))
        refuseField("proposalId", E.proposalNotWaiting(ctx.body.name));
      if (await proposalOnOpenAgenda(trx, proposal.id)) refuseField("proposalId", E.proposalOnAgenda);
      const defaults = await proposalCaseDefaults(trx, ctx, proposal);
      const deferred = await deferredItemOfProposal(trx, ctx.meeting.body_id, proposal.id);
      item = {
        kind: "proposal",
        proposalId: proposal.id,
        title: form.title || proposal.title,
        presentation: form.presentation || defaults.presentation,
        recommendation: form.recommendation || defaults.recommendation,
        deferredFromId: deferred?.id ?? null,
      };
    } else if (form.deferredFromId !== undefined) {
      const waiting = await deferredOtherItems(trx, ctx.meeting.body_id);
      const earlier = waiting.find((w) => w.id === form.deferredFromId);
      const full = earlier ? await getItem(trx, earlier.id) : undefined;
      if (!full) refuseField("deferredFromId", E.deferredUnknown);
      item = {
        kind: "other",
        proposalId: null,
        title: form.title || full.title,
        presentation: form.presentation || full.presentation,
        recommendation: form.recommendation || full.recommendation,
        deferredFromId: full.id,
      };
    } else {
      item = {
        kind: "other",
        proposalId: null,
        title: form.title ?? "",
        presentation: form.presentation,
        recommendation: form.recommendation,
        deferredFromId: null,
      };
    }
    const itemId = await addItem(trx, {
      meetingId: ctx.meeting.id,
      bodyId: ctx.meeting.body_id,
      ...item,
      exempt: form.exempt,
      exemptBasis: form.exempt ? (form.exemptBasis ?? null) : null,
      createdAt: (input.now ?? new Date()).toISOString(),
    });
    if (ctx.meeting.status !== "planned") {
      const year = Number(ctx.date.slice(0, 4));
      const number = await allocateCaseNumbers(trx, ctx.meeting.body_id, year, 1);
      await setItemNumber(trx, itemId, number, year);
    }
    return { itemId };
  });
}
