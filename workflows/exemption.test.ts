import { describe, expect, it } from "vitest";
import { followedExemption } from "./exemption";

describe("exemption", () => {
  it("follows the latest exempt case of the matter, until an exemption is lifted with a reason", () => {
    const exempt = { id: 1, exempt: 1, exempt_basis: "offl. § 13", exempt_lifted_reason: null };
    const plain = { id: 2, exempt: 0, exempt_basis: null, exempt_lifted_reason: null };
    const lifted = {
      id: 3,
      exempt: 0,
      exempt_basis: null,
      exempt_lifted_reason: "Ikke lenger taushetsbelagt",
    };
    expect(followedExemption([])).toBeNull();
    expect(followedExemption([exempt])).toEqual({ itemId: 1, basis: "offl. § 13" });
    expect(followedExemption([exempt, plain])).toEqual({ itemId: 1, basis: "offl. § 13" });
    expect(followedExemption([exempt, lifted])).toBeNull();
  });
});
