import { sql } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { createProposal, getProposal } from "#db/repositories/proposal.repository";
import { historyOfProposal } from "#db/repositories/process.repository";
import { applyProposalEvent } from "~/server/commands/apply-proposal-event.server";
import { assessCompletely, currentUser, makeStrategy, makeWorld, testDb, type World } from "../support/db";

let db: DB;
let world: World;

beforeEach(async () => {
  db = await testDb();
  world = await makeWorld(db);
});

async function submittedProposal() {
  const author = await currentUser(db, world.users.employee);
  const id = await createProposal(db, {
    title: "Felles innbyggerportal",
    background: "b",
    problem: "p",
    solution: "s",
    benefits: "",
    affected: "",
    resources: "",
    authorId: author.id,
    municipalityIds: [world.municipalities.Nordby!],
    suggestedGroupId: null,
    state: "draft",
    now: new Date().toISOString(),
  });
  const result = await applyProposalEvent(db, {
    proposalId: id,
    expectedVersion: 1,
    user: author,
    type: "SUBMIT",
    payload: {},
  });
  expect(result).toEqual({ ok: true, from: "draft", to: "submitted" });
  return id;
}

describe("applyProposalEvent", () => {
  it("moves the state, bumps the version and appends one history row", async () => {
    const id = await submittedProposal();
    const coordinator = await currentUser(db, world.users.coordinator);
    const result = await applyProposalEvent(db, {
      proposalId: id,
      expectedVersion: 2,
      user: coordinator,
      type: "ASSIGN",
      payload: { groupId: world.bodies.groupHealth },
    });
    expect(result).toEqual({ ok: true, from: "submitted", to: "groupReview" });
    const proposal = await getProposal(db, id);
    expect(proposal).toMatchObject({ state: "groupReview", version: 3, group_id: world.bodies.groupHealth });
    const history = await historyOfProposal(db, id);
    expect(history.map((h) => [h.from_state, h.to_state, h.event, h.actor_id])).toEqual([
      ["draft", "submitted", "SUBMIT", world.users.employee],
      ["submitted", "groupReview", "ASSIGN", world.users.coordinator],
    ]);
  });

  it("lets exactly one of two applications on the same version through; the other gets a conflict", async () => {
    const id = await submittedProposal();
    const coordinator = await currentUser(db, world.users.coordinator);
    const leader = await currentUser(db, world.users.groupLeader);
    const [a, b] = await Promise.all([
      applyProposalEvent(db, {
        proposalId: id,
        expectedVersion: 2,
        user: coordinator,
        type: "ASSIGN",
        payload: { groupId: world.bodies.groupHealth },
      }),
      applyProposalEvent(db, {
        proposalId: id,
        expectedVersion: 2,
        user: leader,
        type: "REDIRECT",
        payload: { reason: "Brukerstøtte" },
      }),
    ]);
    const outcomes = [a, b].map((r) => (r.ok ? "ok" : r.status)).sort();
    expect(outcomes).toEqual([409, "ok"]);
    const history = await historyOfProposal(db, id);
    expect(history).toHaveLength(2);
    expect((await getProposal(db, id))!.version).toBe(3);
  });

  it("refuses a stale version with 409 and writes nothing", async () => {
    const id = await submittedProposal();
    const coordinator = await currentUser(db, world.users.coordinator);
    const result = await applyProposalEvent(db, {
      proposalId: id,
      expectedVersion: 1,
      user: coordinator,
      type: "ASSIGN",
      payload: { groupId: world.bodies.groupHealth },
    });
    expect(result).toMatchObject({ ok: false, status: 409 });
    expect((await getProposal(db, id))!.state).toBe("submitted");
    expect(await historyOfProposal(db, id)).toHaveLength(1);
  });

  it("refuses an event the user may not send with 403 and writes nothing", async () => {
    const id = await submittedProposal();
    const employee2 = await currentUser(db, world.users.employee2);
    const result = await applyProposalEvent(db, {
      proposalId: id,
      expectedVersion: 2,
      user: employee2,
      type: "ASSIGN",
      payload: { groupId: world.bodies.groupHealth },
    });
    expect(result).toMatchObject({ ok: false, status: 403 });
    expect(await getProposal(db, id)).toMatchObject({ state: "submitted", version: 2, group_id: null });
    expect(await historyOfProposal(db, id)).toHaveLength(1);
  });

  it("refuses a missing reason with 400 and the field message", async () => {
    const id = await submittedProposal();
    const author = await currentUser(db, world.users.employee);
    const result = await applyProposalEvent(db, {
      proposalId: id,
      expectedVersion: 2,
      user: author,
      type: "WITHDRAW",
      payload: { reason: "  " },
    });
    expect(result).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { reason: ["Skriv en begrunnelse."] },
    });
    expect((await getProposal(db, id))!.state).toBe("submitted");
  });

  it("takes a committee decision only in a committee meeting", async () => {
    const id = await submittedProposal();
    const coordinator = await currentUser(db, world.users.coordinator);
    const member = await currentUser(db, world.users.groupMember);
    const chair = await currentUser(db, world.users.chair);
    const { subGoalIds } = await makeStrategy(db);
    await applyProposalEvent(db, {
      proposalId: id,
      expectedVersion: 2,
      user: coordinator,
      type: "ASSIGN",
      payload: { groupId: world.bodies.groupHealth },
    });
    await assessCompletely(db, id, member.id, subGoalIds[0]!);
    expect(
      await applyProposalEvent(db, {
        proposalId: id,
        expectedVersion: 3,
        user: member,
        type: "RECOMMEND",
        payload: {},
      }),
    ).toMatchObject({
      ok: true,
      to: "committeeReview",
    });
    const outside = await applyProposalEvent(db, {
      proposalId: id,
      expectedVersion: 4,
      user: chair,
      type: "COMMITTEE_APPROVE",
      payload: {},
    });
    expect(outside).toMatchObject({ ok: false, status: 403 });
    const inBoard = await applyProposalEvent(db, {
      proposalId: id,
      expectedVersion: 4,
      user: chair,
      type: "COMMITTEE_APPROVE",
      payload: {},
      meeting: { body: "board", protocolItemId: 1 },
    });
    expect(inBoard).toMatchObject({ ok: false, status: 403 });
    const inMeeting = await applyProposalEvent(db, {
      proposalId: id,
      expectedVersion: 4,
      user: chair,
      type: "COMMITTEE_RECOMMEND",
      payload: {},
      meeting: { body: "committee", protocolItemId: 7 },
    });
    expect(inMeeting).toMatchObject({ ok: true, to: "boardReview" });
    const history = await historyOfProposal(db, id);
    expect(history.at(-1)).toMatchObject({ event: "COMMITTEE_RECOMMEND", protocol_item_id: 7 });
  });

  it("refuses RECOMMEND without a complete assessment and a strategy sub-goal (400)", async () => {
    const id = await submittedProposal();
    const coordinator = await currentUser(db, world.users.coordinator);
    await applyProposalEvent(db, {
      proposalId: id,
      expectedVersion: 2,
      user: coordinator,
      type: "ASSIGN",
      payload: { groupId: world.bodies.groupHealth },
    });
    const member = await currentUser(db, world.users.groupMember);
    const result = await applyProposalEvent(db, {
      proposalId: id,
      expectedVersion: 3,
      user: member,
      type: "RECOMMEND",
      payload: {},
    });
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect((await getProposal(db, id))!.state).toBe("groupReview");
  });

  it("merges a duplicate: closes it and links it to the one it joined", async () => {
    const target = await submittedProposal();
    const duplicate = await submittedProposal();
    const coordinator = await currentUser(db, world.users.coordinator);
    const selfMerge = await applyProposalEvent(db, {
      proposalId: duplicate,
      expectedVersion: 2,
      user: coordinator,
      type: "MERGE",
      payload: { targetId: duplicate },
    });
    expect(selfMerge).toMatchObject({ ok: false, status: 400 });
    const result = await applyProposalEvent(db, {
      proposalId: duplicate,
      expectedVersion: 2,
      user: coordinator,
      type: "MERGE",
      payload: { targetId: target },
    });
    expect(result).toMatchObject({ ok: true, to: "merged" });
    expect((await getProposal(db, duplicate))!.merged_into_id).toBe(target);
  });

  it("unknown proposal is 404; another user's draft is 404", async () => {
    const coordinator = await currentUser(db, world.users.coordinator);
    expect(
      await applyProposalEvent(db, {
        proposalId: 424242,
        expectedVersion: 1,
        user: coordinator,
        type: "ASSIGN",
        payload: { groupId: 1 },
      }),
    ).toMatchObject({ status: 404 });
  });
});

describe("the history table", () => {
  it("refuses UPDATE and DELETE in the database itself", async () => {
    const id = await submittedProposal();
    await expect(
      sql`update proposal_history set reason = 'rewritten' where proposal_id = ${id}`.execute(db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from proposal_history where proposal_id = ${id}`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    expect(await historyOfProposal(db, id)).toHaveLength(1);
  });
});
