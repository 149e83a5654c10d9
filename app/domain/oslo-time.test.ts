import { describe, expect, it } from "vitest";
import { osloNow, osloToday } from "./oslo-time";

describe("Oslo time", () => {
  it("gives the Oslo date, not the UTC date, late in the evening", () => {
    expect(osloToday(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(osloToday(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(osloNow(new Date("2026-06-30T08:00:00Z"))).toBe("2026-06-30T10:00");
  });
});
