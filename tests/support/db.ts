import path from "node:path";
import { migrateToLatest, openDatabase, type DB } from "#db/connection";
import { makeBody, makeMembership, makeMunicipalities, makeUser } from "#db/factories";
import { currentUserById } from "~/server/current-user.server";
import type { CurrentUser } from "~/server/auth.server";

/** Whether this run is a PostgreSQL project's (engine.ts, imported lazily: it needs vitest, workers do not have it). */
const onPostgres = () => process.env.INNSPILL_TEST_ENGINE === "postgres";

/**
 * A fresh database with the real migrations: SQLite in memory, or on the PostgreSQL projects a
 * new database copied from the migrated template (tests/support/engine.ts).
 */
export async function testDb(): Promise<DB> {
  if (onPostgres()) return openDatabase(await (await import("./engine")).newPostgresDatabase());
  const db = openDatabase(":memory:");
  await migrateToLatest(db);
  return db;
}

/**
 * Where a test keeps a database other processes open too: a new SQLite file in `dir`, or a new
 * PostgreSQL database's URL. Not migrated on SQLite (the caller migrates); migrated on PostgreSQL.
 */
export async function testDatabaseLocation(dir: string): Promise<string> {
  if (onPostgres()) return (await import("./engine")).newPostgresDatabase();
  return path.join(dir, "test.db");
}

/** A hash of "demo1234", computed once per process (scrypt is slow on purpose). */
let hash: Promise<string> | undefined;
export function demoHash(): Promise<string> {
  hash ??= import("~/server/password.server").then((m) => m.hashPassword("demo1234"));
  return hash;
}

/** The session user as the server builds it, for calling commands directly. */
export function currentUser(db: DB, userId: number): Promise<CurrentUser> {
  return currentUserById(db, userId);
}

/**
 * A small organisation with fictional names (so nothing can depend on real ones):
 * four municipalities, two groups, a committee and a board, and a person in every role.
 */
export async function makeWorld(db: DB) {
  const passwordHash = await demoHash();
  const m = await makeMunicipalities(db, ["Nordby", "Sørvik", "Østdal", "Vestøy"]);
  const groupHealth = await makeBody(db, "group", "Helse");
  const groupTech = await makeBody(db, "group", "Teknikk");
  const committee = await makeBody(db, "committee", "Utvalget");
  const board = await makeBody(db, "board", "Rådet");
  const user = (name: string, extra: Partial<Parameters<typeof makeUser>[1]> = {}) =>
    makeUser(db, {
      passwordHash,
      name,
      email: `${name.toLowerCase()}@test.invalid`,
      municipalityId: m.Nordby,
      ...extra,
    });
  const ids = {
    admin: await user("Admin", { isAdmin: true }),
    coordinator: await user("Koordinator", { isCoordinator: true }),
    employee: await user("Ansatt"),
    employee2: await user("Ansatt2", { municipalityId: m.Sørvik }),
    groupLeader: await user("Gruppeleder"),
    groupMember: await user("Gruppemedlem"),
    otherLeader: await user("Teknikkleder"),
    chair: await user("Utvalgsleder"),
    orderers: [] as number[],
    boardMembers: [] as number[],
  };
  await makeMembership(db, {
    userId: ids.groupLeader,
    bodyId: groupHealth,
    role: "leader",
    municipalityId: m.Nordby,
  });
  await makeMembership(db, {
    userId: ids.groupMember,
    bodyId: groupHealth,
    role: "member",
    municipalityId: m.Sørvik,
  });
  await makeMembership(db, {
    userId: ids.otherLeader,
    bodyId: groupTech,
    role: "leader",
    municipalityId: m.Østdal,
  });
  await makeMembership(db, { userId: ids.chair, bodyId: committee, role: "chair" });
  for (const [name, mid] of Object.entries(m)) {
    const orderer = await user(`Bestiller${name}`, { municipalityId: mid });
    await makeMembership(db, {
      userId: orderer,
      bodyId: committee,
      role: "member",
      municipalityId: mid,
      voteWeight: 1,
    });
    ids.orderers.push(orderer);
    const boardMember = await user(`Styre${name}`, { municipalityId: mid });
    await makeMembership(db, {
      userId: boardMember,
      bodyId: board,
      role: "member",
      municipalityId: mid,
      voteWeight: 1,
    });
    ids.boardMembers.push(boardMember);
  }
  return { municipalities: m, bodies: { groupHealth, groupTech, committee, board }, users: ids };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;

/** An approved strategy with one main goal and two sub-goals; returns the sub-goals' ids. */
export async function makeStrategy(db: DB, name = "Strategi for testing") {
  const { id: strategyId } = await db
    .insertInto("strategy")
    .values({
      name,
      period_from: 2022,
      period_to: 2025,
      status: "approved",
      approved_item_id: null,
      replaced_by_id: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const goal = (number: string, title: string, parent: number | null) =>
    db
      .insertInto("strategy_goal")
      .values({ strategy_id: strategyId, parent_id: parent, number, title, description: "" })
      .returning("id")
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  const main = await goal("1", "Gode digitale tjenester", null);
  return {
    strategyId,
    mainGoalId: main,
    subGoalIds: [await goal("1.1", "Selvbetjening", main), await goal("1.2", "Deling av data", main)],
  };
}

/** A complete assessment linked to one sub-goal, so the group may recommend the proposal. */
export async function assessCompletely(db: DB, proposalId: number, userId: number, goalId: number) {
  const { saveAssessment, setAssessmentGoals } = await import("#db/repositories/assessment.repository");
  await saveAssessment(db, {
    proposalId,
    expectedVersion: 0,
    userId,
    now: new Date().toISOString(),
    values: {
      strategic_value: 4,
      service_quality: 4,
      economic_benefit: 3,
      necessity: 2,
      risk: 4,
      adjustment: 0,
      adjustment_reason: "",
      benefits_plan: "Mindre manuelt arbeid.",
      cost_once: 100_000,
      cost_yearly: 20_000,
    },
  });
  await setAssessmentGoals(db, proposalId, [goalId]);
}
