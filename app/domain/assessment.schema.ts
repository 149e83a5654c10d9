import { z } from "zod";
import { criteria } from "#workflows/assessment";
import { assessmentTexts } from "./texts/assessment";

const score = z.coerce
  .number({ error: "Velg en score fra 1 til 5." })
  .int("Velg en score fra 1 til 5.")
  .min(1, "Velg en score fra 1 til 5.")
  .max(5, "Velg en score fra 1 til 5.")
  .optional();

const nok = z.coerce
  .number({ error: "Oppgi et beløp i hele kroner." })
  .int("Oppgi et beløp i hele kroner.")
  .min(0, "Beløpet kan ikke være negativt.")
  .max(10_000_000_000, "Beløpet er urimelig høyt.")
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
          z.coerce.number({ error: assessmentTexts.adjustmentRange }),
        )
        .pipe(z.number().min(-5, assessmentTexts.adjustmentRange).max(5, assessmentTexts.adjustmentRange))
        .optional()
        .default(0),
      adjustment_reason: z
        .string()
        .trim()
        .max(2000, "Teksten kan være høyst 2000 tegn.")
        .optional()
        .default(""),
      benefits_plan: z
        .string()
        .trim()
        .max(10_000, "Teksten kan være høyst 10 000 tegn.")
        .optional()
        .default(""),
      cost_once: nok,
      cost_yearly: nok,
      goalIds: z
        .array(z.coerce.number())
        .max(50)
        .refine((ids) => ids.every((id) => goalIds.includes(id)), "Velg delmål fra listen.")
        .optional()
        .default([]),
    },
    { error: "Skjemaet inneholdt ukjente felt." },
  );
}

export type AssessmentForm = z.infer<ReturnType<typeof assessmentSchema>>;
