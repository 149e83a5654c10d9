import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { meetingPageSchema } from "./meeting.schema";

const form = (fields: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of fields) data.append(k, v);
  return parseWithZod(data, { schema: meetingPageSchema });
};

describe("the meeting page's forms, parsed as the action parses them", () => {
  it("turns a vote per member into the list of votes, leaving out those who do not vote", () => {
    const submission = form([
      ["intent", "decision"],
      ["version", "5"],
      ["itemId", "40"],
      ["proposalVersion", "6"],
      ["outcome", "recommend"],
      ["text", "Innstilles."],
      ["motions", ""],
      ["votes.20", "for"],
      ["votes.21", "against"],
      ["votes.22", ""],
      ["mode", "votes"],
    ]);
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toMatchObject({
      intent: "decision",
      itemId: 40,
      votes: [
        { userId: 20, choice: "for" },
        { userId: 21, choice: "against" },
      ],
      motions: "",
    });
  });

  it("answers 'unanimous' for the unanimous button, whatever the radios say", () => {
    const submission = form([
      ["intent", "decision"],
      ["version", "5"],
      ["itemId", "40"],
      ["outcome", "recommend"],
      ["text", "Innstilles."],
      ["votes.20", "against"],
      ["mode", "unanimous"],
    ]);
    expect(submission.status === "success" && submission.value).toMatchObject({ votes: "unanimous" });
  });

  it("turns attendance into members and substitutes", () => {
    const submission = form([
      ["intent", "attendance"],
      ["version", "2"],
      ["status.7", "present"],
      ["status.8", "absent"],
      ["sub.7", ""],
      ["sub.8", "31"],
    ]);
    expect(submission.status === "success" && submission.value).toMatchObject({
      attendance: { members: { 7: "present", 8: "absent" }, substitutes: { 8: 31 } },
    });
  });

  it("refuses unknown fields and bad values with a message for the form", () => {
    const extra = form([
      ["intent", "publishNotice"],
      ["version", "1"],
      ["evil", "1"],
    ]);
    expect(extra.status).toBe("error");
    expect(extra.status === "error" && extra.error).toMatchObject({
      "": ["Skjemaet inneholdt ukjente felt."],
    });
    const bad = form([
      ["intent", "decision"],
      ["version", "1"],
      ["itemId", "3"],
      ["outcome", "decided"],
      ["text", ""],
      ["votes.4", "maybe"],
    ]);
    expect(bad.status).toBe("error");
    expect(bad.status === "error" && bad.error).toMatchObject({
      text: ["Skriv vedtaket."],
      "votes.4": ["Velg for, mot eller avstår."],
    });
  });
});
