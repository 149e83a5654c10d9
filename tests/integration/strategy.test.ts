import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { goalsOfProposal, selectableSubGoals } from "#db/repositories/assessment.repository";
import { createProposal } from "#db/repositories/proposal.repository";
import { currentStrategy, getStrategy, goalsOfStrategy } from "#db/repositories/strategy.repository";
import type { StrategyEdit } from "~/domain/strategy.schema";
import { strategyTexts } from "~/domain/texts/strategy";
import type { CurrentUser } from "~/server/auth.server";
import { createStrategyDraft, editStrategy } from "~/server/commands/edit-strategy.server";
import { assessCompletely, currentUser, makeStrategy, makeWorld, testDb, type World } from "../support/db";
import { expectOk } from "../support/meetings";

describe("strategies", () => {
  let db: DB;
  let world: World;
  let coordinator: CurrentUser;

  beforeEach(async () => {
    db = await testDb();
    world = await makeWorld(db);
    coordinator = await currentUser(db, world.users.coordinator);
  });
  afterEach(async () => {
    await db.destroy();
  });

  const edit = async (strategyId: number, change: Omit<StrategyEdit, "version"> & Record<string, unknown>) =>
    editStrategy(db, {
      user: coordinator,
      strategyId,
      edit: { ...change, version: (await getStrategy(db, strategyId))!.version } as StrategyEdit,
    });

  const numbers = async (strategyId: number) =>
    (await goalsOfStrategy(db, strategyId)).map((g) => `${g.number} ${g.title}`).sort();

  it("shows as in force the approved strategy whose period covers the year, else the latest period", async () => {
    const period = (from: number, to: number) =>
      db
        .updateTable("strategy")
        .set({ period_from: from, period_to: to })
        .where("name", "=", `Strategi ${from}`)
        .execute();
    await makeStrategy(db, "Strategi 2026");
    await period(2026, 2029);
    // Entered afterwards, for the record: an older period must not become the one in force.
    await makeStrategy(db, "Strategi 2018");
    await period(2018, 2021);
    expect((await currentStrategy(db, 2027))!.name).toBe("Strategi 2026");
    expect((await currentStrategy(db, 2020))!.name).toBe("Strategi 2018");
    // After every period: the latest one, which the strategy page then says has expired.
    expect((await currentStrategy(db, 2031))!.name).toBe("Strategi 2026");
  });

  it("refuses any edit of an approved strategy, with a message, and changes nothing", async () => {
    const { strategyId } = await makeStrategy(db);
    const before = await numbers(strategyId);
    for (const change of [
      { intent: "meta", name: "Nytt navn", periodFrom: 2022, periodTo: 2026 },
      { intent: "addGoal", title: "Nytt mål", description: "" },
      { intent: "removeGoal", goalId: (await goalsOfStrategy(db, strategyId))[0]!.id },
    ] as const) {
      expect(await edit(strategyId, change)).toMatchObject({
        ok: false,
        status: 409,
        message: strategyTexts.readOnly,
      });
    }
    expect(await numbers(strategyId)).toEqual(before);
    expect((await getStrategy(db, strategyId))!.name).toBe("Strategi for testing");
    // The database refuses it too: proposals are linked to these goals.
    await expect(
      db
        .updateTable("strategy_goal")
        .set({ title: "Endret" })
        .where("strategy_id", "=", strategyId)
        .execute(),
    ).rejects.toThrow(/approved/);
  });

  it("numbers the goals of a draft, renumbers after a removal, and replaces the old strategy on approval", async () => {
    const old = await makeStrategy(db, "Gammel strategi");
    const proposal = await createProposal(db, {
      title: "Koblet til gammelt delmål",
      background: "",
      problem: "",
      solution: "",
      benefits: "",
      affected: "",
      resources: "",
      authorId: world.users.employee,
      municipalityIds: [world.municipalities.Nordby!],
      suggestedGroupId: null,
      state: "groupReview",
      now: "2021-05-01T08:00:00.000Z",
    });
    await assessCompletely(db, proposal, world.users.groupLeader, old.subGoalIds[1]!);

    const { id } = expectOk(
      await createStrategyDraft(db, {
        user: coordinator,
        form: { name: "Ny strategi", periodFrom: 2026, periodTo: 2029 },
      }),
      "create",
    );
    for (const title of ["Første", "Andre", "Tredje"])
      expectOk(await edit(id, { intent: "addGoal", title, description: "" }), "main");
    const main = async (n: string) => (await goalsOfStrategy(db, id)).find((g) => g.number === n)!.id;
    expectOk(
      await edit(id, { intent: "addGoal", parentId: await main("2"), title: "Andre A", description: "" }),
      "sub",
    );
    expectOk(
      await edit(id, { intent: "addGoal", parentId: await main("3"), title: "Tredje A", description: "" }),
      "sub",
    );
    expectOk(
      await edit(id, { intent: "addGoal", parentId: await main("3"), title: "Tredje B", description: "" }),
      "sub",
    );
    expect(await numbers(id)).toEqual([
      "1 Første",
      "2 Andre",
      "2.1 Andre A",
      "3 Tredje",
      "3.1 Tredje A",
      "3.2 Tredje B",
    ]);

    // A main goal without sub-goals cannot be approved.
    expect(await edit(id, { intent: "approve" })).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { "": [strategyTexts.errors.mainWithoutSub("1")] },
    });
    expectOk(await edit(id, { intent: "removeGoal", goalId: await main("1") }), "remove");
    expect(await numbers(id)).toEqual(["1 Andre", "1.1 Andre A", "2 Tredje", "2.1 Tredje A", "2.2 Tredje B"]);

    // A sub-goal cannot be the parent of another.
    const subId = (await goalsOfStrategy(db, id)).find((g) => g.number === "1.1")!.id;
    expect(
      await edit(id, { intent: "addGoal", parentId: subId, title: "For dypt", description: "" }),
    ).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { parentId: [strategyTexts.errors.parentUnknown] },
    });

    // Two editors: the second, with the version it saw, is refused.
    const seen = (await getStrategy(db, id))!.version;
    expectOk(
      await editStrategy(db, {
        user: coordinator,
        strategyId: id,
        edit: {
          intent: "meta",
          version: seen,
          name: "Ny strategi 2026–2029",
          periodFrom: 2026,
          periodTo: 2029,
        },
      }),
      "meta",
    );
    expect(
      await editStrategy(db, {
        user: coordinator,
        strategyId: id,
        edit: { intent: "meta", version: seen, name: "Overskrevet", periodFrom: 2026, periodTo: 2029 },
      }),
    ).toMatchObject({ ok: false, status: 409, message: strategyTexts.errors.conflict });

    expectOk(await edit(id, { intent: "approve" }), "approve");
    const [newer, older] = [await getStrategy(db, id), await getStrategy(db, old.strategyId)];
    expect(newer).toMatchObject({ status: "approved", name: "Ny strategi 2026–2029" });
    expect(older).toMatchObject({ status: "replaced", replaced_by_id: id });
    // The proposal keeps its link to the old sub-goal; new assessments choose among the new ones.
    expect((await goalsOfProposal(db, proposal)).map((g) => g.strategy_name)).toEqual(["Gammel strategi"]);
    expect(new Set((await selectableSubGoals(db)).map((g) => g.strategy_name))).toEqual(
      new Set(["Ny strategi 2026–2029"]),
    );
    expect(await edit(id, { intent: "addGoal", title: "Etterpå", description: "" })).toMatchObject({
      ok: false,
      status: 409,
      message: strategyTexts.readOnly,
    });
  });

  it("lets only coordinators and administrators manage strategies", async () => {
    const employee = await currentUser(db, world.users.employee);
    expect(
      await createStrategyDraft(db, {
        user: employee,
        form: { name: "X", periodFrom: 2026, periodTo: 2027 },
      }),
    ).toMatchObject({ ok: false, status: 403 });
    const admin = await currentUser(db, world.users.admin);
    expectOk(
      await createStrategyDraft(db, { user: admin, form: { name: "X", periodFrom: 2026, periodTo: 2027 } }),
      "admin",
    );
  });
});
