/** Where a validity period stands on a day: not begun, running, or over. */
export type Validity = "future" | "active" | "ended";

/**
 * The standing of a period [valid_from, valid_to) on a date: valid_to is the first day it no
 * longer holds, the same convention the repositories query by.
 */
export function validityOn(row: { valid_from: string; valid_to: string | null }, on: string): Validity {
  if (row.valid_from > on) return "future";
  if (row.valid_to !== null && row.valid_to <= on) return "ended";
  return "active";
}
