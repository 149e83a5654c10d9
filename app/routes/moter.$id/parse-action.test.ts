import { describe, expect, it } from "vitest";
import { parseMeetingAction } from "./parse-action";

const form = (fields: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of fields) data.append(k, v);
  return data;
};

describe("parsing the meeting page's forms", () => {
  it("gathers a vote per member, leaving out those who do not vote", () => {
    const parsed = parseMeetingAction(
      form([
        ["intent", "decision"],
        ["version", "5"],
        ["itemId", "40"],
        ["proposalVersion", "6"],
        ["outcome", "recommend"],
        ["text", "Innstilles."],
        ["motions", ""],
        ["vote-20", "for"],
        ["vote-21", "against"],
        ["vote-22", ""],
        ["mode", "votes"],
      ]),
    );
    expect(parsed).toMatchObject({
      ok: true,
      key: "decision-40",
      action: {
        intent: "decision",
        itemId: 40,
        votes: { "20": "for", "21": "against", "22": "" },
        motions: "",
      },
    });
  });

  it("gathers attendance and substitutes per member", () => {
    const parsed = parseMeetingAction(
      form([
        ["intent", "attendance"],
        ["version", "2"],
        ["status-7", "present"],
        ["status-8", "absent"],
        ["sub-7", ""],
        ["sub-8", "31"],
      ]),
    );
    expect(parsed).toMatchObject({
      ok: true,
      action: { status: { "7": "present", "8": "absent" }, sub: { "7": "", "8": 31 } },
    });
  });

  it("refuses unknown fields and bad values with a message for the form", () => {
    expect(
      parseMeetingAction(
        form([
          ["intent", "publishNotice"],
          ["version", "1"],
          ["evil", "1"],
        ]),
      ),
    ).toMatchObject({
      ok: false,
      key: "publishNotice",
      fieldErrors: { "": ["Skjemaet inneholdt ukjente felt."] },
    });
    expect(
      parseMeetingAction(
        form([
          ["intent", "decision"],
          ["version", "1"],
          ["itemId", "3"],
          ["outcome", "decided"],
          ["text", ""],
          ["vote-4", "maybe"],
        ]),
      ),
    ).toMatchObject({
      ok: false,
      key: "decision-3",
      fieldErrors: { text: ["Skriv vedtaket."], votes: expect.any(Array) },
    });
  });
});
