import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { getItem, getMeeting, signersOfMeeting } from "#db/repositories/meeting.repository";
import { historyOfProposal } from "#db/repositories/process.repository";
import { osloNow, today as osloToday } from "#workflows/dates";
import { recordTexts } from "~/domain/texts/records";
import type { CurrentUser } from "~/server/auth.server";
import { addCase } from "~/server/commands/add-case.server";
import { approveReport } from "~/server/commands/approve-report.server";
import { markReportFinalCommand } from "~/server/commands/mark-report-final.server";
import { reportDocx } from "~/server/report-docx.server";
import { reportFile } from "~/server/report-files.server";
import { reportApprovalLines, reportApprovalMarkdown, yearReport } from "~/server/report.server";
import { readZipEntry } from "../support/unzip";
import { approveProtocol, signProtocol } from "~/server/commands/approve-protocol.server";
import { publishProtocol } from "~/server/commands/publish-protocol.server";
import { editCase } from "~/server/commands/edit-case.server";
import { meetingHasStarted } from "~/server/commands/meeting-command.server";
import { recordAttendance } from "~/server/commands/record-attendance.server";
import { recordDecision } from "~/server/commands/record-decision.server";
import { currentUser, makeWorld, testDb, type World } from "../support/db";
import {
  attend,
  expectOk,
  meetingVersion,
  otherCase,
  plan,
  proposalIn,
  proposalVersion,
  publish,
} from "../support/meetings";

/**
 * Issue 10: exemption follows the matter and never leaks into what is not exempt, the board
 * decides in its own words, and a meeting is held only when it has begun. Through the real
 * commands on a real SQLite database.
 */
describe("records that hold up", () => {
  let db: DB;
  let world: World;
  let coordinator: CurrentUser;
  const basis = "offl. § 13 jf. fvl. § 13";
  const secret = {
    presentation: "Helseopplysninger om en navngitt ansatt",
    decision: "Utvalget innstiller hemmelig",
  };

  beforeEach(async () => {
    db = await testDb();
    world = await makeWorld(db);
    coordinator = await currentUser(db, world.users.coordinator);
  });
  afterEach(async () => {
    await db.destroy();
  });

  const rows = async (table: "protocol_item" | "proposal_history") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** A proposal recommended by the committee in an exempt case (2021); returns it and the committee case. */
  async function exemptCommitteeCase(title = "Digital postkasse") {
    const proposal = await proposalIn(db, world, "committeeReview", title);
    const meeting = await plan(db, coordinator, world.bodies.committee, "2021-03-31");
    const item = expectOk(
      await addCase(db, {
        user: coordinator,
        meetingId: meeting,
        expectedVersion: await meetingVersion(db, meeting),
        form: {
          intent: "addCase",
          version: 0,
          kind: "proposal",
          proposalId: proposal,
          presentation: secret.presentation,
          recommendation: "",
          exempt: true,
          exemptBasis: basis,
        },
      }),
      "exempt case",
    ).itemId;
    await publish(db, coordinator, meeting);
    await attend(db, coordinator, meeting, [world.users.chair, ...world.users.orderers]);
    expectOk(
      await recordDecision(db, {
        user: coordinator,
        meetingId: meeting,
        expectedVersion: await meetingVersion(db, meeting),
        itemId: item,
        outcome: "recommend",
        text: secret.decision,
        votes: "unanimous",
        proposalVersion: await proposalVersion(db, proposal),
      }),
      "recommend",
    );
    return { proposal, committeeItem: item };
  }

  const boardCase = async (meeting: number, proposal: number, extra: Record<string, unknown> = {}) =>
    addCase(db, {
      user: coordinator,
      meetingId: meeting,
      expectedVersion: await meetingVersion(db, meeting),
      form: {
        intent: "addCase",
        version: 0,
        kind: "proposal",
        proposalId: proposal,
        presentation: "",
        recommendation: "",
        exempt: false,
        ...extra,
      },
    });

  it("keeps the exempt committee decision out of the proposal's history", async () => {
    const { proposal } = await exemptCommitteeCase();
    const history = await historyOfProposal(db, proposal);
    const decision = history.find((h) => h.event === "COMMITTEE_RECOMMEND")!;
    expect(decision.reason).toBe(recordTexts.exempt.marker(basis));
    expect(JSON.stringify(history)).not.toContain(secret.decision);
  });

  it("makes the board case exempt with the same basis, in the board's own words", async () => {
    const { proposal, committeeItem } = await exemptCommitteeCase("Velferdsteknologi i Nordby");
    const meeting = await plan(db, coordinator, world.bodies.board, "2021-04-14");
    const itemId = expectOk(await boardCase(meeting, proposal), "board case").itemId;
    const item = (await getItem(db, itemId))!;
    expect(item).toMatchObject({ exempt: 1, exempt_basis: basis, exempt_from_item_id: committeeItem });
    expect(item.recommendation).toBe(
      recordTexts.board.proposedDecision("Rådet", "Velferdsteknologi i Nordby"),
    );
    expect(item.recommendation).not.toContain("innstiller");
    expect(item.presentation).toContain(recordTexts.board.recommendationHeading("Utvalget", "U-sak 1/2021"));
    expect(item.presentation).toContain(secret.decision);
  });

  it("lifts the exemption only with a reason, which is kept, and then copies no exempt text", async () => {
    const { proposal } = await exemptCommitteeCase();
    const meeting = await plan(db, coordinator, world.bodies.board, "2021-04-14");
    const before = await rows("protocol_item");
    const refused = await boardCase(meeting, proposal, { liftExemption: true });
    expect(refused).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { liftReason: [recordTexts.exempt.liftReasonRequired] },
    });
    expect(await rows("protocol_item")).toBe(before);

    const itemId = expectOk(
      await boardCase(meeting, proposal, {
        liftExemption: true,
        liftReason: "Personopplysningene er tatt ut.",
      }),
      "lifted",
    ).itemId;
    const item = (await getItem(db, itemId))!;
    expect(item).toMatchObject({
      exempt: 0,
      exempt_basis: null,
      exempt_lifted_reason: "Personopplysningene er tatt ut.",
      exempt_lifted_by: coordinator.id,
    });
    expect(`${item.title} ${item.presentation} ${item.recommendation}`).not.toContain(secret.decision);
    expect(`${item.presentation}`).not.toContain(secret.presentation);
    expect(item.presentation).toContain(recordTexts.exempt.marker(basis));
  });

  it("refuses to lift a case's exemption in its edit form without a reason, and keeps the reason", async () => {
    const meeting = await plan(db, coordinator, world.bodies.committee, "2021-03-31");
    const itemId = await otherCase(db, coordinator, meeting, "Personalsak", {
      exempt: true,
      exemptBasis: basis,
    });
    // The secretary of the body may read (and so edit) its exempt cases.
    await db
      .insertInto("membership")
      .values({
        user_id: coordinator.id,
        body_id: world.bodies.committee,
        role: "secretary",
        municipality_id: null,
        vote_weight: 0,
        valid_from: "2019-01-01",
        valid_to: null,
      })
      .execute();
    const edit = async (form: Record<string, unknown>) =>
      editCase(db, {
        user: coordinator,
        meetingId: meeting,
        meetingVersion: await meetingVersion(db, meeting),
        itemId,
        form: {
          version: (await getItem(db, itemId))!.version,
          title: "Personalsak",
          presentation: "",
          recommendation: "",
          exempt: false,
          ...form,
        },
      });
    expect(await edit({})).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { liftReason: [recordTexts.exempt.liftReasonRequired] },
    });
    expect((await getItem(db, itemId))!.exempt).toBe(1);
    expectOk(await edit({ liftReason: "Saken gjelder ikke lenger enkeltpersoner." }), "lift");
    expect(await getItem(db, itemId)).toMatchObject({
      exempt: 0,
      exempt_lifted_reason: "Saken gjelder ikke lenger enkeltpersoner.",
    });
  });

  it("refuses exempt cases to an organiser who is not a member of the body today", async () => {
    const meeting = await plan(db, coordinator, world.bodies.committee, "2021-03-31");
    const itemId = await otherCase(db, coordinator, meeting, "Personalsak", {
      exempt: true,
      exemptBasis: basis,
    });
    const result = await editCase(db, {
      user: coordinator,
      meetingId: meeting,
      meetingVersion: await meetingVersion(db, meeting),
      itemId,
      form: {
        version: 1,
        title: "Endret",
        presentation: "",
        recommendation: "",
        exempt: true,
        exemptBasis: basis,
      },
    });
    expect(result).toMatchObject({ ok: false, status: 403 });
    expect((await getItem(db, itemId))!.title).toBe("Personalsak");
  });

  it("refuses attendance and decisions before the meeting's start in Oslo time, writing nothing", async () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000);
    const date = osloToday(tomorrow);
    const meeting = await plan(db, coordinator, world.bodies.board, date);
    await otherCase(db, coordinator, meeting, "Budsjett");
    await publish(db, coordinator, meeting);
    const version = await meetingVersion(db, meeting);
    const result = await recordAttendance(db, {
      user: coordinator,
      meetingId: meeting,
      expectedVersion: version,
      attendance: {
        members: Object.fromEntries(world.users.boardMembers.map((id) => [id, "present"])),
        substitutes: {},
      },
    });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain("Fremmøte og vedtak kan først føres når møtet har begynt");
    const after = (await getMeeting(db, meeting))!;
    expect(after.status).toBe("noticePublished");
    expect(after.version).toBe(version);
    expect(await db.selectFrom("attendance").selectAll().where("meeting_id", "=", meeting).execute()).toEqual(
      [],
    );

    // At the start, 10:00 on the clock in Oslo (an hour or two before in UTC), it is allowed.
    const atStart = ["+01:00", "+02:00"]
      .map((offset) => new Date(`${date}T10:00:00${offset}`))
      .find((d) => osloNow(d) === `${date}T10:00`)!;
    expect(meetingHasStarted(`${date}T10:00`, new Date(atStart.getTime() - 60_000))).toBe(false);
    expectOk(
      await recordAttendance(db, {
        user: coordinator,
        meetingId: meeting,
        expectedVersion: version,
        attendance: {
          members: Object.fromEntries(world.users.boardMembers.map((id) => [id, "present"])),
          substitutes: {},
        },
        now: atStart,
      }),
      "attendance at the start",
    );
  });

  describe("signed protocols", () => {
    async function heldMeeting(body: "board" | "committee") {
      const meeting = await plan(db, coordinator, world.bodies[body], "2021-04-14");
      const item = await otherCase(db, coordinator, meeting, "Årsrapport 2020");
      await publish(db, coordinator, meeting);
      const members =
        body === "board" ? world.users.boardMembers : [world.users.chair, ...world.users.orderers];
      await attend(db, coordinator, meeting, members, { absent: [members[members.length - 1]!] });
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
      return { meeting, members };
    }
    const signatures = async (meeting: number) =>
      (await signersOfMeeting(db, meeting)).map((s) => [s.user_id, s.role, s.signed_at !== null]);
    const sign = async (userId: number, meetingId: number) =>
      signProtocol(db, { user: await currentUser(db, userId), meetingId });

    it("has every board member present sign; it is final, and publishable, only when all have", async () => {
      const { meeting, members } = await heldMeeting("board");
      expectOk(
        await approveProtocol(db, {
          user: coordinator,
          meetingId: meeting,
          expectedVersion: await meetingVersion(db, meeting),
        }),
        "approve",
      );
      const present = members.slice(0, -1);
      expect((await signatures(meeting)).map(([id]) => id).sort()).toEqual([...present].sort());
      const publishing = async () =>
        publishProtocol(db, {
          user: coordinator,
          meetingId: meeting,
          expectedVersion: await meetingVersion(db, meeting),
        });
      expect(await publishing()).toMatchObject({
        ok: false,
        fieldErrors: { "": [recordTexts.signing.notFinal] },
      });

      // The absent member and the organiser are no signers: refused with a message, nothing written.
      for (const outsider of [members[members.length - 1]!, coordinator.id])
        expect(await sign(outsider, meeting)).toMatchObject({
          ok: false,
          status: 400,
          fieldErrors: { "": [recordTexts.signing.notSigner] },
        });
      expectOk(await sign(present[0]!, meeting), "first signature");
      expect(await sign(present[0]!, meeting)).toMatchObject({
        fieldErrors: { "": [recordTexts.signing.alreadySigned] },
      });
      const before = await signatures(meeting);
      expect(before.filter(([, , signed]) => signed)).toHaveLength(1);
      for (const id of present.slice(1)) expectOk(await sign(id, meeting), "signature");
      expect(await sign(present[0]!, meeting)).toMatchObject({
        fieldErrors: { "": [recordTexts.signing.final] },
      });
      expectOk(
        await publishProtocol(db, {
          user: coordinator,
          meetingId: meeting,
          expectedVersion: await meetingVersion(db, meeting),
        }),
        "publish",
      );
      // A signature is never taken back, whatever code tries.
      await expect(db.updateTable("protocol_signer").set({ signed_at: null }).execute()).rejects.toThrow(
        /signed/,
      );
    });

    it("has the committee's chair and one member chosen in the meeting sign", async () => {
      const { meeting } = await heldMeeting("committee");
      const approve = (signers: number[]) =>
        meetingVersion(db, meeting).then((v) =>
          approveProtocol(db, { user: coordinator, meetingId: meeting, expectedVersion: v, signers }),
        );
      expect(await approve([])).toMatchObject({
        ok: false,
        fieldErrors: { signers: [recordTexts.signing.chooseMembers(1)] },
      });
      expect(await approve(world.users.orderers.slice(0, 2))).toMatchObject({ ok: false, status: 400 });
      expect(await signatures(meeting)).toEqual([]);
      // The last orderer was absent: not eligible.
      expect(await approve([world.users.orderers[3]!])).toMatchObject({
        fieldErrors: { signers: [recordTexts.signing.notPresent] },
      });
      expectOk(await approve([world.users.orderers[1]!]), "approve");
      expect(await signatures(meeting)).toEqual([
        [world.users.chair, "chair", false],
        [world.users.orderers[1]!, "member", false],
      ]);
    });
  });

  describe("the annual report's approval", () => {
    it("is given per member municipality by its chief executive once the report is final, and is in the Word file", async () => {
      const approve = async (userId: number) =>
        approveReport(db, {
          year: 2021,
          user: await currentUser(db, userId),
          now: new Date("2022-03-30T10:00:00Z"),
        });
      const [chiefNordby, chiefSorvik] = world.users.boardMembers;
      const rowsNow = () => db.selectFrom("annual_report_approval").selectAll().execute();
      expect(await approve(chiefNordby!)).toMatchObject({
        ok: false,
        status: 400,
        message: recordTexts.reportApproval.notFinal,
      });
      expectOk(await markReportFinalCommand(db, { year: 2021, user: coordinator }), "final");
      expect(await approve(world.users.employee)).toMatchObject({
        message: recordTexts.reportApproval.notChiefExecutive,
      });
      expect(await approve(coordinator.id)).toMatchObject({
        message: recordTexts.reportApproval.notChiefExecutive,
      });
      expect(await rowsNow()).toEqual([]);
      expectOk(await approve(chiefNordby!), "Nordby approves");
      expect(await approve(chiefNordby!)).toMatchObject({
        message: recordTexts.reportApproval.alreadyApproved,
      });
      expectOk(await approve(chiefSorvik!), "Sørvik approves");
      expect(await rowsNow()).toHaveLength(2);

      const lines = await reportApprovalLines(db, 2021);
      expect(lines.map((l) => l.text)).toEqual([
        "Nordby kommune: godkjent av StyreNordby, kommunedirektør, 30.3.2022 kl. 12:00",
        "Sørvik kommune: godkjent av StyreSørvik, kommunedirektør, 30.3.2022 kl. 12:00",
        "Vestøy kommune: ikke godkjent ennå",
        "Østdal kommune: ikke godkjent ennå",
      ]);
      const { model, status } = await yearReport(db, 2021);
      const xml = readZipEntry(new Uint8Array(await reportDocx(model, status, lines)), "word/document.xml");
      expect(xml).toContain("Godkjenning");
      expect(xml).toContain("Nordby kommune: godkjent av StyreNordby, kommunedirektør");
      expect(xml).toContain("Østdal kommune: ikke godkjent ennå");
      const md = reportApprovalMarkdown(status, lines);
      expect(md).toContain("## Godkjenning");
      expect(md).toContain("- Nordby kommune: godkjent av StyreNordby, kommunedirektør");
    });

    it("renders a final report's files once and serves the stored bytes; an approval makes a new file", async () => {
      const stored = () =>
        db
          .selectFrom("frozen_document")
          .selectAll()
          .where("kind", "=", "report")
          .orderBy("created_at")
          .execute();
      // A draft is composed on every request and never stored.
      expect((await reportFile(db, 2021, "docx")).fileName).toBe("arsrapport-2021-utkast.docx");
      expect(await stored()).toEqual([]);

      expectOk(await markReportFinalCommand(db, { year: 2021, user: coordinator }), "final");
      const first = await reportFile(db, 2021, "docx", new Date("2022-04-01T10:00:00Z"));
      expect(first.fileName).toBe("arsrapport-2021.docx");
      const [row] = await stored();
      expect(row).toMatchObject({ key: expect.stringMatching(/^2021:/), format: "docx" });
      expect(Buffer.from(row!.content, "base64").equals(first.content)).toBe(true);

      // The next request gets the stored bytes, not a new rendering: a changed stored copy shows it.
      // (A new rendering would differ anyway: the Word file's parts carry the time they were made.)
      const marker = Buffer.from("the stored copy");
      await db
        .updateTable("frozen_document")
        .set({ content: marker.toString("base64") })
        .where("kind", "=", "report")
        .execute();
      expect(
        (await reportFile(db, 2021, "docx", new Date("2022-05-01T10:00:00Z"))).content.equals(marker),
      ).toBe(true);
      expect(await stored()).toHaveLength(1);

      // Chapter 7 grows after the report is final: an approval gives a new file, rendered once.
      expectOk(
        await approveReport(db, {
          year: 2021,
          user: await currentUser(db, world.users.boardMembers[0]!),
          now: new Date("2022-05-02T10:00:00Z"),
        }),
        "approve",
      );
      const approved = await reportFile(db, 2021, "docx", new Date("2022-05-03T10:00:00Z"));
      expect(readZipEntry(new Uint8Array(approved.content), "word/document.xml")).toContain(
        "Nordby kommune: godkjent av StyreNordby, kommunedirektør",
      );
      expect(await stored()).toHaveLength(2);
      expect((await reportFile(db, 2021, "docx")).content.equals(approved.content)).toBe(true);
      // Markdown and CSV are kept the same way, each once.
      const md = await reportFile(db, 2021, "md");
      expect(md.content.toString("utf8")).toContain("## Godkjenning");
      expect((await reportFile(db, 2021, "md")).content.equals(md.content)).toBe(true);
      expect(await stored()).toHaveLength(3);
    });
  });
});
