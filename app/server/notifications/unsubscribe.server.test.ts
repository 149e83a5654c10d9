import { describe, expect, it } from "vitest";
import { unsubscribeToken, unsubscribeUrl, verifyUnsubscribeToken } from "./unsubscribe.server";

const SECRET = "one-session-secret-of-at-least-32-characters";

describe("unsubscribe tokens", () => {
  it("name the person and the kind they were made for", () => {
    const token = unsubscribeToken(SECRET, 42, "meetingNotice");
    expect(token).toMatch(/^42\.meetingNotice\.[A-Za-z0-9_-]{43}$/);
    expect(verifyUnsubscribeToken(SECRET, token)).toEqual({ userId: 42, kind: "meetingNotice" });
    expect(
      unsubscribeUrl(
        { publicUrl: "https://innspill.kommune.no", sessionSecret: SECRET },
        42,
        "meetingNotice",
      ),
    ).toBe(`https://innspill.kommune.no/avmelding/${token}`);
  });

  it("refuse another person, another kind, another secret and anything malformed", () => {
    const mac = unsubscribeToken(SECRET, 42, "meetingNotice").split(".")[2]!;
    expect(verifyUnsubscribeToken(SECRET, `43.meetingNotice.${mac}`)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, `42.proposalChanged.${mac}`)).toBeNull();
    expect(verifyUnsubscribeToken(`${SECRET}x`, `42.meetingNotice.${mac}`)).toBeNull();
    for (const bad of [
      "",
      "42",
      "42.meetingNotice",
      `42.meetingNotice.${mac}x`,
      `042.meetingNotice.${mac}`,
      `42.meeting-Notice.${mac}`,
      `42.meetingNotice.${mac.slice(1)}`,
    ])
      expect(verifyUnsubscribeToken(SECRET, bad)).toBeNull();
  });
});
