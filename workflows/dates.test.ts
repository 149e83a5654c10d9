import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  formatDate,
  formatTime,
  isIsoDate,
  osloDate,
  osloNow,
  thisYear,
  today,
} from "./dates";

describe("dates in Oslo", () => {
  it("is already tomorrow in Oslo at 00:30 while UTC is still on the day before (summer time)", () => {
    // 22:30 UTC on 1 June is 00:30 on 2 June in Oslo (UTC+2).
    expect(today(new Date("2026-06-01T22:30:00Z"))).toBe("2026-06-02");
    expect(new Date("2026-06-01T22:30:00Z").toISOString().slice(0, 10)).toBe("2026-06-01");
  });

  it("is right at 00:30 in winter time too, and at the turn of the year", () => {
    expect(today(new Date("2026-01-14T23:30:00Z"))).toBe("2026-01-15");
    expect(today(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(thisYear(new Date("2026-12-31T23:30:00Z"))).toBe(2027);
    expect(today(new Date("2026-01-15T22:59:00Z"))).toBe("2026-01-15");
  });

  it("adds calendar days across month ends, leap days and the change to summer time", () => {
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("2026-06-02T10:00", 14)).toBe("2026-06-16");
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
  });

  it("accepts only dates that exist", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2023-2-1")).toBe(false);
    expect(isIsoDate("9999-01-01")).toBe(false);
  });

  it("formats in Norwegian, an instant by its Oslo day and time", () => {
    expect(formatDate("2026-06-02")).toBe("2.6.2026");
    expect(formatDate("2026-06-01T22:30:00.000Z")).toBe("2.6.2026");
    expect(formatDate("2026-06-02T10:00")).toBe("2.6.2026");
    expect(formatDate(null)).toBe("");
    expect(formatTime("2026-06-01T22:30:00.000Z")).toBe("00:30");
    expect(osloDate("2026-06-01T21:59:00Z")).toBe("2026-06-01");
  });
});

describe("Oslo wall-clock time", () => {
  it("is the Oslo date and time, not the UTC one, late in the evening and across DST", () => {
    expect(osloNow(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01T00:30");
    expect(osloNow(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01T00:30");
    expect(osloNow(new Date("2026-06-30T08:00:00Z"))).toBe("2026-06-30T10:00");
  });
});
