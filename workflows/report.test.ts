import { mayEditReportText } from "./policy";
import { describe, expect, it } from "vitest";
import { proposalStates } from "./proposal.machine";
import {
  changesOf,
  groupActivity,
  organisationChanges,
  reportPeriod,
  servicesOf,
  type PeriodBody,
  type PeriodMembership,
} from "./report-organisation";
import {
  activityInYear,
  countByGroup,
  gapsOf,
  goalCoverage,
  goalCoverageCounts,
  isReportTextLocked,
  leadTimes,
  median,
  nextGoalNumber,
  renumberGoals,
  reportYear,
  stateGroupOf,
  strategyStanding,
  timeInStates,
  type HistoryStep,
} from "./report";

const step = (to: string, event: string, at: string, group: number | null = null): HistoryStep => ({
  from_state: null,
  to_state: to,
  event,
  at,
  group_id: group,
});

describe("state groups", () => {
  it("place every state of the machine except the draft", () => {
    for (const state of proposalStates) {
      if (state === "draft") expect(stateGroupOf(state)).toBeNull();
      else expect(stateGroupOf(state)).not.toBeNull();
    }
    expect(stateGroupOf("committeeReview")).toBe("underConsideration");
    expect(stateGroupOf("cancelled")).toBe("rejected");
    expect(stateGroupOf("nonsense")).toBeNull();
  });
});

describe("goal coverage", () => {
  const goals = [
    { id: 1, parentId: null, number: "1", title: "Hoved", description: "" },
    { id: 2, parentId: 1, number: "1.1", title: "Med innspill", description: "" },
    { id: 3, parentId: 1, number: "1.2", title: "Uten innspill", description: "" },
    { id: 4, parentId: 1, number: "1.10", title: "Bare gjennomført", description: "" },
  ];

  it("reports a sub-goal with no proposals as a gap, and orders numbers as numbers", () => {
    const coverage = goalCoverage(goals, [
      { goalId: 2, proposalId: 10, title: "A", state: "inProgress" },
      { goalId: 2, proposalId: 11, title: "B", state: "draft" },
      { goalId: 4, proposalId: 12, title: "C", state: "completed" },
      { goalId: 2, proposalId: 12, title: "C", state: "completed" },
    ]);
    const [main] = coverage;
    expect(main!.subGoals.map((s) => s.number)).toEqual(["1.1", "1.2", "1.10"]);
    const [withWork, empty, done] = main!.subGoals;
    expect(withWork!.gaps).toEqual([]);
    expect(withWork!.counts.inProgress).toBe(1);
    expect(withWork!.proposals.inProgress.map((p) => p.id)).toEqual([10]);
    expect(empty!.gaps).toEqual(["noneProposed", "noneUnderway"]);
    expect(done!.gaps).toEqual(["noneUnderway"]);
    // Distinct proposals per main goal: #12 is linked to two sub-goals but counted once.
    expect(main!.counts).toMatchObject({ inProgress: 1, completed: 1 });
  });

  it("from counts (the annual report's way) agrees with the coverage from links, without the lists", () => {
    const links = [
      { goalId: 2, proposalId: 10, title: "", state: "inProgress" },
      { goalId: 2, proposalId: 11, title: "", state: "draft" },
      { goalId: 4, proposalId: 12, title: "", state: "completed" },
      { goalId: 2, proposalId: 12, title: "", state: "completed" },
    ];
    // Per sub-goal: its links by state; per main goal: its distinct proposals by state.
    const perGoal = new Map([
      [
        2,
        new Map([
          ["inProgress", 1],
          ["draft", 1],
          ["completed", 1],
        ]),
      ],
      [4, new Map([["completed", 1]])],
    ]);
    const perMainGoal = new Map([
      [
        1,
        new Map([
          ["inProgress", 1],
          ["draft", 1],
          ["completed", 1],
        ]),
      ],
    ]);
    const fromLinks = goalCoverage(goals, links).map((main) => ({
      ...main,
      subGoals: main.subGoals.map(({ proposals: _lists, ...sub }) => sub),
    }));
    expect(goalCoverageCounts(goals, perGoal, perMainGoal)).toEqual(fromLinks);
  });

  it("does not count closed proposals as something proposed", () => {
    expect(gapsOf(countByGroup(["rejected", "withdrawn"]))).toEqual(["noneProposed", "noneUnderway"]);
    expect(gapsOf(countByGroup(["groupReview"]))).toEqual(["noneUnderway"]);
    expect(gapsOf(countByGroup(["approved"]))).toEqual([]);
  });
});

describe("goal numbering of a draft", () => {
  it("gives the next number and renumbers after a removal", () => {
    expect(nextGoalNumber([], null)).toBe("1");
    expect(nextGoalNumber(["1", "1.1", "2", "1.2"], null)).toBe("3");
    expect(nextGoalNumber(["1", "1.1", "2", "1.2"], "1")).toBe("1.3");
    expect(nextGoalNumber(["1", "2"], "2")).toBe("2.1");
    const rest = [
      { id: 1, parentId: null, number: "1" },
      { id: 3, parentId: null, number: "3" },
      { id: 4, parentId: 3, number: "3.2" },
      { id: 5, parentId: 1, number: "1.2" },
    ];
    expect(renumberGoals(rest)).toEqual([
      { id: 5, number: "1.1" },
      { id: 3, number: "2" },
      { id: 4, number: "2.1" },
    ]);
  });
});

describe("a year read from a history", () => {
  const history = [
    step("draft", "CREATE", "2020-12-01T09:00:00.000Z"),
    step("submitted", "SUBMIT", "2020-12-02T09:00:00.000Z"),
    step("groupReview", "ASSIGN", "2021-01-05T09:00:00.000Z", 7),
    step("committeeReview", "RECOMMEND", "2021-02-01T09:00:00.000Z", 7),
    step("approved", "COMMITTEE_APPROVE", "2021-03-01T09:00:00.000Z", 7),
    step("inProgress", "START", "2021-11-01T09:00:00.000Z", 7),
    step("completed", "COMPLETE", "2022-02-01T09:00:00.000Z", 7),
  ];

  it("knows what happened in the year and the state at its end", () => {
    const a = activityInYear({ submitted_at: "2020-12-02T09:00:00.000Z" }, history, 2021);
    expect(a).toMatchObject({
      received: false,
      decision: { to: "approved", at: "2021-03-01T09:00:00.000Z" },
      started: "2021-11-01T09:00:00.000Z",
      completed: null,
      stateAtEnd: "inProgress",
      groupAtEnd: 7,
    });
    expect(leadTimes([{ submitted_at: "2020-12-02T09:00:00.000Z", activity: a }])).toEqual([89]);
    const next = activityInYear({ submitted_at: "2020-12-02T09:00:00.000Z" }, history, 2022);
    expect(next).toMatchObject({ decision: null, started: null, stateAtEnd: "completed" });
    expect(next.completed).toBe("2022-02-01T09:00:00.000Z");
  });

  it("takes the median of an odd and an even count", () => {
    expect(median([])).toBeNull();
    expect(median([72, 23, 59])).toBe(59);
    expect(median([72, 23, 59, 18])).toBe(41);
  });

  it("measures the time spent in each open state, up to now for the current one", () => {
    const spans = timeInStates([history.slice(0, 4)], ["completed", "rejected"], "2021-02-11T09:00:00.000Z");
    expect(spans.draft).toBeUndefined();
    expect(spans.submitted).toEqual([34]);
    expect(spans.groupReview).toEqual([27]);
    expect(spans.committeeReview).toEqual([10]);
  });
});

describe("report texts", () => {
  it("may be edited by the coordinator or the group's leader once work has started", () => {
    expect(mayEditReportText({ isCoordinator: true, groupRole: null }, { state: "inProgress" })).toBe(true);
    expect(mayEditReportText({ isCoordinator: false, groupRole: "leader" }, { state: "completed" })).toBe(
      true,
    );
    expect(mayEditReportText({ isCoordinator: false, groupRole: "member" }, { state: "completed" })).toBe(
      false,
    );
    expect(mayEditReportText({ isCoordinator: true, groupRole: null }, { state: "approved" })).toBe(false);
  });

  it("are locked when the report of the year the work was completed is final", () => {
    expect(isReportTextLocked({ completed_on: "2021-06-01" }, [2021])).toBe(true);
    expect(isReportTextLocked({ completed_on: "2022-01-10" }, [2021])).toBe(false);
    expect(isReportTextLocked({ completed_on: null }, [2021, 2022])).toBe(false);
  });
});

describe("report years", () => {
  const today = new Date("2026-11-26T12:00:00Z");
  it("are four-digit years up to the running one; anything else is not found", () => {
    expect(reportYear("2021", today)).toBe(2021);
    expect(reportYear("2026", today)).toBe(2026);
    expect(reportYear("2027", today)).toBeNull();
    expect(reportYear("abc", today)).toBeNull();
    expect(reportYear("2021.5", today)).toBeNull();
    expect(reportYear("0999", today)).toBeNull();
    expect(reportYear(undefined, today)).toBeNull();
  });
});

describe("strategy periods", () => {
  it("are over after their last year, so an expired strategy is not the one in force", () => {
    const s = { period_from: 2022, period_to: 2025 };
    expect(strategyStanding(s, 2021)).toBe("future");
    expect(strategyStanding(s, 2022)).toBe("current");
    expect(strategyStanding(s, 2025)).toBe("current");
    expect(strategyStanding(s, 2026)).toBe("expired");
  });
});

describe("the organisation through a report's year", () => {
  const board: PeriodBody = { id: 1, kind: "board", name: "Styret", validFrom: "2019-01-01", validTo: null };
  const seat = (
    person: string,
    role: string,
    municipality: string | null,
    validFrom: string,
    validTo: string | null = null,
    bodyId = 1,
  ): PeriodMembership => ({ bodyId, role, person, municipality, validFrom, validTo });
  const seats = [
    seat("Ny leder", "chair", "Molde", "2021-08-09"),
    seat("Gammel leder", "chair", "Molde", "2019-01-01", "2021-07-01"),
    seat("Ny Aukra", "member", "Aukra", "2021-09-01"),
    seat("Gammel Aukra", "member", "Aukra", "2019-01-01", "2021-07-01"),
    seat("Rauma", "member", "Rauma", "2019-01-01"),
    seat("Sekretær", "secretary", null, "2019-01-01"),
    seat("Sluttet før", "member", "Vestnes", "2019-01-01", "2021-01-01"),
    seat("Kommer senere", "member", "Vestnes", "2022-01-01"),
  ];

  it("lists the members by role and municipality, with the days part-year seats began or ended", () => {
    const services = servicesOf(board, seats, reportPeriod(2021, "2026-11-30"));
    expect(services.map((s) => [s.person, s.from, s.until])).toEqual([
      ["Gammel leder", null, "2021-06-30"],
      ["Ny leder", "2021-08-09", null],
      ["Gammel Aukra", null, "2021-06-30"],
      ["Ny Aukra", "2021-09-01", null],
      ["Rauma", null, null],
    ]);
    const { left, joined } = changesOf(services);
    expect(left.map((s) => s.person)).toEqual(["Gammel leder", "Gammel Aukra"]);
    expect(joined.map((s) => s.person)).toEqual(["Ny leder", "Ny Aukra"]);
  });

  it("reads the running year up to today: a seat that ends later has not ended yet", () => {
    const period = reportPeriod(2021, "2021-08-20");
    expect(period).toEqual({ year: 2021, from: "2021-01-01", to: "2021-08-21", asOf: "2021-08-20" });
    const services = servicesOf(board, seats, period);
    expect(services.map((s) => s.person)).not.toContain("Ny Aukra");
    expect(services.find((s) => s.person === "Ny leder")).toMatchObject({ from: "2021-08-09", until: null });
  });

  it("measures seats against the body's own part of the year: a new group's members are not 'new'", () => {
    const group: PeriodBody = {
      id: 2,
      kind: "group",
      name: "Microsoft365",
      validFrom: "2021-04-01",
      validTo: null,
    };
    const services = servicesOf(
      group,
      [
        seat("Leder", "leader", "Aukra", "2021-04-01", null, 2),
        seat("Senere", "member", "Molde", "2021-06-01", null, 2),
      ],
      reportPeriod(2021, "2026-11-30"),
    );
    expect(services.map((s) => [s.person, s.from])).toEqual([
      ["Leder", null],
      ["Senere", "2021-06-01"],
    ]);
  });

  it("says what changed: renames, new and closed bodies, municipalities in and out, in date order", () => {
    const period = reportPeriod(2023, "2026-11-30");
    const changes = organisationChanges({
      period,
      bodies: [
        { id: 1, kind: "board", name: "Samarbeidsrådet", validFrom: "2019-01-01", validTo: null },
        { id: 3, kind: "group", name: "Personvern", validFrom: "2023-03-01", validTo: null },
        { id: 4, kind: "group", name: "Gammel gruppe", validFrom: "2017-01-01", validTo: "2023-03-01" },
      ],
      renames: [
        { bodyId: 1, on: "2023-01-01", previous: "Styret", name: "Samarbeidsrådet" },
        { bodyId: 1, on: "2022-01-01", previous: "Eldre", name: "Styret" },
      ],
      municipalities: [
        { name: "Molde", validFrom: "2000-01-01", validTo: null },
        { name: "Hustadvika", validFrom: "2023-06-01", validTo: null },
        { name: "Aukra", validFrom: "2000-01-01", validTo: "2023-07-01" },
        { name: "Sandøy", validFrom: "2000-01-01", validTo: "2020-01-01" },
      ],
    });
    expect(changes).toEqual([
      { kind: "renamed", bodyKind: "board", on: "2023-01-01", previous: "Styret", name: "Samarbeidsrådet" },
      { kind: "established", bodyKind: "group", on: "2023-03-01", names: ["Personvern"] },
      { kind: "closed", bodyKind: "group", on: "2023-03-01", names: ["Gammel gruppe"] },
      { kind: "municipalityJoined", on: "2023-06-01", names: ["Hustadvika"] },
      { kind: "municipalityLeft", on: "2023-07-01", names: ["Aukra"] },
    ]);
    expect(
      organisationChanges({
        period: reportPeriod(2024, "2026-11-30"),
        bodies: [],
        renames: [],
        municipalities: [],
      }),
    ).toEqual([]);
  });

  it("gives a group's counts and its median days from assignment to recommendation", () => {
    const flow = [{ groupId: 7, received: 3, assessed: 2, recommended: 2 }];
    const recommendations = [
      { groupId: 7, assignedAt: "2021-02-01T09:00:00.000Z", recommendedAt: "2021-02-11T15:00:00.000Z" },
      { groupId: 7, assignedAt: "2021-03-01T09:00:00.000Z", recommendedAt: "2021-03-21T08:00:00.000Z" },
      { groupId: 8, assignedAt: "2021-03-01T09:00:00.000Z", recommendedAt: "2021-06-01T08:00:00.000Z" },
    ];
    expect(groupActivity(7, flow, recommendations)).toEqual({
      received: 3,
      assessed: 2,
      recommended: 2,
      medianDays: 15,
    });
    expect(groupActivity(9, flow, recommendations)).toEqual({
      received: 0,
      assessed: 0,
      recommended: 0,
      medianDays: null,
    });
  });
});
