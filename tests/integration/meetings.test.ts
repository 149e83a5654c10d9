import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import {
  attendanceOfMeeting,
  decisionsOfMeeting,
  getItem,
  getMeeting,
  itemsOfMeeting,
  protocolItemLinks,
  votesOfMeeting,
} from "#db/repositories/meeting.repository";
import { makeMembership, makeUser } from "#db/factories";
import { historyOfProposal } from "#db/repositories/process.repository";
import { getProposal } from "#db/repositories/proposal.repository";
import type { CurrentUser } from "~/server/auth.server";
import { addProtocolAddendum } from "~/server/commands/add-addendum.server";
import { addCase } from "~/server/commands/add-case.server";
import { applyProposalEvent } from "~/server/commands/apply-proposal-event.server";
import { approveProtocol, firstPresentMembers } from "~/server/commands/approve-protocol.server";
import { declareConflict } from "~/server/commands/declare-conflict.server";
import { editCase } from "~/server/commands/edit-case.server";
import { publishNotice } from "~/server/commands/publish-notice.server";
import { publishProtocol } from "~/server/commands/publish-protocol.server";
import { recordAttendance } from "~/server/commands/record-attendance.server";
import { recordDecision } from "~/server/commands/record-decision.server";
import { meetingTexts } from "~/domain/texts/meetings";
import { currentUser, demoHash, makeWorld, testDb, type World } from "../support/db";
import {
  attend,
  expectOk,
  meetingVersion,
  otherCase,
  plan,
  proposalCase,
  proposalIn,
  proposalVersion,
  publish,
  signAll,
} from "../support/meetings";

const E = meetingTexts.errors;

describe("meetings", () => {
  let db: DB;
  let world: World;
  let coordinator: CurrentUser;
  let committeeMembers: number[];

  beforeEach(async () => {
    db = await testDb();
    world = await makeWorld(db);
    coordinator = await currentUser(db, world.users.coordinator);
    committeeMembers = [world.users.chair, ...world.users.orderers];
  });
  afterEach(async () => {
    await db.destroy();
  });

  const count = async (table: "decision" | "vote" | "protocol_item" | "attendance" | "proposal_history") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const labels = async (meetingId: number) =>
    (await itemsOfMeeting(db, meetingId)).map((i) =>
      i.number === null ? null : `${i.number}/${i.number_year}`,
    );

  async function committeeDecision(
    meetingId: number,
    itemId: number,
    outcome: string,
    votes: Parameters<typeof recordDecision>[1]["votes"] = "unanimous",
    proposalId?: number,
  ) {
    return recordDecision(db, {
      user: coordinator,
      meetingId,
      expectedVersion: await meetingVersion(db, meetingId),
      itemId,
      outcome,
      text: "Vedtak i saken.",
      votes,
      proposalVersion: proposalId ? await proposalVersion(db, proposalId) : undefined,
    });
  }

  describe("case numbers", () => {
    it("are given at publication, sequential per body and year, with no gaps and none reused", async () => {
      const { board, committee } = world.bodies;
      const first = await plan(db, coordinator, board, "2021-02-10");
      const second = await plan(db, coordinator, board, "2021-04-14");
      const committeeMeeting = await plan(db, coordinator, committee, "2021-03-31");
      const nextYear = await plan(db, coordinator, board, "2022-02-09");
      for (const t of ["Årsrapport 2020", "Regnskap 2020"]) await otherCase(db, coordinator, first, t);
      for (const t of ["Økonomirapport", "Orienteringer", "Oppnevning"])
        await otherCase(db, coordinator, second, t);
      await otherCase(db, coordinator, committeeMeeting, "Saker til styret");
      await otherCase(db, coordinator, nextYear, "Budsjett");
      expect(await labels(second)).toEqual([null, null, null]);

      // Published out of date order: numbers follow publication, per body and year.
      expect(await publish(db, coordinator, second)).toEqual([1, 2, 3]);
      expect(await publish(db, coordinator, first)).toEqual([4, 5]);
      expect(await publish(db, coordinator, committeeMeeting)).toEqual([1]);
      expect(await publish(db, coordinator, nextYear)).toEqual([1]);
      expect(await labels(second)).toEqual(["1/2021", "2/2021", "3/2021"]);

      // A case sent after the notice gets the next number at once.
      const late = await otherCase(db, coordinator, first, "Ettersendt sak");
      expect((await getItem(db, late))!.number).toBe(6);
      const links = await protocolItemLinks(db, [late]);
      expect(links).toEqual([
        {
          id: late,
          number: 6,
          numberYear: 2021,
          meetingId: first,
          bodyName: "Rådet",
          bodyCode: "R",
          bodyId: world.bodies.board,
          exempt: false,
          exemptBasis: null,
        },
      ]);
    });

    it("refuses a number another case already has (a damaged counter) with a clear error, writing nothing", async () => {
      const first = await plan(db, coordinator, world.bodies.board, "2021-02-10");
      await otherCase(db, coordinator, first, "Årsrapport");
      await publish(db, coordinator, first);
      const second = await plan(db, coordinator, world.bodies.board, "2021-04-14");
      await otherCase(db, coordinator, second, "Budsjett");
      // Someone restored an old copy of the counter: it would hand out 1 again.
      await db.updateTable("case_number_counter").set({ last_number: 0 }).execute();
      const before = await getMeeting(db, second);
      const result = await publishNotice(db, {
        user: coordinator,
        meetingId: second,
        expectedVersion: before!.version,
      });
      expect(result).toMatchObject({ ok: false, status: 409, message: E.numberCollision });
      expect(await getMeeting(db, second)).toEqual(before);
      expect(await labels(second)).toEqual([null]);
    });

    it("refuses a notice with no cases, and writes nothing", async () => {
      const meeting = await plan(db, coordinator, world.bodies.board, "2021-02-10");
      const before = await getMeeting(db, meeting);
      const result = await publishNotice(db, {
        user: coordinator,
        meetingId: meeting,
        expectedVersion: before!.version,
      });
      expect(result).toMatchObject({ ok: false, status: 400, fieldErrors: { "": [E.noCases] } });
      expect(await getMeeting(db, meeting)).toEqual(before);
    });

    it("gives a deferred case a new number in a later meeting, referring to the earlier one", async () => {
      const proposal = await proposalIn(db, world, "committeeReview");
      const march = await plan(db, coordinator, world.bodies.committee, "2021-03-31");
      await otherCase(db, coordinator, march, "Orientering fra daglig leder");
      const item = await proposalCase(db, coordinator, march, proposal);
      const budget = await otherCase(db, coordinator, march, "Budsjettinnspill");
      expect(await publish(db, coordinator, march)).toEqual([1, 2, 3]);
      await attend(db, coordinator, march, committeeMembers);
      expectOk(await committeeDecision(march, item, "defer", "unanimous", proposal), "defer proposal");
      expectOk(await committeeDecision(march, budget, "defer"), "defer budget");
      expect((await getProposal(db, proposal))!.state).toBe("committeeReview");

      const june = await plan(db, coordinator, world.bodies.committee, "2021-06-02");
      await otherCase(db, coordinator, june, "Ny sak");
      const again = await proposalCase(db, coordinator, june, proposal);
      const result = await addCase(db, {
        user: coordinator,
        meetingId: june,
        expectedVersion: await meetingVersion(db, june),
        form: {
          intent: "addCase",
          version: 0,
          kind: "other",
          deferredFromId: budget,
          presentation: "",
          recommendation: "",
          exempt: false,
        },
      });
      const budgetAgain = expectOk(result, "take up deferred case").itemId;
      expect(await publish(db, coordinator, june)).toEqual([4, 5, 6]);
      const taken = await getItem(db, again);
      expect(taken).toMatchObject({ number: 5, number_year: 2021, deferred_from_id: item });
      expect(await getItem(db, budgetAgain)).toMatchObject({
        title: "Budsjettinnspill",
        number: 6,
        deferred_from_id: budget,
      });
      // The earlier number stays with the earlier meeting.
      expect((await getItem(db, item))!.number).toBe(2);
    });
  });

  describe("votes", () => {
    it("are refused from an absent or conflicted member, or beyond who may vote; nothing is written", async () => {
      const proposal = await proposalIn(db, world, "committeeReview");
      const meeting = await plan(db, coordinator, world.bodies.committee, "2021-03-31");
      const item = await proposalCase(db, coordinator, meeting, proposal);
      await publish(db, coordinator, meeting);
      const [nordby, sorvik, ostdal, vestoy] = world.users.orderers as [number, number, number, number];
      await attend(db, coordinator, meeting, committeeMembers, { absent: [vestoy] });
      expectOk(
        await declareConflict(db, {
          user: coordinator,
          meetingId: meeting,
          expectedVersion: await meetingVersion(db, meeting),
          itemId: item,
          userId: ostdal,
          reason: "Gift med leverandørens daglige leder",
        }),
        "conflict",
      );
      const before = {
        decisions: await count("decision"),
        votes: await count("vote"),
        version: await proposalVersion(db, proposal),
      };
      const tryVotes = (votes: { userId: number; choice: "for" | "against" | "abstain" }[]) =>
        committeeDecision(meeting, item, "recommend", votes, proposal);

      const absent = await tryVotes([
        { userId: vestoy, choice: "for" },
        { userId: nordby, choice: "for" },
      ]);
      expect(absent).toMatchObject({
        ok: false,
        status: 400,
        fieldErrors: { votes: [E.notEntitled("BestillerVestøy")] },
      });
      const conflicted = await tryVotes([
        { userId: ostdal, choice: "for" },
        { userId: nordby, choice: "for" },
      ]);
      expect(conflicted).toMatchObject({ fieldErrors: { votes: [E.conflicted("BestillerØstdal")] } });
      const tooMany = await tryVotes([
        { userId: nordby, choice: "for" },
        { userId: sorvik, choice: "for" },
        { userId: nordby, choice: "against" },
      ]);
      expect(tooMany).toMatchObject({
        fieldErrors: { votes: [E.tooMany(3, 2), E.duplicate("BestillerNordby")] },
      });
      const fails = await tryVotes([
        { userId: nordby, choice: "for" },
        { userId: sorvik, choice: "against" },
      ]);
      expect(fails).toMatchObject({ fieldErrors: { votes: [E.notAdopted] } });

      expect(await count("decision")).toBe(before.decisions);
      expect(await count("vote")).toBe(before.votes);
      expect(await proposalVersion(db, proposal)).toBe(before.version);
    });

    it("carry the member's weight; absence changes the tally and the result follows", async () => {
      // A fifth committee member whose municipality weighs 3.
      const heavy = await makeUser(db, { passwordHash: await demoHash(), name: "Tungvekter" });
      await makeMembership(db, {
        userId: heavy,
        bodyId: world.bodies.committee,
        role: "member",
        voteWeight: 3,
      });
      const members = [...committeeMembers, heavy];
      const [nordby, sorvik, ostdal, vestoy] = world.users.orderers as [number, number, number, number];
      const against = [nordby, sorvik, ostdal, vestoy].map((userId) => ({
        userId,
        choice: "against" as const,
      }));

      // Present: the heavy "for" (3) loses to four light "against" (4).
      const one = await plan(db, coordinator, world.bodies.committee, "2021-03-31");
      const p1 = await proposalIn(db, world, "committeeReview", "Første");
      const i1 = await proposalCase(db, coordinator, one, p1);
      await publish(db, coordinator, one);
      await attend(db, coordinator, one, members);
      const lost = await committeeDecision(
        one,
        i1,
        "recommend",
        [{ userId: heavy, choice: "for" }, ...against],
        p1,
      );
      expect(lost).toMatchObject({ ok: false, fieldErrors: { votes: [E.notAdopted] } });
      // The same committee rejects: adopted 4 to 3, weights stored with the votes.
      const rejected = await committeeDecision(
        one,
        i1,
        "reject",
        [{ userId: heavy, choice: "against" }, ...against.map((a) => ({ ...a, choice: "for" as const }))],
        p1,
      );
      expectOk(rejected, "reject");
      expect((await votesOfMeeting(db, one)).map((v) => [v.user_name, v.choice, v.weight])).toContainEqual([
        "Tungvekter",
        "against",
        3,
      ]);
      expect((await decisionsOfMeeting(db, one))[0]).toMatchObject({
        outcome: "reject",
        vote_result: "adopted",
        unanimous: 0,
      });
      expect((await getProposal(db, p1))!.state).toBe("rejected");

      // Two "against" absent: now the heavy "for" (3) beats two "against" (2).
      const two = await plan(db, coordinator, world.bodies.committee, "2021-06-02");
      const p2 = await proposalIn(db, world, "committeeReview", "Andre");
      const i2 = await proposalCase(db, coordinator, two, p2);
      await publish(db, coordinator, two);
      await attend(db, coordinator, two, members, { absent: [ostdal, vestoy] });
      const won = await committeeDecision(
        two,
        i2,
        "recommend",
        [{ userId: heavy, choice: "for" }, ...against.slice(0, 2)],
        p2,
      );
      expectOk(won, "recommend");
      expect((await getProposal(db, p2))!.state).toBe("boardReview");
    });

    it("'unanimous' records a vote for from everyone entitled, and no one else", async () => {
      const proposal = await proposalIn(db, world, "committeeReview");
      const meeting = await plan(db, coordinator, world.bodies.committee, "2021-03-31");
      const item = await proposalCase(db, coordinator, meeting, proposal);
      await publish(db, coordinator, meeting);
      const [nordby, , ostdal, vestoy] = world.users.orderers as [number, number, number, number];
      await attend(db, coordinator, meeting, committeeMembers, { absent: [vestoy] });
      await declareConflict(db, {
        user: coordinator,
        meetingId: meeting,
        expectedVersion: await meetingVersion(db, meeting),
        itemId: item,
        userId: ostdal,
        reason: "",
      });
      expectOk(await committeeDecision(meeting, item, "recommend", "unanimous", proposal), "unanimous");
      const votes = await votesOfMeeting(db, meeting);
      expect(votes.map((v) => v.user_id).sort()).toEqual([nordby, world.users.orderers[1]].sort());
      expect((await decisionsOfMeeting(db, meeting))[0]).toMatchObject({
        unanimous: 1,
        vote_result: "adopted",
      });
    });
  });

  describe("the right body", () => {
    it("refuses a proposal not waiting for this body, and an outcome this body cannot decide", async () => {
      const atBoard = await proposalIn(db, world, "boardReview");
      const meeting = await plan(db, coordinator, world.bodies.committee, "2021-03-31");
      const refused = await addCase(db, {
        user: coordinator,
        meetingId: meeting,
        expectedVersion: await meetingVersion(db, meeting),
        form: {
          intent: "addCase",
          version: 0,
          kind: "proposal",
          proposalId: atBoard,
          presentation: "",
          recommendation: "",
          exempt: false,
        },
      });
      expect(refused).toMatchObject({
        ok: false,
        status: 400,
        fieldErrors: { proposalId: [E.proposalNotWaiting("Utvalget")] },
      });

      const boardMeeting = await plan(db, coordinator, world.bodies.board, "2021-04-14");
      const item = await proposalCase(db, coordinator, boardMeeting, atBoard);
      await publish(db, coordinator, boardMeeting);
      await attend(db, coordinator, boardMeeting, world.users.boardMembers);
      const wrong = await recordDecision(db, {
        user: coordinator,
        meetingId: boardMeeting,
        expectedVersion: await meetingVersion(db, boardMeeting),
        itemId: item,
        outcome: "recommend",
        text: "Innstilles",
        votes: "unanimous",
        proposalVersion: await proposalVersion(db, atBoard),
      });
      expect(wrong).toMatchObject({
        ok: false,
        status: 400,
        fieldErrors: { outcome: [E.outcomeWrongBody("Rådet")] },
      });
      expect(await count("decision")).toBe(0);
    });

    it("lets only coordinators and the body's chair or secretary run a meeting", async () => {
      const meeting = await plan(db, coordinator, world.bodies.committee, "2021-03-31");
      await otherCase(db, coordinator, meeting, "Sak");
      const orderer = await currentUser(db, world.users.orderers[0]!);
      const result = await publishNotice(db, {
        user: orderer,
        meetingId: meeting,
        expectedVersion: await meetingVersion(db, meeting),
      });
      expect(result).toMatchObject({ ok: false, status: 403 });
      const chair = await currentUser(db, world.users.chair);
      expectOk(
        await publishNotice(db, {
          user: chair,
          meetingId: meeting,
          expectedVersion: await meetingVersion(db, meeting),
        }),
        "chair publishes",
      );
    });
  });

  describe("atomicity of a decision on a proposal", () => {
    async function readyCase() {
      const proposal = await proposalIn(db, world, "committeeReview");
      const meeting = await plan(db, coordinator, world.bodies.committee, "2021-03-31");
      const item = await proposalCase(db, coordinator, meeting, proposal);
      await publish(db, coordinator, meeting);
      await attend(db, coordinator, meeting, committeeMembers);
      const snapshot = async () => ({
        proposal: await getProposal(db, proposal),
        history: await historyOfProposal(db, proposal),
        decisions: await decisionsOfMeeting(db, meeting),
        votes: await votesOfMeeting(db, meeting),
        meeting: await getMeeting(db, meeting),
      });
      return { proposal, meeting, item, snapshot };
    }

    it("moves the proposal with the protocol item recorded in its history", async () => {
      const { proposal, meeting, item } = await readyCase();
      expectOk(await committeeDecision(meeting, item, "recommend", "unanimous", proposal), "recommend");
      expect((await getProposal(db, proposal))!.state).toBe("boardReview");
      const last = (await historyOfProposal(db, proposal)).at(-1)!;
      expect(last).toMatchObject({
        event: "COMMITTEE_RECOMMEND",
        protocol_item_id: item,
        reason: "Vedtak i saken.",
      });
    });

    it("writes neither when the proposal changed after the page was loaded (stale version)", async () => {
      const { proposal, meeting, item, snapshot } = await readyCase();
      const seen = await proposalVersion(db, proposal);
      // The members decided on an older version of the proposal than the one now stored.
      const before = await snapshot();
      const result = await recordDecision(db, {
        user: coordinator,
        meetingId: meeting,
        expectedVersion: before.meeting!.version,
        itemId: item,
        outcome: "recommend",
        text: "Innstilles",
        votes: "unanimous",
        proposalVersion: seen - 1,
      });
      expect(result).toMatchObject({ ok: false, status: 409, message: E.proposalConflict });
      expect(await snapshot()).toEqual(before);
    });

    it("writes neither when the step between the protocol entry and the transition fails", async () => {
      const { proposal, meeting, item, snapshot } = await readyCase();
      const before = await snapshot();
      let entryWritten = false;
      const attempt = recordDecision(db, {
        user: coordinator,
        meetingId: meeting,
        expectedVersion: before.meeting!.version,
        itemId: item,
        outcome: "recommend",
        text: "Innstilles",
        votes: "unanimous",
        proposalVersion: before.proposal!.version,
        afterProtocolEntry: async (trx) => {
          entryWritten = (await decisionsOfMeeting(trx, meeting)).length === 1;
          throw new Error("disk full");
        },
      });
      await expect(attempt).rejects.toThrow("disk full");
      expect(entryWritten).toBe(true);
      expect(await snapshot()).toEqual(before);
      expect((await getProposal(db, proposal))!.state).toBe("committeeReview");
    });

    it("writes neither when the proposal was withdrawn in the same moment", async () => {
      const { proposal, meeting, item, snapshot } = await readyCase();
      const submitter = await currentUser(db, world.users.employee);
      const before = await snapshot();
      const result = await recordDecision(db, {
        user: coordinator,
        meetingId: meeting,
        expectedVersion: before.meeting!.version,
        itemId: item,
        outcome: "recommend",
        text: "Innstilles",
        votes: "unanimous",
        proposalVersion: before.proposal!.version,
        // The submitter's withdrawal lands between the protocol entry and the transition.
        afterProtocolEntry: async (trx) => {
          const withdrawn = await applyProposalEvent(trx, {
            proposalId: proposal,
            expectedVersion: before.proposal!.version,
            user: submitter,
            type: "WITHDRAW",
            payload: { reason: "Trekker det" },
          });
          expect(withdrawn.ok).toBe(true);
        },
      });
      expect(result).toMatchObject({ ok: false, status: 409, message: E.proposalNotWaiting("Utvalget") });
      expect(await snapshot()).toEqual(before);
    });
  });

  describe("a proposal that leaves the agenda's body before the meeting decides", () => {
    it("can only be taken note of, so the protocol can still be closed", async () => {
      const proposal = await proposalIn(db, world, "committeeReview");
      const meeting = await plan(db, coordinator, world.bodies.committee, "2021-03-31");
      const item = await proposalCase(db, coordinator, meeting, proposal);
      await publish(db, coordinator, meeting);
      await attend(db, coordinator, meeting, committeeMembers);
      const submitter = await currentUser(db, world.users.employee);
      expectOk(
        await applyProposalEvent(db, {
          proposalId: proposal,
          expectedVersion: await proposalVersion(db, proposal),
          user: submitter,
          type: "WITHDRAW",
          payload: { reason: "Løst på annen måte" },
        }),
        "withdraw",
      );
      expect(await committeeDecision(meeting, item, "recommend", "unanimous", proposal)).toMatchObject({
        ok: false,
        status: 400,
        fieldErrors: { outcome: [E.outcomeWrongBody("Utvalget")] },
      });
      expectOk(await committeeDecision(meeting, item, "noted", []), "noted");
      expect((await getProposal(db, proposal))!.state).toBe("withdrawn");
      expectOk(
        await approveProtocol(db, {
          user: coordinator,
          meetingId: meeting,
          expectedVersion: await meetingVersion(db, meeting),
          signers: await firstPresentMembers(db, meeting),
        }),
        "approve",
      );
    });
  });

  describe("an approved protocol", () => {
    it("refuses every change, on the server and in the database; addenda are dated and kept", async () => {
      const meeting = await plan(db, coordinator, world.bodies.board, "2021-04-14");
      const item = await otherCase(db, coordinator, meeting, "Årsrapport 2020");
      await publish(db, coordinator, meeting);
      await attend(db, coordinator, meeting, world.users.boardMembers);
      expect(
        await approveProtocol(db, {
          user: coordinator,
          meetingId: meeting,
          expectedVersion: await meetingVersion(db, meeting),
        }),
      ).toMatchObject({
        ok: false,
        status: 400,
        fieldErrors: { "": [E.undecided] },
      });
      expectOk(
        await recordDecision(db, {
          user: coordinator,
          meetingId: meeting,
          expectedVersion: await meetingVersion(db, meeting),
          itemId: item,
          outcome: "noted",
          text: "Tatt til orientering.",
          votes: [],
        }),
        "noted",
      );
      expectOk(
        await approveProtocol(db, {
          user: coordinator,
          meetingId: meeting,
          expectedVersion: await meetingVersion(db, meeting),
        }),
        "approve",
      );

      const before = {
        items: await itemsOfMeeting(db, meeting),
        attendance: await attendanceOfMeeting(db, meeting),
        decisions: await decisionsOfMeeting(db, meeting),
      };
      const v = await meetingVersion(db, meeting);
      const frozen = { ok: false, status: 409, message: E.frozen };
      expect(
        await addCase(db, {
          user: coordinator,
          meetingId: meeting,
          expectedVersion: v,
          form: {
            intent: "addCase",
            version: 0,
            kind: "other",
            title: "Ny",
            presentation: "",
            recommendation: "",
            exempt: false,
          },
        }),
      ).toMatchObject(frozen);
      expect(
        await editCase(db, {
          user: coordinator,
          meetingId: meeting,
          meetingVersion: v,
          itemId: item,
          form: { version: 1, title: "Endret", presentation: "", recommendation: "", exempt: false },
        }),
      ).toMatchObject(frozen);
      expect(
        await recordAttendance(db, {
          user: coordinator,
          meetingId: meeting,
          expectedVersion: v,
          attendance: {
            members: Object.fromEntries(world.users.boardMembers.map((id) => [id, "absent"])),
            substitutes: {},
          },
        }),
      ).toMatchObject(frozen);
      expect(
        await declareConflict(db, {
          user: coordinator,
          meetingId: meeting,
          expectedVersion: v,
          itemId: item,
          userId: world.users.boardMembers[0]!,
          reason: "",
        }),
      ).toMatchObject(frozen);

      // The database refuses too, whatever code tries.
      await expect(
        db.updateTable("protocol_item").set({ title: "Endret" }).where("id", "=", item).execute(),
      ).rejects.toThrow(/protocol approved/);
      await expect(db.updateTable("decision").set({ text: "Endret" }).execute()).rejects.toThrow(
        /protocol approved/,
      );
      await expect(db.deleteFrom("attendance").where("meeting_id", "=", meeting).execute()).rejects.toThrow(
        /protocol approved/,
      );
      await expect(
        db.updateTable("meeting").set({ place: "Et annet sted" }).where("id", "=", meeting).execute(),
      ).rejects.toThrow(/protocol approved/);
      await expect(
        db
          .insertInto("vote")
          .values({ protocol_item_id: item, user_id: world.users.boardMembers[0]!, choice: "for", weight: 1 })
          .execute(),
      ).rejects.toThrow(/protocol approved/);
      expect({
        items: await itemsOfMeeting(db, meeting),
        attendance: await attendanceOfMeeting(db, meeting),
        decisions: await decisionsOfMeeting(db, meeting),
      }).toEqual(before);

      expectOk(
        await addProtocolAddendum(db, {
          user: coordinator,
          meetingId: meeting,
          expectedVersion: await meetingVersion(db, meeting),
          text: "Rettelse: møtet startet kl. 10.15.",
          now: new Date("2021-04-20T08:00:00Z"),
        }),
        "addendum",
      );
      await signAll(db, meeting);
      expectOk(
        await publishProtocol(db, {
          user: coordinator,
          meetingId: meeting,
          expectedVersion: await meetingVersion(db, meeting),
        }),
        "publish protocol",
      );
      await expect(db.deleteFrom("protocol_addendum").execute()).rejects.toThrow(/append-only/);
      expect((await getMeeting(db, meeting))!.status).toBe("protocolPublished");
    });
  });
});
