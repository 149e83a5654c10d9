import { z } from "zod";
import { fromTypedDate, isIsoDate } from "#workflows/dates";

/* Apart from workflows/dates.ts, which every page's browser code loads through the texts: zod stays
   in the chunks of the forms that parse dates (about 31 kB gzip kept off the list page). */

/**
 * The one schema for a date field as a date input sends it (YYYY-MM-DD), or typed as dd.mm.åååå. The messages come from
 * the caller's texts (app/domain/texts/), so this module holds no user-visible words: `required`
 * when the field is missing, `format` (default `invalid`) when it is not YYYY-MM-DD, `invalid`
 * when the day does not exist or lies outside 1900–2199.
 */
export function isoDateSchema(messages: { required: string; invalid: string; format?: string }) {
  return z
    .string({ error: messages.required })
    .trim()
    .transform(fromTypedDate)
    .pipe(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, messages.format ?? messages.invalid)
        .refine(isIsoDate, messages.invalid),
    );
}
