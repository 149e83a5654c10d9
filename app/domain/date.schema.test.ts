import { describe, expect, it } from "vitest";
import { isoDateSchema } from "./date.schema";

describe("a date field", () => {
  it("accepts only dates that exist, as ISO or as a Norwegian date picker shows them", () => {
    const schema = isoDateSchema({ required: "required", invalid: "invalid", format: "format" });
    expect(schema.parse(" 2026-06-02 ")).toBe("2026-06-02");
    expect(schema.safeParse("").error?.issues[0]?.message).toBe("format");
    expect(schema.safeParse("2/6/2026").error?.issues[0]?.message).toBe("format");
    // Typed as a Norwegian date picker shows it: read as the same day.
    expect(schema.safeParse("2.6.2026").data).toBe("2026-06-02");
    expect(schema.safeParse("2026-02-30").error?.issues[0]?.message).toBe("invalid");
    expect(schema.safeParse(undefined).error?.issues[0]?.message).toBe("required");
  });
});
