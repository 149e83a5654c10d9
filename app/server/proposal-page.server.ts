import { today } from "#workflows/dates";
import { mayAssess, maySeeExemptCases, proposalActor } from "#workflows/policy";
import { listBodies, membershipsInBody } from "#db/repositories/organisation.repository";
import {
  attachmentsOfProposal,
  getProposalForViewer,
  mergedInto,
  municipalitiesOfProposal,
  similarProposals,
} from "#db/repositories/proposal.repository";
import { goalsOfProposal } from "#db/repositories/assessment.repository";
import { protocolItemLinks, type ProtocolItemLink } from "#db/repositories/meeting.repository";
import { recordTexts } from "~/domain/texts/records";
import { getAssessment, historyOfProposal, listPriorityBands } from "#db/repositories/process.repository";
import { assessmentTotal, criteria, isAssessmentComplete, priorityBand } from "#workflows/assessment";
import { eventSpecs, isProposalEvent } from "#workflows/proposal.events";
import { eventFieldLabel, eventLabel } from "~/domain/texts/proposal-events";
import { proposalPageTexts } from "~/domain/texts/proposal-page";
import { assessmentTexts as A } from "~/domain/texts/assessment";
import {
  availableEvents,
  bodyText,
  isProposalState,
  stateMeta,
  type BodyNames,
  type ProposalState,
} from "#workflows/proposal.machine";
import type { CurrentUser } from "./auth.server";
import { factsFrom } from "./commands/apply-proposal-event.server";
import { db } from "./db.server";
import { processDiagram, processPlace } from "./flowchart.server";
import { siteText } from "./site-texts.server";
import { supportPanel } from "./support.server";
import { followPanel } from "./notification-center.server";
import { followupPanel } from "./followup.server";
import { bodyNames, stateLabel } from "./process.server";

/** The bodies whose exempt cases this reader may read today, among those of the items given. */
async function exemptBodiesReadable(user: CurrentUser, items: ProtocolItemLink[]): Promise<Set<number>> {
  const bodyIds = [...new Set(items.filter((i) => i.exempt).map((i) => i.bodyId))];
  const readable = new Set<number>();
  for (const bodyId of bodyIds) {
    const membersToday = user.isAdmin ? [] : await membershipsInBody(db(), user.id, bodyId, today());
    if (maySeeExemptCases(user, { membersToday })) readable.add(bodyId);
  }
  return readable;
}

/**
 * A history row as the reader sees it. A decision taken in a meeting names the body and its case
 * ("Samarbeidsrådet, SR-sak 1/2026") and the person who wrote it only as the recorder; the reason
 * of a decision in an exempt case is withheld from those who may not read it.
 */
function historyDecision(
  h: { actor_name: string; reason: string | null; protocol_item_id: number | null },
  items: Map<number, ProtocolItemLink>,
  exemptReadable: Set<number>,
) {
  const item = h.protocol_item_id ? items.get(h.protocol_item_id) : undefined;
  if (!item) return { actorName: h.actor_name, reason: h.reason, protocolItem: null, recordedBy: null };
  const reference =
    item.number === null || item.numberYear === null
      ? recordTexts.cases.unnumbered
      : recordTexts.cases.reference(item.bodyCode, item.number, item.numberYear);
  const withheld = item.exempt && !exemptReadable.has(item.bodyId);
  return {
    actorName: recordTexts.cases.decidedIn(item.bodyName, reference),
    recordedBy: recordTexts.cases.recordedBy(h.actor_name),
    reason: withheld ? recordTexts.exempt.marker(item.exemptBasis ?? "") : h.reason,
    protocolItem: { id: item.id, meetingId: item.meetingId, reference },
  };
}

/** Everything the proposal page shows, for one viewer; undefined when they may not see it. */
/** Steps whose reason a submitter needs by the status: a rejection, a redirect, a return, a cancellation. */
const reasonEvents = new Set([
  "GROUP_REJECT",
  "COMMITTEE_REJECT",
  "BOARD_REJECT",
  "REDIRECT",
  "COMMITTEE_RETURN",
  "BOARD_RETURN",
  "CANCEL",
]);

/** The reason of the step that brought the proposal to where it is, if it is one of `reasonEvents`. */
function reasonByStatus(
  history: readonly { to_state: string; from_state: string | null; event: string; reason: string | null }[],
  state: string,
): string | null {
  const step = [...history].reverse().find((h) => h.to_state === state && h.from_state !== h.to_state);
  return step && reasonEvents.has(step.event) ? step.reason : null;
}

export async function proposalPage(id: number, user: CurrentUser, opts: { diagram?: boolean } = {}) {
  const proposal = await getProposalForViewer(db(), id, user.id);
  if (!proposal || !isProposalState(proposal.state)) return undefined;
  const [
    municipalities,
    attachments,
    history,
    groups,
    names,
    merged,
    similar,
    assessment,
    bands,
    goals,
    followup,
  ] = await Promise.all([
    municipalitiesOfProposal(db(), id),
    attachmentsOfProposal(db(), id),
    historyOfProposal(db(), id),
    listBodies(db(), { kind: "group" }),
    bodyNames(),
    mergedInto(db(), id),
    proposal.state === "draft"
      ? Promise.resolve([])
      : similarProposals(db(), proposal.title, { excludeId: id }),
    getAssessment(db(), id),
    listPriorityBands(db()),
    goalsOfProposal(db(), id),
    followupPanel(proposal, user),
  ]);
  // The machine's facts from the assessment and goals read for the page, not read again.
  const facts = factsFrom(proposal, assessment, goals.length);
  const actor = proposalActor(user, proposal);
  const protocolItems = new Map(
    (
      await protocolItemLinks(
        db(),
        history.flatMap((h) => (h.protocol_item_id ? [h.protocol_item_id] : [])),
      )
    ).map((item) => [item.id, item]),
  );
  const exemptReadable = await exemptBodiesReadable(user, [...protocolItems.values()]);
  const total = assessment ? assessmentTotal(assessment) : null;
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const meta = stateMeta(proposal.state);
  const actions = availableEvents(proposal.state, facts, actor)
    .filter((a) => !eventSpecs[a.type].inMeeting && a.type !== "SUBMIT")
    .map((a) => ({
      type: a.type,
      blocked: a.blocked,
      label: bodyText(eventLabel(a.type), names),
      field: eventSpecs[a.type].field ?? null,
      fieldLabel: eventFieldLabel(a.type),
      closing: eventSpecs[a.type].closing ?? false,
      page: eventSpecs[a.type].page ?? null,
    }));
  const activeGroups = groups.filter((g) => g.valid_to === null || g.valid_to > today());
  return {
    proposal: {
      id: proposal.id,
      title: proposal.title,
      background: proposal.background,
      problem: proposal.problem,
      solution: proposal.solution,
      benefits: proposal.benefits,
      affected: proposal.affected,
      resources: proposal.resources,
      state: proposal.state,
      version: proposal.version,
      authorName: proposal.author_name,
      isAuthor: proposal.author_id === user.id,
      createdAt: proposal.created_at,
      submittedAt: proposal.submitted_at,
      stateChangedAt: proposal.state_changed_at,
      groupName: proposal.group_id ? (groupName.get(proposal.group_id) ?? null) : null,
      suggestedGroupName: proposal.suggested_group_id
        ? (groupName.get(proposal.suggested_group_id) ?? null)
        : null,
      mergedIntoId: proposal.merged_into_id,
    },
    stateLabel: stateLabel(proposal.state, names),
    // Why it is where it is (rejected, redirected, sent back, asked for more): the step's reason, by the status.
    stateReason: reasonByStatus(history, proposal.state),
    customerService: proposal.state === "redirected" ? await siteText("kundeservice") : null,
    support: await supportPanel(proposal, user),
    follow: await followPanel(proposal, user),
    now: bodyText(meta.now, names),
    whoActs: bodyText(proposalPageTexts.whoActs[meta.lane], names),
    isFinal: meta.final === true,
    municipalities,
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.file_name, size: a.size })),
    history: history.map((h) => ({
      id: h.id,
      at: h.at,
      event: h.event,
      eventLabel:
        h.event === "CREATE"
          ? proposalPageTexts.created
          : bodyText(isProposalEvent(h.event) ? eventLabel(h.event) : h.event, names),
      from: h.from_state,
      fromLabel: h.from_state ? stateLabel(h.from_state, names) : null,
      to: h.to_state,
      toLabel: stateLabel(h.to_state, names),
      ...historyDecision(h, protocolItems, exemptReadable),
      groupName: h.group_id ? (groupName.get(h.group_id) ?? null) : null,
    })),
    // The drawing only when asked for (`?prosess=vis`): it was a third of every view's HTML and data.
    ...(await diagramOf(proposal.state, history, names, opts.diagram === true)),
    actions,
    groupOptions: activeGroups
      .filter((g) => g.id !== proposal.group_id)
      .map((g) => ({ id: g.id, name: g.name })),
    merged,
    assessment: assessment
      ? {
          scores: criteria.map((c) => ({
            key: c.key,
            label: A.criteria[c.key].label,
            value: assessment[c.key],
          })),
          adjustment: assessment.adjustment,
          adjustmentReason: assessment.adjustment_reason,
          total,
          band: priorityBand(total, bands),
          benefitsPlan: assessment.benefits_plan,
          costOnce: assessment.cost_once,
          costYearly: assessment.cost_yearly,
          complete: isAssessmentComplete(assessment),
        }
      : null,
    goals: goals.map((g) => ({ id: g.id, label: `${g.number} ${g.title}`, strategyName: g.strategy_name })),
    canAssess: mayAssess(actor, proposal),
    followup,
    similar: similar.map((s) => ({ id: s.id, title: s.title, stateLabel: stateLabel(s.state, names) })),
  };
}

/** The proposal's place in the process in words, and the drawing of it when asked for. */
async function diagramOf(
  state: ProposalState,
  history: readonly { to_state: string }[],
  names: BodyNames,
  withDrawing: boolean,
) {
  const diagram = await processDiagram(
    state,
    history.map((h) => h.to_state),
    names,
  );
  return { place: processPlace(diagram), diagram: withDrawing ? diagram : null };
}

export type ProposalPageData = NonNullable<Awaited<ReturnType<typeof proposalPage>>>;
