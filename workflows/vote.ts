/**
 * The rules of a vote in a meeting (votering): who may vote on a case, with which weight,
 * the tally and the result. Pure. Weights are data (a membership's vote weight, e.g. one per
 * municipality in the committee); this module only applies them.
 */

export type VoteChoice = "for" | "against" | "abstain";

/** A member of the body on the meeting day. */
export interface BodyMember {
  userId: number;
  /** 0 means the member takes part without a vote (the secretary, the committee's chair). */
  voteWeight: number;
  isChair: boolean;
}

export interface AttendanceEntry {
  userId: number;
  status: "present" | "absent" | "substitute";
  /** For a substitute: the member they stand in for. */
  substituteForId: number | null;
}

/** Someone entitled to vote on a case, with the weight their vote carries. */
export interface Voter {
  userId: number;
  weight: number;
  /** The chair's vote decides a tie (kommuneloven § 11-9). */
  isChair: boolean;
}

export interface CastVote {
  userId: number;
  choice: VoteChoice;
}

/**
 * Who may vote on a case: members with a vote weight who are present, and substitutes standing
 * in for such a member who is not present (with that member's weight); minus anyone who has
 * declared a conflict of interest in the case and left.
 */
export function votersForCase(
  members: readonly BodyMember[],
  attendance: readonly AttendanceEntry[],
  conflictedUserIds: readonly number[],
): Voter[] {
  const byUser = new Map(members.map((m) => [m.userId, m]));
  const present = new Set(attendance.filter((a) => a.status === "present").map((a) => a.userId));
  const conflicted = new Set(conflictedUserIds);
  const voters: Voter[] = [];
  for (const entry of attendance) {
    if (conflicted.has(entry.userId)) continue;
    if (entry.status === "present") {
      const member = byUser.get(entry.userId);
      if (member && member.voteWeight > 0)
        voters.push({ userId: entry.userId, weight: member.voteWeight, isChair: member.isChair });
    } else if (entry.status === "substitute" && entry.substituteForId !== null) {
      const member = byUser.get(entry.substituteForId);
      if (member && member.voteWeight > 0 && !present.has(member.userId))
        voters.push({ userId: entry.userId, weight: member.voteWeight, isChair: false });
    }
  }
  return voters;
}

/** Members with a vote: the denominator of the quorum. */
export function votingMemberCount(members: readonly BodyMember[]): number {
  return members.filter((m) => m.voteWeight > 0).length;
}

/**
 * Quorum (vedtaksførhet): at least half of the members with a vote are present and entitled
 * to vote on the case (kommuneloven § 11-9).
 */
export function isQuorate(voters: readonly Voter[], members: readonly BodyMember[]): boolean {
  const total = votingMemberCount(members);
  return total > 0 && voters.length * 2 >= total;
}

export type VoteProblem =
  | { kind: "notEntitled"; userId: number }
  | { kind: "conflicted"; userId: number }
  | { kind: "duplicate"; userId: number }
  | { kind: "tooMany"; cast: number; entitled: number }
  | { kind: "noQuorum" };

/**
 * Everything wrong with a set of votes on a case: a vote from someone absent or without a vote,
 * from someone conflicted, two votes from one person, more votes than people entitled, or no
 * quorum. Empty when the votes may be recorded.
 */
export function voteProblems(
  votes: readonly CastVote[],
  voters: readonly Voter[],
  conflictedUserIds: readonly number[],
  members: readonly BodyMember[],
): VoteProblem[] {
  const problems: VoteProblem[] = [];
  if (votes.length > voters.length)
    problems.push({ kind: "tooMany", cast: votes.length, entitled: voters.length });
  const entitled = new Set(voters.map((v) => v.userId));
  const conflicted = new Set(conflictedUserIds);
  const seen = new Set<number>();
  for (const vote of votes) {
    if (seen.has(vote.userId)) problems.push({ kind: "duplicate", userId: vote.userId });
    seen.add(vote.userId);
    if (conflicted.has(vote.userId)) problems.push({ kind: "conflicted", userId: vote.userId });
    else if (!entitled.has(vote.userId)) problems.push({ kind: "notEntitled", userId: vote.userId });
  }
  if (!isQuorate(voters, members)) problems.push({ kind: "noQuorum" });
  return problems;
}

export interface Tally {
  /** Weighted sums. */
  for: number;
  against: number;
  abstain: number;
  /** Heads. */
  count: { for: number; against: number; abstain: number };
}

/** The weighted tally of the votes cast; a vote counts with its voter's weight. */
export function tally(votes: readonly CastVote[], voters: readonly Voter[]): Tally {
  const weight = new Map(voters.map((v) => [v.userId, v.weight]));
  const result: Tally = { for: 0, against: 0, abstain: 0, count: { for: 0, against: 0, abstain: 0 } };
  for (const vote of votes) {
    result[vote.choice] += weight.get(vote.userId) ?? 0;
    result.count[vote.choice] += 1;
  }
  return result;
}

export type VoteResult = "adopted" | "notAdopted";

/**
 * Adopted when the weighted votes for outnumber those against (abstentions are not counted,
 * kommuneloven § 11-9); on a tie the chair's vote decides; nothing for and nothing against
 * adopts nothing.
 */
export function voteResult(votes: readonly CastVote[], voters: readonly Voter[]): VoteResult {
  const t = tally(votes, voters);
  if (t.for > t.against) return "adopted";
  if (t.for < t.against || t.for === 0) return "notAdopted";
  const chair = voters.find((v) => v.isChair);
  const chairVote = chair ? votes.find((v) => v.userId === chair.userId) : undefined;
  return chairVote?.choice === "for" ? "adopted" : "notAdopted";
}

/** "Enstemmig": every voter entitled on the case votes for. */
export function unanimousVotes(voters: readonly Voter[]): CastVote[] {
  return voters.map((v) => ({ userId: v.userId, choice: "for" }));
}

/** True when every voter entitled on the case voted for. */
export function isUnanimous(votes: readonly CastVote[], voters: readonly Voter[]): boolean {
  return (
    voters.length > 0 &&
    voters.every((v) => votes.some((vote) => vote.userId === v.userId && vote.choice === "for"))
  );
}

/**
 * The members of a body as voters, from its memberships on the meeting day. Where the body
 * gives no vote weights (a specialist group), each member but the secretary has one vote; the
 * chair (or a group's leader) breaks a tie.
 */
export function bodyMembers(
  memberships: readonly { userId: number; role: string; voteWeight: number }[],
): BodyMember[] {
  const weighted = memberships.some((m) => m.voteWeight > 0);
  const seen = new Set<number>();
  const members: BodyMember[] = [];
  for (const m of memberships) {
    if (seen.has(m.userId)) continue;
    seen.add(m.userId);
    members.push({
      userId: m.userId,
      voteWeight: weighted ? m.voteWeight : m.role === "secretary" ? 0 : 1,
      isChair: m.role === "chair" || (!weighted && m.role === "leader"),
    });
  }
  return members;
}
