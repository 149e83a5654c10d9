import type { Executor } from "#db/connection";
import {
  addItem,
  allocateCaseNumbers,
  casesOfProposal,
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
import { followedExemption } from "#workflows/exemption";
import { awaitedState, takesProposalCases } from "#workflows/meeting.outcomes";
import type { AddCaseForm } from "~/domain/meeting.schema";
import { formatDate, t } from "~/domain/texts";
import { meetingTexts } from "~/domain/texts/meetings";
import { recordTexts } from "~/domain/texts/records";
import type { CurrentUser } from "../auth.server";
import { openMeeting, runMeetingCommand, type MeetingContext } from "./meeting-command.server";
import { refuseField, type CommandResult } from "./result.server";

const E = meetingTexts.errors;
const D = meetingTexts.defaults;
const R = recordTexts;

/**
 * Whether a new case is exempt: an earlier exempt case of the same matter makes it exempt by
 * default with the same basis, unless the organiser lifts that with a reason (recorded).
 */
function exemptionOf(
  form: AddCaseForm,
  follows: { itemId: number; basis: string } | null,
  user: CurrentUser,
  at: string,
) {
  if (follows && !(form.liftExemption && form.liftReason))
    return {
      exempt: true,
      exemptBasis: form.exempt && form.exemptBasis ? form.exemptBasis : follows.basis,
      exemptFromItemId: follows.itemId,
      lifted: null,
    };
  return {
    exempt: form.exempt,
    exemptBasis: form.exempt ? (form.exemptBasis ?? null) : null,
    exemptFromItemId: null,
    lifted: follows && form.liftReason ? { reason: form.liftReason, by: user.id, at } : null,
  };
}
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
  exempt: boolean,
) {
  if (ctx.body.kind === "board") {
    const recommendation = R.board.proposedDecision(ctx.body.name, proposal.title);
    const committeeCase = await latestRecommendation(db, proposal.id);
    if (committeeCase) {
      const committee = await getBody(db, committeeCase.body_id, meetingDate(committeeCase.starts_at));
      const reference =
        committeeCase.number === null || committeeCase.number_year === null
          ? R.cases.unnumbered
          : R.cases.reference(committee?.code ?? "", committeeCase.number, committeeCase.number_year);
      const heading = R.board.recommendationHeading(committee?.name ?? "", reference);
      const withheld = committeeCase.exempt === 1 && !exempt;
      const presentation = withheld
        ? [
            heading,
            R.exempt.marker(committeeCase.exempt_basis ?? ""),
            await proposalPresentation(db, proposal),
          ]
        : [heading, committeeCase.text, committeeCase.presentation];
      return { presentation: presentation.join("\n\n").trim(), recommendation };
    }
    return { presentation: await proposalPresentation(db, proposal), recommendation };
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
    if (form.liftExemption && !form.liftReason) refuseField("liftReason", R.exempt.liftReasonRequired);
    const at = (input.now ?? new Date()).toISOString();
    let exemption = exemptionOf(form, null, input.user, at);
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
      exemption = exemptionOf(
        form,
        followedExemption(await casesOfProposal(trx, proposal.id)),
        input.user,
        at,
      );
      const defaults = await proposalCaseDefaults(trx, ctx, proposal, exemption.exempt);
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
      exemption = exemptionOf(form, followedExemption([full]), input.user, at);
      // The earlier case's texts travel only into a case that is exempt too.
      if (full.exempt === 1 && !exemption.exempt) {
        full.title = form.title ? full.title : R.exempt.marker(full.exempt_basis ?? "");
        full.presentation = "";
        full.recommendation = "";
      }
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
      ...exemption,
      createdAt: at,
    });
    if (ctx.meeting.status !== "planned") {
      const year = Number(ctx.date.slice(0, 4));
      const number = await allocateCaseNumbers(trx, ctx.meeting.body_id, year, 1);
      await setItemNumber(trx, itemId, number, year);
    }
    return { itemId };
  });
}
