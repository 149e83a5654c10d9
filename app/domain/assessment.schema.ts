import { z } from "zod";
import { criteria } from "#workflows/assessment";
import { assessmentTexts } from "./texts/assessment";

const E = assessmentTexts.errors;

const score = z.coerce.number({ error: E.score }).int(E.score).min(1, E.score).max(5, E.score).optional();

const nok = z.coerce
  .number({ error: E.amount })
  .int(E.amount)
  .min(0, E.amountNegative)
  .max(10_000_000_000, E.amountTooHigh)
  .optional();

/** The specialist group's assessment form; the lists of selectable sub-goals come from the strategy data. */
export function assessmentSchema(goalIds: number[]) {
  return z.strictObject(
    {
      version: z.coerce.number().int().min(0),
      ...(Object.fromEntries(criteria.map((c) => [c.key, score])) as Record<
        (typeof criteria)[number]["key"],
        typeof score
      >),
      // A typed "−5" (the minus sign the label shows) counts as -5.
      adjustment: z
        .preprocess(
          (v) => (typeof v === "string" ? v.replace("\u2212", "-") : v),
          z.coerce.number({ error: E.adjustment }),
        )
        .pipe(z.number().min(-5, E.adjustment).max(5, E.adjustment))
        .optional()
        .default(0),
      adjustment_reason: z.string().trim().max(2000, E.reasonTooLong).optional().default(""),
      benefits_plan: z.string().trim().max(10_000, E.planTooLong).optional().default(""),
      cost_once: nok,
      cost_yearly: nok,
      goalIds: z
        .array(z.coerce.number())
        .max(50)
        .refine((ids) => ids.every((id) => goalIds.includes(id)), E.goalUnknown)
        .optional()
        .default([]),
    },
    { error: E.unknownField },
  );
}

export type AssessmentForm = z.infer<ReturnType<typeof assessmentSchema>>;
