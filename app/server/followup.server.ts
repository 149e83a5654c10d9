import { followupTexts } from "~/domain/texts/report";
import { getFollowup, projectLeadOptions } from "#db/repositories/followup.repository";
import { getProposalForViewer } from "#db/repositories/proposal.repository";
import { getAssessment } from "#db/repositories/process.repository";
import { finalReportYears } from "#db/repositories/report.repository";
import {
  availableEvents,
  eventsInState,
  isProposalState,
  type ProposalEventType,
} from "#workflows/proposal.machine";
import { isReportTextLocked, lockingYear } from "#workflows/report";
import { mayEditReportText, proposalActor } from "#workflows/policy";
import { forbidden, notFound, type CurrentUser } from "./auth.server";
import { proposalFacts } from "./commands/apply-proposal-event.server";
import { db } from "./db.server";

/**
 * A proposal whose START or COMPLETE form this user opens: 404 when it cannot be seen, 403 when
 * the machine does not let this user take the step; `available: false` when the step does not
 * exist in the proposal's state now (it has moved on), so the page sends the user back.
 */
export async function followupStep(
  id: number,
  user: CurrentUser,
  type: Extract<ProposalEventType, "START" | "COMPLETE">,
) {
  const proposal = await getProposalForViewer(db(), id, user.id);
  if (!proposal || !isProposalState(proposal.state)) notFound();
  if (!eventsInState(proposal.state).includes(type)) return { proposal, available: false as const };
  const facts = await proposalFacts(db(), proposal);
  const allowed = availableEvents(proposal.state, facts, proposalActor(user, proposal)).some(
    (e) => e.type === type && !e.blocked,
  );
  if (!allowed) forbidden();
  return { proposal, available: true as const };
}

/** What the START form needs: active users to choose the project lead from. */
export async function startFormData() {
  const leads = await projectLeadOptions(db());
  return {
    leads: leads.map((u) => ({
      value: u.id,
      label: u.is_coordinator === 1 ? followupTexts.roriktLead(u.name) : u.name,
    })),
  };
}

/** What the COMPLETE form shows next to its fields: the benefits plan and the start as recorded. */
export async function completeFormData(proposalId: number) {
  const [assessment, followup] = await Promise.all([
    getAssessment(db(), proposalId),
    getFollowup(db(), proposalId),
  ]);
  return {
    benefitsPlan: assessment?.benefits_plan ?? "",
    startDate: followup?.start_date ?? null,
    plannedEnd: followup?.planned_end ?? null,
    projectLeadName: followup?.project_lead_name ?? null,
    reportText: followup?.report_text ?? "",
  };
}

/**
 * The follow-up panel of the proposal page: project lead, dates, realised benefits and the
 * report text, and whether this user may edit the text now. Null before the work has started.
 * For the proposal as the page read it for this viewer (not read again).
 */
export async function followupPanel(
  proposal: NonNullable<Awaited<ReturnType<typeof getProposalForViewer>>>,
  user: CurrentUser,
) {
  const proposalId = proposal.id;
  const followup = await getFollowup(db(), proposalId);
  if (!followup && proposal.state !== "inProgress" && proposal.state !== "completed") return null;
  const locked = followup ? isReportTextLocked(followup, await finalReportYears(db())) : false;
  return {
    proposalId,
    projectLeadName: followup?.project_lead_name ?? null,
    startDate: followup?.start_date ?? null,
    plannedEnd: followup?.planned_end ?? null,
    completedOn: followup?.completed_on ?? null,
    realisedBenefits: followup?.realised_benefits ?? "",
    reportText: followup?.report_text ?? "",
    locked,
    lockedYear: locked && followup ? lockingYear(followup) : null,
    canEditText: !locked && mayEditReportText(proposalActor(user, proposal), proposal),
  };
}

export type FollowupPanelData = NonNullable<Awaited<ReturnType<typeof followupPanel>>>;

/** What the report text form needs; 404/403 as the command would answer. */
export async function reportTextFormData(proposalId: number, user: CurrentUser) {
  const proposal = await getProposalForViewer(db(), proposalId, user.id);
  if (!proposal) notFound();
  if (!mayEditReportText(proposalActor(user, proposal), proposal)) forbidden();
  const followup = await getFollowup(db(), proposalId);
  const locked = followup ? isReportTextLocked(followup, await finalReportYears(db())) : false;
  return {
    id: proposal.id,
    title: proposal.title,
    version: followup?.version ?? 0,
    reportText: followup?.report_text ?? "",
    lockedYear: locked && followup ? lockingYear(followup) : null,
  };
}
