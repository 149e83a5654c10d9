import { describe, expect, it } from "vitest";
import { isoWeek, mondayOf, osloInstant } from "./dates";
import {
  agendaForMessage,
  daysOverdue,
  proposalTitleForMessage,
  emailModeFor,
  recipientsOfMeetingNotice,
  recipientsOfProposalEvent,
  recipientsOfProtocol,
  recipientsOfWaitingReminder,
  recipientsOfWork,
  type ProposalAudience,
  type ProposalEventCause,
} from "./notifications";

const audience: ProposalAudience = {
  authorId: 1,
  supporters: [2, 3],
  followers: [3, 4],
  groupMembers: [10, 11],
  routers: [20, 10],
};

const cause = (over: Partial<ProposalEventCause>): ProposalEventCause => ({
  event: "ASSIGN",
  from: "submitted",
  to: "groupReview",
  actorId: 20,
  proposal: { id: 7, title: "Digital postkasse" },
  reason: null,
  exempt: false,
  ...over,
});

const who = (planned: { userId: number; kind: string }[]) =>
  planned.map((p) => [p.userId, p.kind]).sort((a, b) => Number(a[0]) - Number(b[0]));

describe("who is told about a proposal event", () => {
  it("submit: the routers (not the submitter, who acted)", () => {
    const planned = recipientsOfProposalEvent(
      cause({ event: "SUBMIT", from: "draft", to: "submitted", actorId: 1 }),
      audience,
    );
    expect(who(planned)).toEqual([
      [10, "awaitingRouting"],
      [20, "awaitingRouting"],
    ]);
  });

  it("assign: the group, then submitter, supporters and followers, once each; never the actor", () => {
    const planned = recipientsOfProposalEvent(cause({ actorId: 10 }), audience);
    expect(who(planned)).toEqual([
      [1, "proposalChanged"],
      [2, "proposalChanged"],
      [3, "proposalChanged"],
      [4, "proposalChanged"],
      [11, "proposalAssigned"],
    ]);
  });

  it("more information wanted: the submitter with a link straight to the answer; the reason goes along", () => {
    const planned = recipientsOfProposalEvent(
      cause({
        event: "REQUEST_INFO",
        from: "groupReview",
        to: "awaitingSubmitter",
        actorId: 10,
        reason: "Hvor mange?",
      }),
      audience,
    );
    const submitter = planned.find((p) => p.userId === 1)!;
    expect(submitter.kind).toBe("informationRequested");
    expect(submitter.link).toBe("/innspill/7#event-SUPPLEMENT");
    expect(submitter.facts).toMatchObject({ title: "Digital postkasse", reason: "Hvor mange?" });
    expect(who(planned).filter(([id]) => id !== 1)).toEqual([
      [2, "proposalChanged"],
      [3, "proposalChanged"],
      [4, "proposalChanged"],
    ]);
  });

  it("supplement: the group is told, not the submitter who answered", () => {
    const planned = recipientsOfProposalEvent(
      cause({
        event: "SUPPLEMENT",
        from: "awaitingSubmitter",
        to: "groupReview",
        actorId: 1,
        reason: "Svar",
      }),
      audience,
    );
    expect(who(planned)).toEqual([
      [2, "proposalChanged"],
      [3, "proposalChanged"],
      [4, "proposalChanged"],
      [10, "proposalSupplemented"],
      [11, "proposalSupplemented"],
    ]);
  });

  it("an exempt matter: no title and no reason reach the message", () => {
    const planned = recipientsOfProposalEvent(
      cause({
        event: "COMMITTEE_REJECT",
        from: "committeeReview",
        to: "rejected",
        reason: "Hemmelig",
        exempt: true,
      }),
      audience,
    );
    expect(planned.length).toBeGreaterThan(0);
    for (const p of planned) expect(p.facts).toMatchObject({ title: null, reason: null });
  });
});

describe("meetings, protocols, work and reminders", () => {
  const meeting = {
    topic: "meeting" as const,
    meetingId: 5,
    bodyName: "Rådet",
    startsAt: "2026-12-01T10:00",
    endTime: "12:00",
    place: "Rådhuset",
    videoLink: null,
    agenda: [],
    sequence: 3,
    updated: false,
  };

  it("a notice goes to members and deputies once each, not to the one who published it", () => {
    const planned = recipientsOfMeetingNotice(9, meeting, { members: [1, 2, 9], deputies: [2, 3] });
    expect(planned.map((p) => p.userId)).toEqual([1, 2, 3]);
    expect(planned[0]!.dedupeKey).toBe("notice:5:3");
  });

  it("protocol to sign: the signers but the actor", () => {
    const facts = {
      topic: "protocol" as const,
      meetingId: 5,
      bodyName: "Rådet",
      startsAt: "2026-12-01T10:00",
    };
    expect(recipientsOfProtocol("protocolToSign", 9, facts, [9, 4]).map((p) => p.userId)).toEqual([4]);
  });

  it("work: the project lead unless they started it themselves", () => {
    const facts = { topic: "work" as const, proposalId: 7, title: "X", plannedEnd: "2027-01-01" };
    expect(recipientsOfWork("workStarted", 9, facts, 4).map((p) => p.userId)).toEqual([4]);
    expect(recipientsOfWork("workStarted", 4, facts, 4)).toEqual([]);
    expect(recipientsOfWork("workDue", null, facts, null)).toEqual([]);
    expect(recipientsOfWork("workDue", null, facts, 4)[0]!.dedupeKey).toBe("workDue:7");
  });

  it("waiting: past the limit only, once per ISO week", () => {
    expect(daysOverdue("2026-11-01", "2026-12-01", 30)).toBeNull();
    expect(daysOverdue("2026-10-31", "2026-12-01", 30)).toBe(31);
    expect(daysOverdue("2026-01-01", "2026-12-01", undefined)).toBeNull();
    const facts = {
      topic: "waiting" as const,
      proposalId: 7,
      title: "X",
      state: "groupReview" as const,
      days: 31,
    };
    const planned = recipientsOfWaitingReminder(facts, "2026-W49", [4, 4, 5]);
    expect(planned.map((p) => [p.userId, p.dedupeKey])).toEqual([
      [4, "waiting:7:groupReview:2026-W49"],
      [5, "waiting:7:groupReview:2026-W49"],
    ]);
  });

  it("e-mail mode: the person's choice, else the kind's default; off means none", () => {
    expect(emailModeFor("proposalChanged", undefined)).toBe("immediate");
    expect(emailModeFor("awaitingRouting", undefined)).toBe("digest");
    expect(emailModeFor("proposalChanged", "off")).toBe("none");
    expect(emailModeFor("proposalChanged", "digest")).toBe("digest");
  });
});

describe("Oslo time for the jobs", () => {
  it("finds the instant of an Oslo wall-clock time in winter and summer", () => {
    expect(osloInstant("2026-12-01T07:00").toISOString()).toBe("2026-12-01T06:00:00.000Z");
    expect(osloInstant("2026-06-01T07:00").toISOString()).toBe("2026-06-01T05:00:00.000Z");
    expect(osloInstant("2026-03-29T07:00").toISOString()).toBe("2026-03-29T05:00:00.000Z");
  });

  it("names ISO weeks and their Mondays", () => {
    expect(isoWeek("2026-11-30")).toBe("2026-W49");
    expect(isoWeek("2027-01-01")).toBe("2026-W53");
    expect(isoWeek("2021-01-04")).toBe("2021-W01");
    expect(mondayOf("2026-12-06")).toBe("2026-11-30");
    expect(mondayOf("2026-11-30")).toBe("2026-11-30");
  });
});

describe("what a message may name", () => {
  it("an exempt case on a notice's agenda by its number and basis only", () => {
    expect(
      agendaForMessage([
        { number: "Sak 1/2021", title: "Open", exempt: false, exemptBasis: null },
        { number: "Sak 2/2021", title: "Secret", exempt: true, exemptBasis: "offl. § 13" },
      ]),
    ).toEqual([
      { number: "Sak 1/2021", title: "Open", exemptBasis: null },
      { number: "Sak 2/2021", title: null, exemptBasis: "offl. § 13" },
    ]);
    expect(proposalTitleForMessage({ title: "Secret" }, true)).toBeNull();
    expect(proposalTitleForMessage({ title: "Open" }, false)).toBe("Open");
  });
});
