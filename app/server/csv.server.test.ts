import { describe, expect, it } from "vitest";
import { parseCsv } from "../../tests/support/csv";
import { safeCell, toCsv } from "./csv.server";

describe("CSV", () => {
  const tricky = [
    "Komma, og mer",
    "Semikolon; og mer",
    "Bedre innsyn;=cmd|' /C calc'!A0",
    'Sitat "med" anførselstegn',
    "Linje 1\nLinje 2",
    "Vognretur\r\ni teksten",
    '=HYPERLINK("http://evil.example")',
    "+47 123",
    "-2+3",
    "@SUM(A1)",
    "\tfane",
    "Blåbærsyltetøy på Åndalsnes",
  ];

  it("keeps commas, quotes and line breaks in their cells and defuses formulas", () => {
    const csv = toCsv(
      ["Tittel", "Nr"],
      tricky.map((title, i) => [title, i + 1]),
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(["Tittel", "Nr"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      "Komma, og mer",
      "Semikolon; og mer",
      "Bedre innsyn;=cmd|' /C calc'!A0",
      'Sitat "med" anførselstegn',
      "Linje 1\nLinje 2",
      "Vognretur\r\ni teksten",
      '\'=HYPERLINK("http://evil.example")',
      "'+47 123",
      "'-2+3",
      "'@SUM(A1)",
      "'\tfane",
      "Blåbærsyltetøy på Åndalsnes",
    ]);
    expect(rows.slice(1).map((r) => r[1])).toEqual(tricky.map((_, i) => String(i + 1)));
    // Every record ends in CRLF; the cell with a bare line break is quoted.
    expect(csv).toContain('"Linje 1\nLinje 2"');
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("leaves ordinary text and numbers alone", () => {
    expect(safeCell("Digisos")).toBe("Digisos");
    expect(safeCell(42)).toBe("42");
    expect(safeCell(null)).toBe("");
    expect(safeCell("e-post")).toBe("e-post");
  });
});
