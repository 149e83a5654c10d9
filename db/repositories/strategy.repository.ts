import type { Executor } from "../connection";
import type { StrategyTable } from "../schema";

/** Creates a strategy (strategi) for a period; its goals are added with `addGoal`. */
export async function createStrategy(
  db: Executor,
  input: {
    name: string;
    periodFrom: number;
    periodTo: number;
    status: StrategyTable["status"];
    approvedItemId?: number | null;
  },
): Promise<number> {
  const { id } = await db
    .insertInto("strategy")
    .values({
      name: input.name,
      period_from: input.periodFrom,
      period_to: input.periodTo,
      status: input.status,
      approved_item_id: input.approvedItemId ?? null,
      replaced_by_id: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Adds a main goal (no parent) or a sub-goal (parent = its main goal), numbered "1" or "1.2". */
export async function addGoal(
  db: Executor,
  input: { strategyId: number; parentId: number | null; number: string; title: string; description?: string },
): Promise<number> {
  const { id } = await db
    .insertInto("strategy_goal")
    .values({
      strategy_id: input.strategyId,
      parent_id: input.parentId,
      number: input.number,
      title: input.title,
      description: input.description ?? "",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Adds a priority band: a total at or above `minTotal` (and below the next band) gets `label`. */
export async function addPriorityBand(
  db: Executor,
  input: { label: string; minTotal: number },
): Promise<number> {
  const { id } = await db
    .insertInto("priority_band")
    .values({ label: input.label, min_total: input.minTotal })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}
