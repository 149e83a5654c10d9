import { proposalActor } from "#workflows/policy";
import type { Executor } from "#db/connection";
import { getBody } from "#db/repositories/organisation.repository";
import { getProposal } from "#db/repositories/proposal.repository";
import {
  appendHistory,
  getAssessment,
  linkedGoalIds,
  moveProposal,
} from "#db/repositories/process.repository";
import { isAssessmentComplete } from "#workflows/assessment";
import { eventSpecs, payloadSchema } from "#workflows/proposal.events";
import {
  availableEvent,
  decide,
  eventsInState,
  isDecision,
  isProposalState,
  type ProposalEventType,
  type ProposalFacts,
  type ProposalState,
} from "#workflows/proposal.machine";
import type { CurrentUser } from "../auth.server";

export type ApplyResult =
  | { ok: true; from: ProposalState; to: ProposalState }
  | { ok: false; status: 400; fieldErrors: Record<string, string[]> }
  | { ok: false; status: 403 | 404 | 409; message?: string };

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
  return {
    groupId: proposal.group_id,
    assessmentComplete: isAssessmentComplete(assessment),
    subGoalCount: goals.length,
  };
}

/** Allowed for the user, but the proposal is not ready (only RECOMMEND has such conditions). */
const blockedMessage = "Fullfør vurderingen og koble innspillet til minst ett delmål i strategien først.";

/** START and COMPLETE record a project lead, dates and results: only their own forms may send them. */
const ownFormMessage = "Bruk skjemaet for dette steget, det trenger flere opplysninger.";

const fieldError = (field: string, message: string): ApplyResult => ({
  ok: false,
  status: 400,
  fieldErrors: { [field]: [message] },
});

/**
 * Applies one process event to a proposal: the machine decides, and the new state, the bumped
 * version and the history row are written together. Inside a caller's transaction when given
 * one (a meeting's decision), otherwise in its own.
 */
export async function applyProposalEvent(db: Executor, input: ApplyInput): Promise<ApplyResult> {
  const parsed = payloadSchema(input.type).safeParse(input.payload);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return { ok: false, status: 400, fieldErrors };
  }
  const payload = parsed.data as { reason?: string; groupId?: number; targetId?: number };

  const run = async (trx: Executor): Promise<ApplyResult> => {
    const proposal = await getProposal(trx, input.proposalId);
    if (!proposal || (proposal.state === "draft" && proposal.author_id !== input.user.id))
      return { ok: false, status: 404 };
    if (!isProposalState(proposal.state)) return { ok: false, status: 409 };

    // Who may act is answered first (403), then whether the page was stale (409), then the payload (400).
    const facts = await proposalFacts(trx, proposal);
    const actor = proposalActor(input.user, proposal, input.meeting ?? null);
    if (!eventsInState(proposal.state).includes(input.type)) return { ok: false, status: 409 };
    const allowed = availableEvent(proposal.state, facts, actor, input.type);
    if (!allowed) return { ok: false, status: 403 };
    if (proposal.version !== input.expectedVersion) return { ok: false, status: 409 };
    if (allowed.blocked) return fieldError("", blockedMessage);
    if (eventSpecs[input.type].page && !input.fromOwnForm) return fieldError("", ownFormMessage);

    if (payload.groupId !== undefined) {
      const group = await getBody(trx, payload.groupId);
      const today = (input.now ?? new Date()).toISOString().slice(0, 10);
      if (!group || group.kind !== "group" || (group.valid_to !== null && group.valid_to <= today)) {
        return fieldError("groupId", "Velg en faggruppe fra listen.");
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
        return fieldError(
          "targetId",
          "Det finnes ikke noe innsendt innspill med det nummeret å slå sammen med.",
        );
      }
    }

    const decision = decide(proposal.state, facts, { type: input.type, actor, ...payload });
    if (!decision.ok) return fieldError("", "Steget kan ikke tas med disse opplysningene.");

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
    if (!moved) return { ok: false, status: 409 };
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
    return { ok: true, from: proposal.state, to: decision.to };
  };

  if (db.isTransaction) return run(db);
  // A refusal inside the transaction must roll back too: throw it out, catch it here.
  try {
    return await db.transaction().execute(async (trx) => {
      const result = await run(trx);
      if (!result.ok) throw new RefusedEvent(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RefusedEvent) return error.result;
    throw error;
  }
}

class RefusedEvent extends Error {
  constructor(readonly result: ApplyResult) {
    super("refused");
  }
}
