import { z } from "zod";
import { strategyTexts } from "./texts/strategy";

/**
 * The forms of strategy management, shared by the browser and the server. Whether the strategy
 * is still a draft, and whether a goal or protocol item exists, the commands check.
 */

const E = strategyTexts.errors;

const year = z.coerce
  .number({ error: E.yearInvalid })
  .int(E.yearInvalid)
  .min(2000, E.yearInvalid)
  .max(2100, E.yearInvalid);
const version = z.coerce.number({ error: E.staleForm }).int(E.staleForm).min(1, E.staleForm);
const id = (message: string) => z.coerce.number({ error: message }).int(message).positive(message);
const title = z.string({ error: E.titleRequired }).trim().min(1, E.titleRequired).max(200, E.titleTooLong);
const description = z.string().trim().max(5000, E.textTooLong).optional().default("");

const metaFields = {
  name: z.string({ error: E.nameRequired }).trim().min(1, E.nameRequired).max(200, E.nameTooLong),
  periodFrom: year,
  periodTo: year,
};

function periodInOrder(value: { periodFrom: number; periodTo: number }, ctx: z.RefinementCtx) {
  if (value.periodTo < value.periodFrom)
    ctx.addIssue({ code: "custom", path: ["periodTo"], message: E.periodOrder });
}

/** A new draft: name and period. */
export const newStrategySchema = z.object(metaFields).superRefine(periodInOrder);

export type NewStrategyForm = z.infer<typeof newStrategySchema>;

/** The edits of a draft, told apart by `intent`; each carries the strategy's version as seen. */
export const strategyEditSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("meta"), version, ...metaFields }).superRefine(periodInOrder),
    z.object({
      intent: z.literal("addGoal"),
      version,
      // Empty: a main goal; otherwise the main goal the sub-goal belongs to.
      parentId: z.preprocess((v) => (v === "" ? undefined : v), id(E.parentUnknown).optional()),
      title,
      description,
    }),
    z.object({ intent: z.literal("editGoal"), version, goalId: id(E.goalUnknown), title, description }),
    z.object({ intent: z.literal("removeGoal"), version, goalId: id(E.goalUnknown) }),
    z.object({
      intent: z.literal("approve"),
      version,
      approvedItemId: z.preprocess((v) => (v === "" ? undefined : v), id(E.itemUnknown).optional()),
    }),
    z.object({ intent: z.literal("delete"), version }),
  ],
  { error: E.unknownForm },
);

export type StrategyEdit = z.infer<typeof strategyEditSchema>;
