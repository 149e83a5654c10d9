import { describe, expect, it } from "vitest";
import {
  mayAdminister,
  mayAssess,
  mayEditReportText,
  mayFinaliseReports,
  mayFollowProposal,
  mayManageStrategies,
  mayResetPassword,
  mayViewProposal,
  mayRouteProposals,
  maySeeExemptCases,
  proposalActor,
  type Actor,
} from "./policy";

const person = (over: Partial<Actor> = {}): Actor => ({
  id: 7,
  isAdmin: false,
  isCoordinator: false,
  memberships: [],
  ...over,
});
const leader = person({ memberships: [{ body_id: 3, kind: "group", role: "leader" }] });
const member = person({ memberships: [{ body_id: 3, kind: "group", role: "member" }] });

describe("policies", () => {
  it("lets administrators administer, and coordinators and administrators manage strategies and reports", () => {
    expect(mayAdminister(person({ isAdmin: true }))).toBe(true);
    expect(mayAdminister(person({ isCoordinator: true }))).toBe(false);
    for (const may of [mayManageStrategies, mayFinaliseReports]) {
      expect(may(person({ isAdmin: true }))).toBe(true);
      expect(may(person({ isCoordinator: true }))).toBe(true);
      expect(may(leader)).toBe(false);
    }
  });

  it("sees who a person is in the process of one proposal", () => {
    expect(proposalActor(leader, { author_id: 7, group_id: 3 })).toMatchObject({
      isSubmitter: true,
      isAnyGroupLeader: true,
      groupRole: "leader",
    });
    expect(proposalActor(member, { author_id: 1, group_id: 4 })).toMatchObject({
      isSubmitter: false,
      isAnyGroupLeader: false,
      groupRole: null,
    });
    expect(mayRouteProposals(leader)).toBe(true);
    expect(mayRouteProposals(member)).toBe(false);
  });

  it("lets the group assess while it has the case, and its leader keep the report text", () => {
    const inGroup = proposalActor(member, { author_id: 1, group_id: 3 });
    expect(mayAssess(inGroup, { state: "groupReview" })).toBe(true);
    expect(mayAssess(inGroup, { state: "committeeReview" })).toBe(false);
    expect(mayEditReportText(inGroup, { state: "inProgress" })).toBe(false);
    expect(
      mayEditReportText(proposalActor(leader, { author_id: 1, group_id: 3 }), { state: "inProgress" }),
    ).toBe(true);
  });

  it("shows exempt cases to today's members of the body (its secretary too) and administrators only", () => {
    const body = { membersToday: [{ user_id: 7 }] };
    expect(maySeeExemptCases(null, body)).toBe(false);
    expect(maySeeExemptCases(person(), body)).toBe(true);
    expect(maySeeExemptCases(person({ id: 8 }), body)).toBe(false);
    // Being a coordinator gives no access by itself (issue 10).
    expect(maySeeExemptCases(person({ id: 8, isCoordinator: true }), body)).toBe(false);
    expect(maySeeExemptCases(person({ id: 8, isAdmin: true }), body)).toBe(true);
    // A membership that has ended is not in today's list: no access.
    expect(maySeeExemptCases(person(), { membersToday: [] })).toBe(false);
  });
});

describe("notifications and accounts", () => {
  it("a proposal is seen by everyone once submitted, a draft only by its author, who cannot follow it", () => {
    const draft = { state: "draft", author_id: 7 };
    const submitted = { state: "groupReview", author_id: 8 };
    expect(mayViewProposal(person(), draft)).toBe(true);
    expect(mayViewProposal(person({ id: 9 }), draft)).toBe(false);
    expect(mayFollowProposal(person(), draft)).toBe(false);
    expect(mayFollowProposal(person(), submitted)).toBe(true);
    expect(mayFollowProposal(person({ id: 8 }), submitted)).toBe(true);
  });

  it("a reset link only for an active account with a password that may sign in with it", () => {
    const account = { active: 1, is_admin: 0, password_hash: "scrypt$a$b" };
    expect(mayResetPassword("all", account)).toBe(true);
    expect(mayResetPassword("admins", account)).toBe(false);
    expect(mayResetPassword("admins", { ...account, is_admin: 1 })).toBe(true);
    expect(mayResetPassword("off", { ...account, is_admin: 1 })).toBe(false);
    expect(mayResetPassword("all", { ...account, active: 0 })).toBe(false);
    expect(mayResetPassword("all", { ...account, password_hash: "" })).toBe(false);
  });
});
