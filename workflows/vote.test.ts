import { describe, expect, it } from "vitest";
import {
  bodyMembers,
  isQuorate,
  isUnanimous,
  tally,
  unanimousVotes,
  voteProblems,
  voteResult,
  votersForCase,
  type AttendanceEntry,
  type BodyMember,
  type CastVote,
} from "./vote";

// A committee as in 2021: the chair (no vote) and one orderer per municipality, weights per municipality.
const chair = 1;
const [aukra, molde, rauma, vestnes] = [11, 12, 13, 14];
const substitute = 21;
const committee: BodyMember[] = [
  { userId: chair, voteWeight: 0, isChair: true },
  { userId: aukra, voteWeight: 1, isChair: false },
  { userId: molde, voteWeight: 2, isChair: false },
  { userId: rauma, voteWeight: 1, isChair: false },
  { userId: vestnes, voteWeight: 1, isChair: false },
];
const allPresent: AttendanceEntry[] = committee.map((m) => ({
  userId: m.userId,
  status: "present",
  substituteForId: null,
}));
const votes = (entries: [number, CastVote["choice"]][]): CastVote[] =>
  entries.map(([userId, choice]) => ({ userId, choice }));

describe("who may vote", () => {
  it("is every present member with a weight; the chair without a weight does not vote", () => {
    expect(votersForCase(committee, allPresent, []).map((v) => [v.userId, v.weight])).toEqual([
      [aukra, 1],
      [molde, 2],
      [rauma, 1],
      [vestnes, 1],
    ]);
  });

  it("leaves out the absent and the conflicted; a substitute votes with the weight of the member replaced", () => {
    const attendance: AttendanceEntry[] = [
      ...allPresent.filter((a) => a.userId !== molde),
      { userId: molde, status: "absent", substituteForId: null },
      { userId: substitute, status: "substitute", substituteForId: molde },
    ];
    const voters = votersForCase(committee, attendance, [rauma]);
    expect(voters.map((v) => [v.userId, v.weight]).sort((a, b) => a[0]! - b[0]!)).toEqual([
      [aukra, 1],
      [vestnes, 1],
      [substitute, 2],
    ]);
  });
});

describe("the tally and the result", () => {
  it("counts each vote with its weight: one heavy vote outweighs two light ones", () => {
    const voters = votersForCase(committee, allPresent, []);
    const cast = votes([
      [aukra, "against"],
      [molde, "for"],
      [rauma, "abstain"],
      [vestnes, "against"],
    ]);
    const t = tally(cast, voters);
    expect(t).toEqual({ for: 2, against: 2, abstain: 1, count: { for: 1, against: 2, abstain: 1 } });
    // A tie with the chair not voting: not adopted.
    expect(voteResult(cast, voters)).toBe("notAdopted");
  });

  it("changes with absence: the heavy member absent, the same votes of the rest reject", () => {
    const attendance = allPresent.map((a) => (a.userId === molde ? { ...a, status: "absent" as const } : a));
    const voters = votersForCase(committee, attendance, []);
    const cast = votes([
      [aukra, "for"],
      [rauma, "against"],
      [vestnes, "against"],
    ]);
    expect(tally(cast, voters).for).toBe(1);
    expect(voteResult(cast, voters)).toBe("notAdopted");
    const withMolde = votersForCase(committee, allPresent, []);
    expect(voteResult([...cast, { userId: molde, choice: "for" }], withMolde)).toBe("adopted");
  });

  it("changes with a conflict: the conflicted member's vote is refused and the result follows the rest", () => {
    const voters = votersForCase(committee, allPresent, [molde]);
    const cast = votes([
      [aukra, "for"],
      [molde, "for"],
      [rauma, "against"],
      [vestnes, "against"],
    ]);
    expect(voteProblems(cast, voters, [molde], committee)).toContainEqual({
      kind: "conflicted",
      userId: molde,
    });
    const without = cast.filter((v) => v.userId !== molde);
    expect(voteProblems(without, voters, [molde], committee)).toEqual([]);
    expect(voteResult(without, voters)).toBe("notAdopted");
  });

  it("lets the chair's vote decide a tie on the board", () => {
    const board: BodyMember[] = [
      { userId: 1, voteWeight: 1, isChair: true },
      { userId: 2, voteWeight: 1, isChair: false },
      { userId: 3, voteWeight: 1, isChair: false },
      { userId: 4, voteWeight: 1, isChair: false },
    ];
    const present = board.map((m) => ({
      userId: m.userId,
      status: "present" as const,
      substituteForId: null,
    }));
    const voters = votersForCase(board, present, []);
    expect(
      voteResult(
        votes([
          [1, "for"],
          [2, "for"],
          [3, "against"],
          [4, "against"],
        ]),
        voters,
      ),
    ).toBe("adopted");
    expect(
      voteResult(
        votes([
          [1, "against"],
          [2, "for"],
          [3, "for"],
          [4, "against"],
        ]),
        voters,
      ),
    ).toBe("notAdopted");
  });

  it("adopts nothing when everybody abstains", () => {
    const voters = votersForCase(committee, allPresent, []);
    expect(voteResult(votes([[aukra, "abstain"]]), voters)).toBe("notAdopted");
  });
});

describe("refused votes", () => {
  const voters = votersForCase(
    committee,
    allPresent.map((a) => (a.userId === vestnes ? { ...a, status: "absent" as const } : a)),
    [],
  );

  it("refuses a vote by an absent member, a second vote by the same member, and more votes than voters", () => {
    expect(voteProblems(votes([[vestnes, "for"]]), voters, [], committee)).toEqual([
      { kind: "notEntitled", userId: vestnes },
    ]);
    expect(
      voteProblems(
        votes([
          [aukra, "for"],
          [aukra, "against"],
        ]),
        voters,
        [],
        committee,
      ),
    ).toEqual([{ kind: "duplicate", userId: aukra }]);
    const five = votes([
      [aukra, "for"],
      [molde, "for"],
      [rauma, "for"],
      [vestnes, "for"],
      [chair, "for"],
    ]);
    expect(voteProblems(five, voters, [], committee)).toContainEqual({
      kind: "tooMany",
      cast: 5,
      entitled: 3,
    });
  });

  it("needs half of the members with a vote for a quorum", () => {
    const two = votersForCase(
      committee,
      allPresent.filter((a) => [chair, aukra, molde].includes(a.userId)),
      [],
    );
    expect(isQuorate(two, committee)).toBe(true);
    const one = votersForCase(
      committee,
      allPresent.filter((a) => [chair, aukra].includes(a.userId)),
      [],
    );
    expect(isQuorate(one, committee)).toBe(false);
    expect(voteProblems(votes([[aukra, "for"]]), one, [], committee)).toEqual([{ kind: "noQuorum" }]);
  });
});

describe("unanimous", () => {
  it("is every voter for, and nothing less", () => {
    const voters = votersForCase(committee, allPresent, [rauma]);
    const all = unanimousVotes(voters);
    expect(all.map((v) => v.userId)).toEqual([aukra, molde, vestnes]);
    expect(isUnanimous(all, voters)).toBe(true);
    expect(isUnanimous(all.slice(1), voters)).toBe(false);
  });
});

describe("members from memberships", () => {
  it("gives each non-secretary one vote where the body has no weights, and the leader breaks ties", () => {
    const group = bodyMembers([
      { userId: 1, role: "leader", voteWeight: 0 },
      { userId: 2, role: "member", voteWeight: 0 },
      { userId: 3, role: "secretary", voteWeight: 0 },
    ]);
    expect(group).toEqual([
      { userId: 1, voteWeight: 1, isChair: true },
      { userId: 2, voteWeight: 1, isChair: false },
      { userId: 3, voteWeight: 0, isChair: false },
    ]);
  });

  it("keeps the weights where the body has them", () => {
    expect(
      bodyMembers([
        { userId: 1, role: "chair", voteWeight: 0 },
        { userId: 2, role: "member", voteWeight: 2 },
      ]),
    ).toEqual([
      { userId: 1, voteWeight: 0, isChair: true },
      { userId: 2, voteWeight: 2, isChair: false },
    ]);
  });
});
