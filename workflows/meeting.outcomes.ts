import type { ProposalEventType, ProposalState } from "./proposal.machine";

/**
 * What a body may decide on a case in a meeting, and which proposal event each decision on a
 * proposal case sends. The committee and the board decide proposals only here; the process
 * machine refuses those events without a meeting. Pure.
 */

export type MeetingBodyKind = "group" | "committee" | "board";
export type CaseKind = "proposal" | "other";

export type CaseOutcome = "recommend" | "approve" | "return" | "defer" | "reject" | "decided" | "noted";

export interface OutcomeSpec {
  /** The proposal event this outcome sends, for a proposal case. */
  event?: ProposalEventType;
  /** The decision text is the reason the proposal's history keeps (required by the event). */
  needsReason?: boolean;
}

/*
 * The outcomes, by the table a body and case kind decide from. Their words are in
 * app/domain/texts/meetings.ts (`outcomeLabel`), keyed by table and outcome.
 */
const committeeProposal = {
  recommend: { event: "COMMITTEE_RECOMMEND" },
  approve: { event: "COMMITTEE_APPROVE" },
  return: { event: "COMMITTEE_RETURN", needsReason: true },
  defer: { event: "COMMITTEE_DEFER" },
  reject: { event: "COMMITTEE_REJECT", needsReason: true },
} as const satisfies Partial<Record<CaseOutcome, OutcomeSpec>>;

const boardProposal = {
  approve: { event: "BOARD_APPROVE" },
  reject: { event: "BOARD_REJECT", needsReason: true },
  return: { event: "BOARD_RETURN", needsReason: true },
  defer: { event: "BOARD_DEFER" },
} as const satisfies Partial<Record<CaseOutcome, OutcomeSpec>>;

const otherCase = {
  decided: {},
  noted: {},
  defer: {},
} as const satisfies Partial<Record<CaseOutcome, OutcomeSpec>>;

const outcomeTables = { committeeProposal, boardProposal, otherCase };

/** Which outcomes a body decides a case from: a committee's or the board's on proposals, or those of any other case. */
export type OutcomeTable = keyof typeof outcomeTables;

/** The outcomes of each table, for texts that must name every one of them. */
export type OutcomesOf<T extends OutcomeTable> = keyof (typeof outcomeTables)[T];

/** The table a body decides a kind of case from; null for a group's proposal cases (it decides none in a meeting). */
export function outcomeTable(bodyKind: MeetingBodyKind, caseKind: CaseKind): OutcomeTable | null {
  if (caseKind === "other") return "otherCase";
  if (bodyKind === "committee") return "committeeProposal";
  if (bodyKind === "board") return "boardProposal";
  return null;
}

function table(bodyKind: MeetingBodyKind, caseKind: CaseKind): Partial<Record<CaseOutcome, OutcomeSpec>> {
  const name = outcomeTable(bodyKind, caseKind);
  return name ? outcomeTables[name] : {};
}

/** The outcomes a body may record on a case of a kind (a group decides no proposal case in a meeting). */
export function outcomesFor(bodyKind: MeetingBodyKind, caseKind: CaseKind): CaseOutcome[] {
  return Object.keys(table(bodyKind, caseKind)) as CaseOutcome[];
}

/** The spec of an outcome for a body and case kind, or undefined when that body cannot decide it. */
export function outcomeSpec(
  bodyKind: MeetingBodyKind,
  caseKind: CaseKind,
  outcome: string,
): OutcomeSpec | undefined {
  return (table(bodyKind, caseKind) as Record<string, OutcomeSpec | undefined>)[outcome];
}

/** The proposal event a decision on a proposal case sends. */
export function proposalEventFor(bodyKind: MeetingBodyKind, outcome: CaseOutcome): ProposalEventType | null {
  return outcomeSpec(bodyKind, "proposal", outcome)?.event ?? null;
}

/** The proposal state in which a proposal waits for this body's meeting; null for bodies that decide none. */
export function awaitedState(bodyKind: MeetingBodyKind): ProposalState | null {
  if (bodyKind === "committee") return "committeeReview";
  if (bodyKind === "board") return "boardReview";
  return null;
}

/** Whether a body takes proposal cases in its meetings. */
export function takesProposalCases(bodyKind: MeetingBodyKind): boolean {
  return awaitedState(bodyKind) !== null;
}

/** A deferred case comes back in a later meeting with a new number. */
export function isDeferral(outcome: string): boolean {
  return outcome === "defer";
}

/**
 * How a case is decided: a proposal case as a proposal only while the proposal waits for this
 * body; once it has left (withdrawn by its submitter, say), the body can only take note of it or
 * decide it as any other case, so the meeting can still close its protocol.
 */
export function decisionKind(
  bodyKind: MeetingBodyKind,
  caseKind: CaseKind,
  proposalState: string | null,
): CaseKind {
  if (caseKind === "other") return "other";
  return proposalState !== null && proposalState === awaitedState(bodyKind) ? "proposal" : "other";
}
