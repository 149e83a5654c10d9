import type { Executor } from "#db/connection";
import { getProposal } from "#db/repositories/proposal.repository";
import {
  appendHistory,
  getAssessment,
  linkedGoalIds,
  moveProposal,
  proposalForEvent,
} from "#db/repositories/process.repository";
import { isAssessmentComplete } from "#workflows/assessment";
import { today as osloToday } from "#workflows/dates";
import { proposalActor } from "#workflows/policy";
import { eventSpecs } from "#workflows/proposal.events";
import { payloadSchema } from "~/domain/proposal-event.schema";
import { z } from "zod";
import {
  availableEvent,
  decide,
  eventsInState,
  isDecision,
  isProposalState,
  snapshotAt,
  type ProposalEventType,
  type ProposalFacts,
  type ProposalState,
} from "#workflows/proposal.machine";
import { proposalEventTexts } from "~/domain/texts/proposal-events";
import type { CurrentUser } from "../auth.server";
import { notify } from "../notifications/emit.server";
import { refusal, refuse, refuseField, runCommand, type CommandResult } from "./result.server";

const E = proposalEventTexts.errors;

export type ApplyResult = CommandResult<{ from: ProposalState; to: ProposalState }>;

export interface ApplyInput {
  proposalId: number;
  /** The version the user saw; a mismatch is a conflict (409), nothing is written. */
  expectedVersion: number;
  user: CurrentUser;
  type: ProposalEventType;
  payload: Record<string, unknown>;
  /** Set when the event is a decision recorded in a meeting. */
  meeting?: { body: "committee" | "board"; protocolItemId: number } | null;
  /** Set by the commands behind an event's own form page (START, COMPLETE), which carry more than the event. */
  fromOwnForm?: boolean;
  now?: Date;
}

/** The facts the machine's guards need, read from the database. */
export async function proposalFacts(
  db: Executor,
  proposal: { id: number; group_id: number | null },
): Promise<ProposalFacts> {
  const [assessment, goals] = await Promise.all([
    getAssessment(db, proposal.id),
    linkedGoalIds(db, proposal.id),
  ]);
  return factsFrom(proposal, assessment, goals.length);
}

/** The same facts from an assessment and a count of linked goals already read (the proposal page reads both). */
export function factsFrom(
  proposal: { group_id: number | null },
  assessment: Parameters<typeof isAssessmentComplete>[0],
  subGoalCount: number,
): ProposalFacts {
  return {
    groupId: proposal.group_id,
    assessmentComplete: isAssessmentComplete(assessment),
    subGoalCount,
  };
}

/**
 * Applies one process event to a proposal: the machine decides, and the new state, the bumped
 * version and the history row are written together. Inside a caller's transaction when given
 * one (a meeting's decision), otherwise in its own.
 */
export async function applyProposalEvent(db: Executor, input: ApplyInput): Promise<ApplyResult> {
  const parsed = payloadSchema(input.type).safeParse(input.payload);
  if (!parsed.success) {
    const { formErrors, fieldErrors } = z.flattenError(parsed.error as z.ZodError);
    return refusal(400, formErrors.join(" "), fieldErrors as Record<string, string[]>);
  }
  const payload = parsed.data as { reason?: string; groupId?: number; targetId?: number };

  return runCommand(db, async (trx) => {
    // The proposal, its assessment and its sub-goal count in one read (the events' hot path).
    const found = await proposalForEvent(trx, input.proposalId, payload.groupId);
    const proposal = found?.proposal;
    if (!proposal || (proposal.state === "draft" && proposal.author_id !== input.user.id)) return refuse(404);
    if (!isProposalState(proposal.state)) return refuse(409, E.conflict);

    // Who may act is answered first (403), then whether the page was stale (409), then the payload (400).
    const facts: ProposalFacts = {
      groupId: proposal.group_id,
      assessmentComplete: isAssessmentComplete(found.assessment),
      subGoalCount: found.subGoalCount,
    };
    const actor = proposalActor(input.user, proposal, input.meeting ?? null);
    if (!eventsInState(proposal.state).includes(input.type)) refuse(409, E.conflict);
    // One snapshot of the machine answers both "may this actor" and "what happens".
    const snapshot = snapshotAt(proposal.state, facts);
    const allowed = availableEvent(proposal.state, facts, actor, input.type, snapshot);
    if (!allowed) return refuse(403);
    if (proposal.version !== input.expectedVersion) refuse(409, E.conflict);
    if (allowed.blocked) refuseField("", E.blocked);
    if (eventSpecs[input.type].page && !input.fromOwnForm) refuseField("", E.ownForm);

    if (payload.groupId !== undefined) {
      const group = found.group;
      const today = osloToday(input.now);
      if (!group || group.kind !== "group" || (group.valid_to !== null && group.valid_to <= today)) {
        refuseField("groupId", E.groupUnknown);
      }
    }
    if (payload.targetId !== undefined) {
      const target = await getProposal(trx, payload.targetId);
      if (
        !target ||
        target.id === proposal.id ||
        target.state === "draft" ||
        target.merged_into_id !== null
      ) {
        refuseField("targetId", E.mergeTargetUnknown);
      }
    }

    const decision = decide(proposal.state, facts, { type: input.type, actor, ...payload }, snapshot);
    if (!decision.ok) return refuseField("", E.notPossible);

    const at = (input.now ?? new Date()).toISOString();
    const moved = await moveProposal(trx, {
      id: proposal.id,
      expectedVersion: input.expectedVersion,
      to: decision.to,
      at,
      groupId: decision.facts.groupId !== proposal.group_id ? decision.facts.groupId : undefined,
      mergedIntoId: input.type === "MERGE" ? (payload.targetId ?? null) : undefined,
      submitted: input.type === "SUBMIT",
      decided: isDecision(decision.to),
    });
    if (!moved) refuse(409, E.conflict);
    await appendHistory(trx, {
      proposalId: proposal.id,
      from: proposal.state,
      to: decision.to,
      event: input.type,
      actorId: input.user.id,
      at,
      reason: payload.reason ?? null,
      groupId: decision.facts.groupId,
      protocolItemId: input.meeting?.protocolItemId ?? null,
    });
    // In the same transaction: a refused or failed event tells nobody anything.
    await notify(
      trx,
      {
        type: "proposalEvent",
        proposalId: proposal.id,
        event: input.type,
        from: proposal.state,
        to: decision.to,
        actorId: input.user.id,
        reason: payload.reason ?? null,
        // As this transaction left it: the notifications need not read it again.
        proposal: { title: proposal.title, authorId: proposal.author_id, groupId: decision.facts.groupId },
      },
      input.now,
    );
    return { from: proposal.state, to: decision.to };
  });
}
