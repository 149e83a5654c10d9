/**
 * The 2021 meeting calendar of the demo world: seven board meetings (the annual report: "7
 * styremøter") and the ordering committee two weeks before each. Demo proposals name the
 * meeting a committee or board decision was taken in by its `key`; the meetings seed turns
 * these into meetings with numbered protocol items.
 */

export interface CalendarMeeting {
  key: string;
  body: "committee" | "board";
  /** ISO date (YYYY-MM-DD). */
  date: string;
  place: string;
}

export const meetingsCalendar: CalendarMeeting[] = [
  { key: "committee-2021-01-27", body: "committee", date: "2021-01-27", place: "Teams (digitalt møte)" },
  { key: "board-2021-02-10", body: "board", date: "2021-02-10", place: "Teams (digitalt møte)" },
  { key: "committee-2021-03-31", body: "committee", date: "2021-03-31", place: "Teams (digitalt møte)" },
  { key: "board-2021-04-14", body: "board", date: "2021-04-14", place: "Teams (digitalt møte)" },
  {
    key: "committee-2021-06-02",
    body: "committee",
    date: "2021-06-02",
    place: "ROR-IKT sine lokaler, Molde",
  },
  { key: "board-2021-06-16", body: "board", date: "2021-06-16", place: "Molde rådhus" },
  {
    key: "committee-2021-08-25",
    body: "committee",
    date: "2021-08-25",
    place: "ROR-IKT sine lokaler, Molde",
  },
  { key: "board-2021-09-08", body: "board", date: "2021-09-08", place: "Vestnes rådhus" },
  { key: "committee-2021-10-06", body: "committee", date: "2021-10-06", place: "Teams (digitalt møte)" },
  { key: "board-2021-10-20", body: "board", date: "2021-10-20", place: "Åndalsnes, Rauma rådhus" },
  {
    key: "committee-2021-11-03",
    body: "committee",
    date: "2021-11-03",
    place: "ROR-IKT sine lokaler, Molde",
  },
  { key: "board-2021-11-17", body: "board", date: "2021-11-17", place: "Aukra rådhus" },
  { key: "committee-2021-11-24", body: "committee", date: "2021-11-24", place: "Teams (digitalt møte)" },
  { key: "board-2021-12-08", body: "board", date: "2021-12-08", place: "Molde rådhus" },
];

/** The calendar entry for a meeting key, or undefined. */
export function calendarMeeting(key: string): CalendarMeeting | undefined {
  return meetingsCalendar.find((m) => m.key === key);
}
