import { stringify } from "csv-stringify/sync";

/** Cells a spreadsheet would read as a formula (or that hide one behind a tab or line break). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell that is safe to open in Excel: text beginning with = + - @, a tab or a carriage return
 * gets a leading apostrophe, so it is shown as text and never evaluated (OWASP's CSV injection
 * advice). Numbers are written as they are.
 */
export function safeCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * CSV as Excel with Norwegian settings opens it in columns: semicolon-separated (the comma is the
 * decimal sign there), CRLF, quotes doubled, cells with semicolons, quotes or line breaks quoted,
 * with a UTF-8 byte order mark so Excel reads æøå; written by csv-stringify, not by hand.
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  const body = stringify([header.map(safeCell), ...rows.map((row) => row.map(safeCell))], {
    delimiter: ";",
    record_delimiter: "windows",
    // A bare line break is not the record delimiter (CRLF), so csv-stringify would not quote it.
    quoted_match: [/[\r\n]/, /^\s|\s$/],
  });
  return `\uFEFF${body}`;
}

/**
 * Several tables in one CSV file, each with its own header row, separated by an empty line (as
 * a spreadsheet shows them when opened): the annual report's basis data.
 */
export function toCsvTables(
  tables: readonly { header: readonly string[]; rows: readonly (readonly string[])[] }[],
): string {
  return tables
    .map((t, i) => (i === 0 ? toCsv(t.header, t.rows) : toCsv(t.header, t.rows).slice(1)))
    .join("\r\n");
}

/** A download response for CSV text. */
export function csvResponse(csv: string, fileName: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
