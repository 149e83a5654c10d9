/**
 * The clock of the municipalities: Europe/Oslo. Meetings are stored as local wall-clock time
 * ("2026-05-04T10:00"), so "now" is compared in the same form. Kept small so it can join the
 * one dates module.
 */
const osloParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Oslo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The wall-clock time in Oslo, "YYYY-MM-DDTHH:MM". */
export function osloNow(at: Date = new Date()): string {
  const part = Object.fromEntries(osloParts.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}`;
}

/** Today's date in Oslo, "YYYY-MM-DD" (not the UTC date: they differ after 23:00 or 22:00 UTC). */
export function osloToday(at: Date = new Date()): string {
  return osloNow(at).slice(0, 10);
}
