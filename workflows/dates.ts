/**
 * The one place for calendar dates. The municipalities live in Europe/Oslo: "today", "this year"
 * and meeting days are Oslo wall-clock dates, stored as ISO strings (YYYY-MM-DD). Instants are
 * stored as UTC ISO timestamps and turned into Oslo dates here. Pure and browser-safe, so routes,
 * server, repositories and the process rules all import it (see docs/decisions/010-dates.md).
 */

export const TIME_ZONE = "Europe/Oslo";

const DAY_MS = 86_400_000;

const osloParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * Oslo dates by UTC hour: Oslo is a whole number of hours from UTC and changes its clocks on the
 * hour, so an hour's instants share one date, and `Intl` (slow, per call) formats it once.
 */
const datesByHour = new Map<number, string>();
const HOUR_MS = 3_600_000;

/** The Oslo calendar date (YYYY-MM-DD) of an instant. */
export function osloDate(at: Date | string): string {
  const date = typeof at === "string" ? new Date(at) : at;
  const hour = Math.floor(date.getTime() / HOUR_MS);
  const known = datesByHour.get(hour);
  if (known !== undefined) return known;
  const parts = Object.fromEntries(osloParts.formatToParts(date).map((p) => [p.type, p.value]));
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  if (datesByHour.size >= 10_000) datesByHour.clear();
  datesByHour.set(hour, day);
  return day;
}

const osloClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/**
 * The Oslo wall-clock time of an instant, "YYYY-MM-DDTHH:MM": the form meetings are stored in, so
 * "has the meeting begun" is a comparison of two strings.
 */
export function osloNow(at: Date = new Date()): string {
  const part = Object.fromEntries(osloClock.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}`;
}

/** Today in Oslo (YYYY-MM-DD); `now` only for tests and commands that take a clock. */
export function today(now: Date = new Date()): string {
  return osloDate(now);
}

/** The running year in Oslo. */
export function thisYear(now: Date = new Date()): number {
  return Number(today(now).slice(0, 4));
}

/** Calendar arithmetic on an ISO date: `addDays("2026-03-28", 2)` is "2026-03-30", across DST and month ends. */
export function addDays(date: string, days: number): string {
  // Noon UTC keeps the arithmetic on the same calendar day whatever the machine's zone.
  return new Date(Date.parse(`${date.slice(0, 10)}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from one ISO date (or timestamp's date) to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T12:00:00Z`) - Date.parse(`${from.slice(0, 10)}T12:00:00Z`)) / DAY_MS,
  );
}

/** Whether a string is a YYYY-MM-DD date that exists (2023-02-30 does not), in the years 1900–2199. */
export function isIsoDate(value: string): boolean {
  if (!/^(19|20|21)\d{2}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * A date typed as a Norwegian browser's date picker shows it ("30.11.2026", the hint every form
 * gives) as ISO; anything else unchanged. The picker itself sends ISO.
 */
export function fromTypedDate(value: string): string {
  const typed = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  return typed ? `${typed[3]}-${typed[2]!.padStart(2, "0")}-${typed[1]!.padStart(2, "0")}` : value;
}

/** A UTC instant ("…Z" or with an offset), as opposed to a date or an Oslo wall-clock time ("2026-06-02T10:00"). */
const isInstant = (iso: string) => /(Z|[+-]\d{2}:\d{2})$/i.test(iso);

/**
 * An ISO date, wall-clock time or instant as a Norwegian date, d.m.yyyy ("2.6.2026"); an instant
 * by its Oslo day.
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const day = isInstant(iso) ? osloDate(iso) : iso.slice(0, 10);
  const [y, m, d] = day.split("-");
  return `${Number(d)}.${Number(m)}.${y}`;
}

const osloTime = new Intl.DateTimeFormat("nb-NO", {
  timeZone: TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
});

/** The Oslo wall-clock time of an instant, "08:30". */
export function formatTime(iso: string): string {
  return osloTime.format(new Date(iso));
}

/**
 * The instant of an Oslo wall-clock time ("2026-12-01T07:00"): for the digest hour and the UTC times
 * of a calendar invitation. In the hour skipped in spring it gives the instant an hour later.
 */
export function osloInstant(wallClock: string): Date {
  const wanted = Date.parse(`${wallClock.slice(0, 16)}:00Z`);
  let guess = wanted;
  // Two corrections settle the offset (one hour in winter, two in summer), across the DST change too.
  for (let i = 0; i < 2; i += 1) guess += wanted - Date.parse(`${osloNow(new Date(guess))}:00Z`);
  return new Date(guess);
}

/** The ISO 8601 week of a date, "2026-W49" (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(date: string): string {
  const day = new Date(`${date.slice(0, 10)}T12:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7;
  const thursday = new Date(day.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1, 12)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The Monday (ISO date) of the ISO week a date is in. */
export function mondayOf(date: string): string {
  const weekday = (new Date(`${date.slice(0, 10)}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}
