import { beforeAll, describe, expect, it } from "vitest";
import { demoHash, testDb } from "../../../tests/support/db";
import type { DB } from "#db/connection";
import { isEmpty, seedDemo } from "./seed.server";
import { meetingsCalendar } from "#db/seed-data/meetings-calendar";
import { demoProposals, type DemoProposal } from "#db/seed-data/proposals";
import { isAssessmentComplete } from "#workflows/assessment";
import { proposalStates } from "#workflows/proposal.machine";

let db: DB;

beforeAll(async () => {
  db = await testDb();
  const passwordHash = await demoHash();
  await seedDemo(db, { passwordHash });
});

const statesWithHistory = async () => {
  const proposals = await db.selectFrom("proposal").select(["id", "title", "state"]).execute();
  const history = await db
    .selectFrom("proposal_history")
    .selectAll()
    .orderBy("proposal_id")
    .orderBy("id")
    .execute();
  return { proposals, history };
};

describe("demo seed", () => {
  it("records every committee and board decision under a protocol item of its meeting", async () => {
    const decisions = await db
      .selectFrom("proposal_history as h")
      .leftJoin("protocol_item as i", "i.id", "h.protocol_item_id")
      .select([
        "h.event",
        "h.protocol_item_id",
        "i.id as item_id",
        "i.proposal_id",
        "h.proposal_id as history_proposal",
      ])
      .where((eb) => eb.or([eb("h.event", "like", "COMMITTEE_%"), eb("h.event", "like", "BOARD_%")]))
      .execute();
    expect(decisions.length).toBeGreaterThan(20);
    for (const d of decisions) {
      expect(d.item_id).not.toBeNull();
      expect(d.proposal_id).toBe(d.history_proposal);
    }
  });

  it("runs only on an empty database", async () => {
    expect(await isEmpty(db)).toBe(false);
    expect(await isEmpty(await testDb())).toBe(true);
  });

  it("has 30–40 proposals covering every state of the machine", async () => {
    const { proposals } = await statesWithHistory();
    expect(proposals.length).toBeGreaterThanOrEqual(30);
    expect(proposals.length).toBeLessThanOrEqual(40);
    for (const state of proposalStates) {
      expect(
        proposals.filter((p) => p.state === state),
        `no demo proposal in ${state}`,
      ).not.toHaveLength(0);
    }
  });

  it("rejects by the group, the committee and the board", async () => {
    const { history } = await statesWithHistory();
    const events = new Set(history.filter((h) => h.to_state === "rejected").map((h) => h.event));
    expect(events).toEqual(new Set(["GROUP_REJECT", "COMMITTEE_REJECT", "BOARD_REJECT"]));
    const all = new Set(history.map((h) => h.event));
    for (const event of [
      "REQUEST_INFO",
      "SUPPLEMENT",
      "MOVE_GROUP",
      "MERGE",
      "REDIRECT",
      "COMMITTEE_RETURN",
      "BOARD_DEFER",
      "CANCEL",
      "WITHDRAW",
    ]) {
      expect(all.has(event), `no ${event} in the demo`).toBe(true);
    }
  });

  it("keeps every proposal's state equal to its last history row, with times in order", async () => {
    const { proposals, history } = await statesWithHistory();
    for (const p of proposals) {
      const rows = history.filter((h) => h.proposal_id === p.id);
      expect(rows[0], p.title).toMatchObject({ event: "CREATE", from_state: null, to_state: "draft" });
      expect(rows.at(-1)!.to_state, p.title).toBe(p.state);
      for (let i = 1; i < rows.length; i++) {
        expect(rows[i]!.from_state, p.title).toBe(rows[i - 1]!.to_state);
        expect(rows[i]!.at > rows[i - 1]!.at, p.title).toBe(true);
      }
    }
  });

  it("gives every proposal that reached the committee a complete assessment and a sub-goal", async () => {
    const { proposals, history } = await statesWithHistory();
    const reached = new Set(
      history.filter((h) => h.to_state === "committeeReview").map((h) => h.proposal_id),
    );
    expect(reached.size).toBeGreaterThan(15);
    for (const p of proposals.filter((x) => reached.has(x.id))) {
      const assessment = await db
        .selectFrom("assessment")
        .selectAll()
        .where("proposal_id", "=", p.id)
        .executeTakeFirst();
      expect(isAssessmentComplete(assessment), p.title).toBe(true);
      const goals = await db
        .selectFrom("assessment_goal")
        .innerJoin("strategy_goal", "strategy_goal.id", "assessment_goal.goal_id")
        .select(["strategy_goal.parent_id"])
        .where("assessment_goal.proposal_id", "=", p.id)
        .execute();
      expect(goals.length, p.title).toBeGreaterThanOrEqual(1);
      expect(
        goals.every((g) => g.parent_id !== null),
        p.title,
      ).toBe(true);
      // The assessment was written before the group recommended it.
      const recommend = history.find((h) => h.proposal_id === p.id && h.event === "RECOMMEND")!;
      expect(assessment!.updated_at < recommend.at, p.title).toBe(true);
    }
  });

  it("seeds the strategy with a sub-goal nothing is linked to, and the priority bands", async () => {
    const strategy = await db.selectFrom("strategy").selectAll().executeTakeFirstOrThrow();
    expect(strategy.name).toBe("Strategi for digital transformasjon 2022–2025");
    expect(strategy.status).toBe("approved");
    const goals = await db.selectFrom("strategy_goal").selectAll().execute();
    const main = goals.filter((g) => g.parent_id === null);
    expect(main.length).toBeGreaterThanOrEqual(4);
    for (const m of main) {
      const subs = goals.filter((g) => g.parent_id === m.id);
      expect(subs.length).toBeGreaterThanOrEqual(2);
      expect(subs.every((s) => s.number.startsWith(`${m.number}.`))).toBe(true);
    }
    const linked = new Set(
      (await db.selectFrom("assessment_goal").select("goal_id").execute()).map((r) => r.goal_id),
    );
    expect(goals.some((g) => g.parent_id !== null && !linked.has(g.id))).toBe(true);
    const bands = await db.selectFrom("priority_band").select(["label", "min_total"]).execute();
    expect(bands).toEqual(
      expect.arrayContaining([
        { label: "Må ha", min_total: 20 },
        { label: "Bør ha", min_total: 15 },
        { label: "Kan ha", min_total: 10 },
        { label: "Skal ikke ha", min_total: 0 },
      ]),
    );
  });

  it("creates the demo logins, the admin included", async () => {
    const admin = await db
      .selectFrom("user")
      .selectAll()
      .where("email", "=", "admin@innspill.test")
      .executeTakeFirstOrThrow();
    expect(admin.is_admin).toBe(1);
    expect(admin.active).toBe(1);
    for (const email of [
      "koordinator@innspill.test",
      "ansatt@innspill.test",
      "faggruppeleder@innspill.test",
    ]) {
      expect(
        await db.selectFrom("user").select("id").where("email", "=", email).executeTakeFirst(),
      ).toBeDefined();
    }
  });

  it("has recent proposals in early states for the work queues", async () => {
    const recent = await db
      .selectFrom("proposal")
      .select(["state"])
      .where("state_changed_at", ">=", "2026-10-01")
      .execute();
    expect(recent.length).toBeGreaterThanOrEqual(5);
    expect(recent.length).toBeLessThanOrEqual(8);
    const early = ["draft", "submitted", "groupReview", "awaitingSubmitter", "committeeReview"];
    expect(recent.every((p) => early.includes(p.state))).toBe(true);
    expect(new Set(recent.map((p) => p.state))).toEqual(new Set(early));
  });
});

describe("demo meetings", () => {
  const meetingSteps = demoProposals.flatMap((p) =>
    p.steps.filter((s) => /^(COMMITTEE|BOARD)_/.test(s.event)).map((s) => ({ ...s, proposal: p.key })),
  );

  it("puts every committee and board decision in a calendar meeting on its date", () => {
    for (const step of meetingSteps) {
      const meeting = meetingsCalendar.find((m) => m.key === step.meeting);
      expect(meeting, `${step.proposal} ${step.event}`).toBeDefined();
      expect(meeting!.date).toBe(step.on);
      expect(meeting!.body).toBe(step.event.startsWith("BOARD_") ? "board" : "committee");
    }
    expect(meetingsCalendar.filter((m) => m.body === "board")).toHaveLength(7);
  });

  it("keeps committee agendas short and leaves room on the board's 32 protocol items", () => {
    for (const m of meetingsCalendar.filter((x) => x.body === "committee")) {
      expect(meetingSteps.filter((s) => s.meeting === m.key).length, m.key).toBeLessThanOrEqual(6);
    }
    const boardSteps = meetingSteps.filter((s) => s.event.startsWith("BOARD_"));
    expect(boardSteps.length).toBeLessThanOrEqual(20);
    const decided = new Set(boardSteps.map((s) => s.proposal));
    expect(decided.size).toBeGreaterThanOrEqual(12);
    expect(decided.size).toBeLessThanOrEqual(20);
  });
});

describe("the replay obeys the machine", () => {
  const base = demoProposals.find((p) => p.key === "digisos")!;

  it("refuses a recommendation dated before the assessment", async () => {
    const early: DemoProposal = {
      ...base,
      assessment: { ...base.assessment!, on: "2021-01-20" },
    };
    await expect(
      seedDemo(await testDb(), { passwordHash: await demoHash(), proposals: [early] }),
    ).rejects.toThrow(/RECOMMEND refused/);
  });

  it("refuses a committee decision outside a calendar meeting", async () => {
    const offCalendar: DemoProposal = {
      ...base,
      steps: base.steps.map((s) => (s.event === "COMMITTEE_APPROVE" ? { ...s, on: "2021-01-28" } : s)),
    };
    await expect(
      seedDemo(await testDb(), { passwordHash: await demoHash(), proposals: [offCalendar] }),
    ).rejects.toThrow(/meeting/);
  });

  it("refuses a group's step by someone outside the group", async () => {
    const outsider: DemoProposal = {
      ...base,
      steps: base.steps.map((s) => (s.event === "RECOMMEND" ? { ...s, by: "leaderTeknisk" } : s)),
    };
    await expect(
      seedDemo(await testDb(), { passwordHash: await demoHash(), proposals: [outsider] }),
    ).rejects.toThrow(/RECOMMEND refused/);
  });

  it("rolls the whole seed back when a step is refused", async () => {
    const fresh = await testDb();
    const refused: DemoProposal = {
      ...base,
      steps: [base.steps[0]!, { event: "RECOMMEND", by: "groupLeader", on: "2021-01-06" }],
    };
    await expect(seedDemo(fresh, { passwordHash: await demoHash(), proposals: [refused] })).rejects.toThrow();
    expect(await isEmpty(fresh)).toBe(true);
  });
});
