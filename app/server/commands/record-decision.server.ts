import type { Executor } from "#db/connection";
import {
  attendanceOfMeeting,
  conflictsOfMeeting,
  getDecision,
  getItem,
  insertDecision,
} from "#db/repositories/meeting.repository";
import { listMembershipsOfBody } from "#db/repositories/organisation.repository";
import { getProposal } from "#db/repositories/proposal.repository";
import { awaitedState, outcomeSpec } from "#workflows/meeting.outcomes";
import type { ProposalEventType } from "#workflows/proposal.machine";
import {
  bodyMembers,
  isUnanimous,
  unanimousVotes,
  voteProblems,
  voteResult,
  votersForCase,
  type CastVote,
  type VoteProblem,
} from "#workflows/vote";
import { meetingTexts } from "~/domain/texts/meetings";
import { recordTexts } from "~/domain/texts/records";
import type { CurrentUser } from "../auth.server";
import { applyProposalEvent } from "./apply-proposal-event.server";
import { openMeeting, runMeetingCommand } from "./meeting-command.server";
import { orRefuse, refuse, refuseField, type CommandResult } from "./result.server";

const E = meetingTexts.errors;

export interface RecordDecisionInput {
  user: CurrentUser;
  meetingId: number;
  expectedVersion: number;
  itemId: number;
  outcome: string;
  /** Vedtak. For a proposal case it is also the reason kept in the proposal's history. */
  text: string;
  motions?: string;
  /** A vote per member, or "unanimous": every member entitled to vote on the case votes for. */
  votes: CastVote[] | "unanimous";
  /** The proposal's version as the user saw it (proposal cases). */
  proposalVersion?: number;
  now?: Date;
  /**
   * The proposal process: by default the stored proposal and the command every route uses; the
   * demo seed, whose replay has moved its proposals through the machine already, passes one that
   * only confirms.
   */
  proposalProcess?: ProposalProcess;
  /** Runs between the protocol entry and the proposal transition; a failure there must undo both. */
  afterProtocolEntry?: (trx: Executor) => Promise<void>;
}

/** What a decision on a proposal case asks of the proposal: move it by the event, in the given transaction. */
export interface ProposalMoveRequest {
  proposalId: number;
  proposalVersion: number | undefined;
  event: ProposalEventType;
  reason: string;
  body: { kind: "committee" | "board"; name: string };
  protocolItemId: number;
  user: CurrentUser;
  now?: Date;
}

/** What a meeting asks of the proposal process. */
export interface ProposalProcess {
  /** Whether the proposal still waits for this kind of body's decision. */
  waits(trx: Executor, proposalId: number, bodyKind: "committee" | "board"): Promise<boolean>;
  /** Moves the proposal by the decision's event, in the given transaction. */
  move(trx: Executor, request: ProposalMoveRequest): Promise<CommandResult>;
}

/**
 * The proposal transition of a decision: only for a proposal waiting for this body, at the
 * version the members saw, through `applyProposalEvent` with the protocol item.
 */
const storedProcess: ProposalProcess = {
  waits: async (trx, proposalId, bodyKind) =>
    (await getProposal(trx, proposalId))?.state === awaitedState(bodyKind),
  move: (trx, request) => moveByProcess(trx, request),
};

async function moveByProcess(trx: Executor, request: ProposalMoveRequest): Promise<CommandResult> {
  const proposal = await getProposal(trx, request.proposalId);
  if (!proposal || proposal.state !== awaitedState(request.body.kind))
    return refuse(409, E.proposalNotWaiting(request.body.name));
  if (request.proposalVersion === undefined) return refuse(409, E.proposalConflict);
  const moved = await applyProposalEvent(trx, {
    proposalId: proposal.id,
    expectedVersion: request.proposalVersion,
    user: request.user,
    type: request.event,
    payload: { reason: request.reason },
    meeting: { body: request.body.kind, protocolItemId: request.protocolItemId },
    now: request.now,
  });
  if (moved.ok) return { ok: true };
  if (moved.status === 400)
    return refuse(400, "", {
      text: [moved.message, ...Object.values(moved.fieldErrors).flat()].filter(Boolean),
    });
  if (moved.status === 409) return refuse(409, E.proposalConflict);
  return refuse(moved.status, E.forbidden);
}

function problemMessage(problem: VoteProblem, name: (id: number) => string): string {
  switch (problem.kind) {
    case "notEntitled":
      return E.notEntitled(name(problem.userId));
    case "conflicted":
      return E.conflicted(name(problem.userId));
    case "duplicate":
      return E.duplicate(name(problem.userId));
    case "tooMany":
      return E.tooMany(problem.cast, problem.entitled);
    case "noQuorum":
      return E.noQuorum;
  }
}

/**
 * Records the decision on a case: outcome, decision text, other motions and the votes, checked
 * against attendance, conflicts of interest, weights and quorum. On a proposal case it applies
 * the proposal event (committee or board decision) in the same transaction, with this protocol
 * item: the protocol entry and the proposal's move happen both or not at all.
 */
export function recordDecision(db: Executor, input: RecordDecisionInput): Promise<CommandResult> {
  return runMeetingCommand(db, async (trx) => {
    const opened = await openMeeting(trx, input, { type: "RECORD_DECISION" });
    const { ctx } = opened;
    const item = await getItem(trx, input.itemId);
    if (!item || item.meeting_id !== ctx.meeting.id) return refuseField("itemId", E.caseUnknown);
    if (await getDecision(trx, item.id)) refuse(409, E.alreadyDecided);
    const process = input.proposalProcess ?? storedProcess;
    const bodyKind = ctx.body.kind;
    // A proposal that has left this body's review (withdrawn, say) is decided as any other case.
    const asProposal =
      item.proposal_id !== null &&
      (bodyKind === "committee" || bodyKind === "board") &&
      (await process.waits(trx, item.proposal_id, bodyKind));
    const spec = outcomeSpec(bodyKind, asProposal ? "proposal" : "other", input.outcome);
    if (!spec) return refuseField("outcome", E.outcomeWrongBody(ctx.body.name));

    const [memberships, attendance, conflicts] = await Promise.all([
      listMembershipsOfBody(trx, ctx.meeting.body_id, { on: ctx.date }),
      attendanceOfMeeting(trx, ctx.meeting.id),
      conflictsOfMeeting(trx, ctx.meeting.id),
    ]);
    const members = bodyMembers(
      memberships.map((m) => ({ userId: m.user_id, role: m.role, voteWeight: m.vote_weight })),
    );
    const conflicted = conflicts.filter((c) => c.protocol_item_id === item.id).map((c) => c.user_id);
    const voters = votersForCase(
      members,
      attendance.map((a) => ({ userId: a.user_id, status: a.status, substituteForId: a.substitute_for_id })),
      conflicted,
    );
    const votes = input.votes === "unanimous" ? unanimousVotes(voters) : input.votes;
    if (asProposal && votes.length === 0) refuseField("votes", E.votesRequired);
    const names = new Map<number, string>([
      ...memberships.map((m) => [m.user_id, m.user_name] as const),
      ...attendance.map((a) => [a.user_id, a.user_name] as const),
    ]);
    const problems = voteProblems(votes, voters, conflicted, members);
    if (problems.length > 0)
      refuse(400, "", {
        votes: problems.map((p) => problemMessage(p, (id) => names.get(id) ?? `#${id}`)),
      });
    const result = votes.length > 0 ? voteResult(votes, voters) : null;
    if (result === "notAdopted") refuseField("votes", E.notAdopted);

    const weight = new Map(voters.map((v) => [v.userId, v.weight]));
    const at = (input.now ?? new Date()).toISOString();
    await insertDecision(trx, {
      itemId: item.id,
      outcome: input.outcome,
      text: input.text,
      motions: input.motions ?? "",
      voteResult: result,
      unanimous: isUnanimous(votes, voters),
      recordedBy: input.user.id,
      recordedAt: at,
      votes: votes.map((v) => ({ ...v, weight: weight.get(v.userId) ?? 0 })),
    });
    await input.afterProtocolEntry?.(trx);

    if (
      asProposal &&
      item.proposal_id !== null &&
      spec.event &&
      (bodyKind === "committee" || bodyKind === "board")
    ) {
      orRefuse(
        await process.move(trx, {
          proposalId: item.proposal_id,
          proposalVersion: input.proposalVersion,
          event: spec.event,
          // The history is read by every employee: an exempt decision's text stays in the protocol.
          reason: item.exempt === 1 ? recordTexts.exempt.marker(item.exempt_basis ?? "") : input.text,
          body: { kind: bodyKind, name: ctx.body.name },
          protocolItemId: item.id,
          user: input.user,
          now: input.now,
        }),
      );
    }
    return {};
  });
}
