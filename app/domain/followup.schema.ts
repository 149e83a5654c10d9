import { isoDateSchema } from "./date.schema";
import { z } from "zod";
import { followupTexts } from "./texts/report";

/**
 * The forms of the follow-up of decided work, shared by the browser (Conform) and the server.
 * What only the database knows (the lead is an active user, the year's report is not final,
 * the start date) the commands check again.
 */

const E = followupTexts.errors;

const isoDate = isoDateSchema({ required: E.dateRequired, format: E.dateRequired, invalid: E.dateInvalid });

const version = z.coerce.number().int().min(0);
const text = z.string().trim().max(5000, E.textTooLong);
const reportText = z
  .string({ error: E.reportTextRequired })
  .trim()
  .min(1, E.reportTextRequired)
  .max(5000, E.textTooLong);

/** START: who leads the work, when it started and when it should be done. */
export const startSchema = z
  .object({
    version,
    projectLeadId: z.coerce.number({ error: E.leadRequired }).int(E.leadRequired).positive(E.leadRequired),
    startDate: isoDate,
    plannedEnd: isoDate,
  })
  .superRefine((value, ctx) => {
    if (value.plannedEnd < value.startDate)
      ctx.addIssue({ code: "custom", path: ["plannedEnd"], message: E.endBeforeStart });
  });

export type StartForm = z.infer<typeof startSchema>;

/** COMPLETE: when, what it realised against the benefits plan, and the annual report's text. */
export function completeSchema(today: string) {
  return z
    .object({
      version,
      completedOn: isoDate,
      realisedBenefits: text.optional().default(""),
      reportText,
    })
    .superRefine((value, ctx) => {
      if (value.completedOn > today)
        ctx.addIssue({ code: "custom", path: ["completedOn"], message: E.futureDate });
    });
}

export type CompleteForm = z.infer<ReturnType<typeof completeSchema>>;

/** Editing the report text afterwards; `version` is the follow-up's (0 when none exists yet). */
export const reportTextSchema = z.object({ version, reportText });

export type ReportTextForm = z.infer<typeof reportTextSchema>;
