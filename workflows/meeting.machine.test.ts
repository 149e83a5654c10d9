import { mayOrganiseMeetings } from "./policy";
import { getShortestPaths } from "xstate/graph";
import { describe, expect, it } from "vitest";
import {
  availableMeetingEvents,
  decideMeeting,
  meetingMachine,
  meetingStateMeta,
  meetingStatuses,
  type MeetingActor,
} from "./meeting.machine";
import { awaitedState, outcomesFor, proposalEventFor } from "./meeting.outcomes";

const coordinator: MeetingActor = { userId: 1, isCoordinator: true, bodyRoles: [] };
const secretary: MeetingActor = { userId: 2, isCoordinator: false, bodyRoles: ["secretary"] };
const chair: MeetingActor = { userId: 3, isCoordinator: false, bodyRoles: ["chair"] };
const member: MeetingActor = { userId: 4, isCoordinator: false, bodyRoles: ["member"] };
const outsider: MeetingActor = { userId: 5, isCoordinator: false, bodyRoles: [] };

const ready = { caseCount: 3, undecidedCount: 0, started: true, unsignedCount: 0 };

describe("meeting machine", () => {
  it("refuses attendance and decisions before the meeting has started, and offers them as blocked", () => {
    const early = { ...ready, started: false };
    expect(
      decideMeeting("noticePublished", early, { type: "RECORD_ATTENDANCE", actor: chair, presentCount: 3 }),
    ).toEqual({ ok: false, why: "refused" });
    expect(decideMeeting("held", early, { type: "RECORD_DECISION", actor: chair })).toEqual({
      ok: false,
      why: "refused",
    });
    expect(availableMeetingEvents("noticePublished", early, chair)).toContainEqual({
      type: "RECORD_ATTENDANCE",
      blocked: true,
    });
  });

  it("publishes a protocol only when every signer has signed", () => {
    const unsigned = { ...ready, unsignedCount: 1 };
    expect(decideMeeting("protocolApproved", unsigned, { type: "PUBLISH_PROTOCOL", actor: chair })).toEqual({
      ok: false,
      why: "refused",
    });
    expect(decideMeeting("protocolApproved", ready, { type: "PUBLISH_PROTOCOL", actor: chair })).toEqual({
      ok: true,
      to: "protocolPublished",
    });
  });

  it("goes planned → notice published → held → protocol approved → protocol published", () => {
    let status = meetingMachine.config.initial as string;
    for (const [type, to] of [
      ["PUBLISH_NOTICE", "noticePublished"],
      ["RECORD_ATTENDANCE", "held"],
      ["RECORD_DECISION", "held"],
      ["APPROVE_PROTOCOL", "protocolApproved"],
      ["PUBLISH_PROTOCOL", "protocolPublished"],
    ] as const) {
      const d = decideMeeting(status as never, ready, { type, actor: secretary, presentCount: 3 });
      expect(d).toEqual({ ok: true, to });
      status = to;
    }
  });

  it("reaches every status from planned", () => {
    const paths = getShortestPaths(meetingMachine, {
      input: ready,
      events: [
        { type: "PUBLISH_NOTICE", actor: chair },
        { type: "RECORD_ATTENDANCE", actor: chair, presentCount: 2 },
        { type: "APPROVE_PROTOCOL", actor: chair },
        { type: "PUBLISH_PROTOCOL", actor: chair },
        { type: "CANCEL", actor: chair, reason: "Sykdom" },
      ],
    });
    const reached = new Set(paths.map((p) => String(p.state.value)));
    expect([...reached].sort()).toEqual([...meetingStatuses].sort());
  });

  it("refuses a notice without cases and an approval with undecided cases", () => {
    expect(
      decideMeeting(
        "planned",
        { caseCount: 0, undecidedCount: 0, started: true, unsignedCount: 0 },
        { type: "PUBLISH_NOTICE", actor: chair },
      ),
    ).toEqual({
      ok: false,
      why: "refused",
    });
    expect(
      decideMeeting(
        "held",
        { caseCount: 2, undecidedCount: 1, started: true, unsignedCount: 0 },
        { type: "APPROVE_PROTOCOL", actor: chair },
      ),
    ).toEqual({
      ok: false,
      why: "refused",
    });
    expect(
      availableMeetingEvents(
        "planned",
        { caseCount: 0, undecidedCount: 0, started: true, unsignedCount: 0 },
        chair,
      ).find((e) => e.type === "PUBLISH_NOTICE"),
    ).toEqual({ type: "PUBLISH_NOTICE", blocked: true });
  });

  it("allows nothing but addenda once the protocol is approved", () => {
    for (const status of ["protocolApproved", "protocolPublished"] as const) {
      for (const type of [
        "EDIT",
        "ADD_CASE",
        "EDIT_CASE",
        "RECORD_DECISION",
        "RECORD_ATTENDANCE",
        "DECLARE_CONFLICT",
        "CANCEL",
      ] as const)
        expect(
          decideMeeting(status, ready, { type, actor: coordinator, presentCount: 1, reason: "x" }),
        ).toEqual({
          ok: false,
          why: "not-in-state",
        });
      expect(decideMeeting(status, ready, { type: "ADD_ADDENDUM", actor: coordinator }).ok).toBe(true);
    }
  });

  it("needs a reason to cancel, and cannot cancel a held meeting", () => {
    expect(decideMeeting("planned", ready, { type: "CANCEL", actor: chair }).ok).toBe(false);
    expect(decideMeeting("planned", ready, { type: "CANCEL", actor: chair, reason: "Ingen saker" }).ok).toBe(
      true,
    );
    expect(decideMeeting("held", ready, { type: "CANCEL", actor: chair, reason: "x" })).toEqual({
      ok: false,
      why: "not-in-state",
    });
  });

  it("lets coordinators and the body's chair and secretary organise; members and others not", () => {
    const table = [
      [coordinator, true],
      [secretary, true],
      [chair, true],
      [{ ...member, bodyRoles: ["leader"] }, true],
      [member, false],
      [outsider, false],
    ] as const;
    for (const [actor, allowed] of table) {
      expect(mayOrganiseMeetings(actor)).toBe(allowed);
      expect(decideMeeting("planned", ready, { type: "PUBLISH_NOTICE", actor }).ok).toBe(allowed);
      expect(decideMeeting("held", ready, { type: "APPROVE_PROTOCOL", actor }).ok).toBe(allowed);
      expect(availableMeetingEvents("held", ready, actor).length > 0).toBe(allowed);
    }
  });

  it("makes the notice public when published, and the protocol only when published", () => {
    expect(meetingStateMeta("planned").noticePublic).toBe(false);
    expect(meetingStateMeta("noticePublished").noticePublic).toBe(true);
    expect(meetingStateMeta("protocolApproved").protocolPublic).toBe(false);
    expect(meetingStateMeta("protocolPublished").protocolPublic).toBe(true);
  });
});

describe("case outcomes", () => {
  it("maps committee and board decisions on proposals to the process events", () => {
    expect(outcomesFor("committee", "proposal").map((o) => proposalEventFor("committee", o))).toEqual([
      "COMMITTEE_RECOMMEND",
      "COMMITTEE_APPROVE",
      "COMMITTEE_RETURN",
      "COMMITTEE_DEFER",
      "COMMITTEE_REJECT",
    ]);
    expect(outcomesFor("board", "proposal").map((o) => proposalEventFor("board", o))).toEqual([
      "BOARD_APPROVE",
      "BOARD_REJECT",
      "BOARD_RETURN",
      "BOARD_DEFER",
    ]);
    expect(outcomesFor("board", "other")).toEqual(["decided", "noted", "defer"]);
    expect(outcomesFor("group", "proposal")).toEqual([]);
    expect(proposalEventFor("board", "recommend")).toBeNull();
    expect(awaitedState("committee")).toBe("committeeReview");
    expect(awaitedState("group")).toBeNull();
  });
});
