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

/** The day before an ISO date: the last day of a period that the given date ends. */
export function dayBefore(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** The day after an ISO date: the first day after a period whose last day it is. */
export function dayAfter(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Today's date in Oslo (the day the municipalities live in), as an ISO date. */
export function osloToday(now: Date = new Date()): string {
  return now.toLocaleDateString("sv-SE", { timeZone: "Europe/Oslo" });
}
