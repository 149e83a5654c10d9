import type { DB, Executor } from "#db/connection";
import {
  addGoal,
  approveStrategy,
  boardProtocolItems,
  claimDraftStrategy,
  createStrategy,
  deleteDraftStrategy,
  deleteGoal,
  getStrategy,
  goalsOfStrategy,
  setGoalNumber,
  updateGoal,
  updateStrategyMeta,
} from "#db/repositories/strategy.repository";
import { mayManageStrategies } from "#workflows/policy";
import { nextGoalNumber, renumberGoals } from "#workflows/report";
import type { NewStrategyForm, StrategyEdit } from "~/domain/strategy.schema";
import { strategyTexts } from "~/domain/texts/strategy";
import type { CurrentUser } from "../auth.server";
import { refusal, refuse, refuseField, runCommand, type CommandResult } from "./result.server";

const E = strategyTexts.errors;

/** Creates a draft strategy with a name and a period. */
export async function createStrategyDraft(
  db: DB,
  input: { user: CurrentUser; form: NewStrategyForm },
): Promise<CommandResult<{ id: number }>> {
  if (!mayManageStrategies(input.user)) return refusal(403);
  const id = await createStrategy(db, {
    name: input.form.name,
    periodFrom: input.form.periodFrom,
    periodTo: input.form.periodTo,
    status: "draft",
  });
  return { ok: true, id };
}

async function goalOf(trx: Executor, strategyId: number, goalId: number) {
  const goal = (await goalsOfStrategy(trx, strategyId)).find((g) => g.id === goalId);
  if (!goal) return refuseField("goalId", E.goalUnknown);
  return goal;
}

/**
 * Changes a draft strategy: its name and period, its goals (added with the next number, edited,
 * removed with the rest renumbered), its approval or its deletion. An approved or replaced
 * strategy is refused with a message (409): proposals are linked to its goals. Every change
 * claims the strategy's version first, so two editors never overwrite each other.
 */
export async function editStrategy(
  db: DB,
  input: { user: CurrentUser; strategyId: number; edit: StrategyEdit; now?: Date },
): Promise<CommandResult<{ deleted?: boolean }>> {
  if (!mayManageStrategies(input.user)) return refusal(403);
  const { edit, strategyId } = input;
  return runCommand(db, async (trx) => {
    const strategy = await getStrategy(trx, strategyId);
    if (!strategy) return refuse(404);
    if (strategy.status !== "draft") refuse(409, strategyTexts.readOnly);
    if (edit.intent === "delete") {
      if (!(await deleteDraftStrategy(trx, strategyId, edit.version))) refuse(409, E.conflict);
      return { deleted: true };
    }
    if (edit.intent === "approve") {
      await checkApprovable(trx, strategyId, edit.approvedItemId);
      const approved = await approveStrategy(trx, {
        id: strategyId,
        expectedVersion: edit.version,
        approvedItemId: edit.approvedItemId ?? null,
        at: (input.now ?? new Date()).toISOString(),
      });
      if (!approved) refuse(409, E.conflict);
      return {};
    }
    if (!(await claimDraftStrategy(trx, strategyId, edit.version))) refuse(409, E.conflict);
    switch (edit.intent) {
      case "meta":
        await updateStrategyMeta(trx, {
          id: strategyId,
          name: edit.name,
          periodFrom: edit.periodFrom,
          periodTo: edit.periodTo,
        });
        break;
      case "addGoal": {
        const goals = await goalsOfStrategy(trx, strategyId);
        const parent = edit.parentId === undefined ? null : goals.find((g) => g.id === edit.parentId);
        if (parent === undefined || (parent && parent.parent_id !== null))
          refuseField("parentId", E.parentUnknown);
        await addGoal(trx, {
          strategyId,
          parentId: parent?.id ?? null,
          number: nextGoalNumber(
            goals.map((g) => g.number),
            parent?.number ?? null,
          ),
          title: edit.title,
          description: edit.description,
        });
        break;
      }
      case "editGoal":
        await goalOf(trx, strategyId, edit.goalId);
        await updateGoal(trx, { id: edit.goalId, title: edit.title, description: edit.description });
        break;
      case "removeGoal": {
        await goalOf(trx, strategyId, edit.goalId);
        await deleteGoal(trx, edit.goalId);
        const rest = await goalsOfStrategy(trx, strategyId);
        // Ascending order: each new number was freed by the removal or an earlier change.
        for (const change of renumberGoals(
          rest.map((g) => ({ id: g.id, parentId: g.parent_id, number: g.number })),
        ))
          await setGoalNumber(trx, change.id, change.number);
        break;
      }
    }
    return {};
  });
}

/** A strategy is approved with at least one main goal, each with a sub-goal, and a real board item if any. */
async function checkApprovable(trx: Executor, strategyId: number, itemId: number | undefined) {
  const goals = await goalsOfStrategy(trx, strategyId);
  const mains = goals.filter((g) => g.parent_id === null);
  if (mains.length === 0) refuseField("", E.noGoals);
  const bare = mains.find((m) => !goals.some((g) => g.parent_id === m.id));
  if (bare) refuseField("", E.mainWithoutSub(bare.number));
  if (itemId !== undefined && !(await boardProtocolItems(trx, 10_000)).some((i) => i.id === itemId))
    refuseField("approvedItemId", E.itemUnknown);
}
