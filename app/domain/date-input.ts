import { z } from "zod";

/** A real calendar date, ISO (YYYY-MM-DD). */
function isRealIso(value: string): boolean {
  const d = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** "30.11.2026" or "2026-11-30" (what a date picker sends) as ISO; anything else unchanged. */
export function toIsoDate(value: string): string {
  const nb = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (!nb) return value;
  return `${nb[3]}-${nb[2]!.padStart(2, "0")}-${nb[1]!.padStart(2, "0")}`;
}

/**
 * One date field for every form: accepts the date picker's ISO value and a date typed as the
 * picker shows it (dd.mm.åååå), gives ISO, and says `required` / `invalid` otherwise.
 */
export function dateInput(required: string, invalid: string, years = /^(19|20|21)\d{2}-\d{2}-\d{2}$/) {
  return z
    .string({ error: required })
    .trim()
    .min(1, required)
    .transform(toIsoDate)
    .pipe(z.string().regex(years, invalid).refine(isRealIso, invalid));
}
