import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { unzipSync, strFromU8 } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { getFollowup } from "#db/repositories/followup.repository";
import { renameBody } from "#db/repositories/organisation.repository";
import { createProposal, getProposal } from "#db/repositories/proposal.repository";
import type { ProposalEventType } from "#workflows/proposal.machine";
import { entryHeading, reportMarkdown, type ReportBlock, type ReportModel } from "~/domain/report-document";
import { followupTexts, reportTexts } from "~/domain/texts/report";
import type { CurrentUser } from "~/server/auth.server";
import { applyProposalEvent } from "~/server/commands/apply-proposal-event.server";
import { completeWork } from "~/server/commands/complete-work.server";
import { markReportFinalCommand } from "~/server/commands/mark-report-final.server";
import { recordDecision } from "~/server/commands/record-decision.server";
import { saveReportTextCommand } from "~/server/commands/save-report-text.server";
import { startWork } from "~/server/commands/start-work.server";
import { reportDocx } from "~/server/report-docx.server";
import { liveReport, reportFigures, yearReport } from "~/server/report.server";
import { assessCompletely, currentUser, makeStrategy, makeWorld, testDb, type World } from "../support/db";
import {
  attend,
  expectOk,
  meetingVersion,
  otherCase,
  plan,
  proposalCase,
  proposalVersion,
  publish,
} from "../support/meetings";

/**
 * The annual report's figures, computed from a year the test builds through the real commands:
 * proposals moved by `applyProposalEvent`, decided in meetings by `recordDecision`, started and
 * completed by the follow-up commands; meetings planned, published and held by the meeting commands.
 */
describe("annual report", () => {
  let db: DB;
  let world: World;
  let coordinator: CurrentUser;
  let subGoal: number;
  const ids: Record<string, number> = {};

  const at = (iso: string) => new Date(`${iso}T10:00:00.000Z`);

  async function event(id: number, userId: number, type: ProposalEventType, on: string, payload = {}) {
    const result = await applyProposalEvent(db, {
      proposalId: id,
      expectedVersion: await proposalVersion(db, id),
      user: await currentUser(db, userId),
      type,
      payload,
      now: at(on),
    });
    expectOk(result, `${type} of #${id}`);
  }

  /** A proposal submitted on a day, assigned, assessed and recommended to the committee (or left with the group). */
  async function proposal(title: string, municipalities: string[], submitted: string, recommend = true) {
    const id = await createProposal(db, {
      title,
      background: "Bakgrunn",
      problem: "Problem",
      solution: "Løsning",
      benefits: "Gevinst",
      affected: "",
      resources: "",
      authorId: world.users.employee,
      municipalityIds: municipalities.map((m) => world.municipalities[m]!),
      suggestedGroupId: null,
      state: "draft",
      now: `${submitted}T08:00:00.000Z`,
    });
    await event(id, world.users.employee, "SUBMIT", submitted);
    await event(id, world.users.coordinator, "ASSIGN", submitted, { groupId: world.bodies.groupHealth });
    if (recommend) {
      await assessCompletely(db, id, world.users.groupLeader, subGoal);
      await event(id, world.users.groupLeader, "RECOMMEND", submitted);
    }
    return id;
  }

  async function decide(
    meetingId: number,
    itemId: number,
    proposalId: number | null,
    outcome: string,
    on: string,
    text = "Vedtak i saken.",
  ) {
    expectOk(
      await recordDecision(db, {
        user: coordinator,
        meetingId,
        expectedVersion: await meetingVersion(db, meetingId),
        itemId,
        outcome,
        text,
        votes: "unanimous",
        proposalVersion: proposalId ? await proposalVersion(db, proposalId) : undefined,
        now: at(on),
      }),
      `decision ${outcome}`,
    );
  }

  const committeeMembers = () => [world.users.chair, ...world.users.orderers];

  beforeEach(async () => {
    db = await testDb();
    world = await makeWorld(db);
    coordinator = await currentUser(db, world.users.coordinator);
    subGoal = (await makeStrategy(db)).subGoalIds[0]!;
    // The committee is renamed after the year: the 2021 report keeps its 2021 name.
    await renameBody(db, {
      bodyId: world.bodies.committee,
      name: "Porteføljeutvalget",
      validFrom: "2022-01-01",
    });

    ids.all = await proposal(
      "Digital søknad – hele regionen",
      ["Nordby", "Sørvik", "Østdal", "Vestøy"],
      "2021-01-10",
    );
    ids.two = await proposal("Felles journal", ["Nordby", "Sørvik"], "2021-02-01");
    ids.rejected = await proposal("Avslått forslag", ["Nordby"], "2021-02-15");
    ids.one = await proposal("Smarte målere", ["Østdal"], "2021-02-20");
    ids.waiting = await proposal("Venter i gruppen", ["Sørvik"], "2021-03-01", false);

    // Committee, 10 March: four proposal cases and one other case = 5 protocol items.
    const committee = await plan(db, coordinator, world.bodies.committee, "2021-03-10");
    const items = {
      all: await proposalCase(db, coordinator, committee, ids.all),
      two: await proposalCase(db, coordinator, committee, ids.two),
      rejected: await proposalCase(db, coordinator, committee, ids.rejected),
      one: await proposalCase(db, coordinator, committee, ids.one),
    };
    await otherCase(db, coordinator, committee, "Orientering fra daglig leder");
    await publish(db, coordinator, committee);
    await attend(db, coordinator, committee, committeeMembers());
    await decide(committee, items.all, ids.all, "approve", "2021-03-10");
    await decide(committee, items.two, ids.two, "recommend", "2021-03-10");
    await decide(
      committee,
      items.rejected,
      ids.rejected,
      "reject",
      "2021-03-10",
      "Dekkes av eksisterende løsning.",
    );
    await decide(committee, items.one, ids.one, "approve", "2021-03-10");

    // Board, 14 April: the recommended proposal and two other cases; 1 September: one case.
    const april = await plan(db, coordinator, world.bodies.board, "2021-04-14");
    const boardItem = await proposalCase(db, coordinator, april, ids.two);
    await otherCase(db, coordinator, april, "Regnskap 2020");
    await otherCase(db, coordinator, april, "Mandater for faggruppene");
    await publish(db, coordinator, april);
    await attend(db, coordinator, april, world.users.boardMembers);
    await decide(april, boardItem, ids.two, "approve", "2021-04-14");
    const september = await plan(db, coordinator, world.bodies.board, "2021-09-01");
    await otherCase(db, coordinator, september, "Strategi: hovedmål og delmål");
    await publish(db, coordinator, september);
    await attend(db, coordinator, september, world.users.boardMembers);
    // Not held (only planned), and held in another year: neither counts for 2021.
    const december = await plan(db, coordinator, world.bodies.board, "2021-12-01");
    await otherCase(db, coordinator, december, "Budsjett 2022");
    const nextYear = await plan(db, coordinator, world.bodies.board, "2022-02-09");
    await otherCase(db, coordinator, nextYear, "Årsrapport 2021");
    await publish(db, coordinator, nextYear);
    await attend(db, coordinator, nextYear, world.users.boardMembers);

    // Follow-up through the commands: one started and completed, one started.
    expectOk(
      await startWork(db, {
        proposalId: ids.all,
        user: coordinator,
        form: {
          version: await proposalVersion(db, ids.all),
          projectLeadId: world.users.groupLeader,
          startDate: "2021-03-15",
          plannedEnd: "2021-06-30",
        },
        now: at("2021-03-15"),
      }),
      "start",
    );
    expectOk(
      await completeWork(db, {
        proposalId: ids.all,
        user: await currentUser(db, world.users.groupLeader),
        form: {
          version: await proposalVersion(db, ids.all),
          completedOn: "2021-06-01",
          realisedBenefits: "Halvparten av søknadene kommer digitalt.",
          reportText: "Alle fire kommunene tok i bruk digital søknad.",
        },
        now: at("2021-06-01"),
      }),
      "complete",
    );
    expectOk(
      await startWork(db, {
        proposalId: ids.two,
        user: coordinator,
        form: {
          version: await proposalVersion(db, ids.two),
          projectLeadId: world.users.coordinator,
          startDate: "2021-05-01",
          plannedEnd: "2022-06-30",
        },
        now: at("2021-05-01"),
      }),
      "start",
    );
  });

  afterEach(async () => {
    await db.destroy();
  });

  const paragraphs = (model: ReportModel) =>
    model.blocks
      .filter((b): b is Extract<ReportBlock, { kind: "paragraph" }> => b.kind === "paragraph")
      .map((b) => b.text);
  const entries = (model: ReportModel) =>
    model.blocks.filter((b): b is Extract<ReportBlock, { kind: "entry" }> => b.kind === "entry");

  it("counts meetings held and protocol items per body, under the names of that year", async () => {
    const { figures } = await reportFigures(db, 2021, at("2026-11-26"));
    expect(figures.governance.map(({ name, meetings, items }) => ({ name, meetings, items }))).toEqual([
      { name: "Rådet", meetings: 2, items: 4 },
      { name: "Utvalget", meetings: 1, items: 5 },
    ]);
    const model = await liveReport(db, 2021, at("2026-11-26"));
    expect(paragraphs(model)).toContain(
      "Det har blitt avholdt 2 møter i rådet i 2021 og det er blitt protokollført 4 saker.",
    );
    expect(paragraphs(model)).toContain(
      "Det har blitt avholdt 1 møte i utvalget i 2021 og det er blitt protokollført 5 saker.",
    );
    const next = await reportFigures(db, 2022, at("2026-11-26"));
    expect(next.figures.governance.map((g) => [g.name, g.meetings, g.items])).toEqual([
      ["Rådet", 1, 1],
      ["Porteføljeutvalget", 0, 0],
    ]);
  });

  it("counts proposals received, decided, approved, rejected, started and completed, and per state at the year's end", async () => {
    const { figures } = await reportFigures(db, 2021, at("2026-11-26"));
    expect(figures).toMatchObject({
      received: 5,
      decided: 4,
      approved: 3,
      rejected: 1,
      started: 2,
      completed: 1,
      stateAtEnd: {
        proposed: 1,
        underConsideration: 0,
        decided: 1,
        inProgress: 1,
        completed: 1,
        rejected: 1,
      },
    });
    expect(figures.byMunicipality).toEqual([
      { name: "Nordby", count: 3 },
      { name: "Sørvik", count: 3 },
      { name: "Vestøy", count: 1 },
      { name: "Østdal", count: 2 },
    ]);
    expect(figures.byGroup).toEqual([
      { name: "Helse", count: 5 },
      { name: "Teknikk", count: 0 },
    ]);
  });

  it("gives the median number of days from submission to the final decision", async () => {
    // 59 (approved 10.3), 72 (board 14.4), 23 (rejected 10.3) and 18 (approved 10.3) days.
    const { figures } = await reportFigures(db, 2021, at("2026-11-26"));
    expect(figures.medianDays).toBe(41);
    const model = await liveReport(db, 2021, at("2026-11-26"));
    expect(paragraphs(model).some((p) => p.includes("var 41 dager."))).toBe(true);
  });

  it("lists the year's initiatives under their field with the municipalities in proper Norwegian", async () => {
    const model = await liveReport(db, 2021, at("2026-11-26"));
    const headings = model.blocks.filter((b) => b.kind === "heading").map((b) => `${b.number} ${b.text}`);
    expect(headings).toEqual(
      expect.arrayContaining([
        "2.2.3 Tjenesteutvikling",
        "2.2.3.1 Helse",
        "3 Organisasjon",
        "3.1 Rådet",
        "3.2 Utvalget",
      ]),
    );
    expect(entries(model).map((e) => [e.title, e.municipalities, e.state])).toEqual([
      ["Digital søknad", "Nordby, Sørvik, Vestøy og Østdal kommune", "Status ved årsslutt: Gjennomført."],
      ["Felles journal", "Nordby og Sørvik kommune", "Status ved årsslutt: Under gjennomføring."],
      ["Smarte målere", "Østdal kommune", "Status ved årsslutt: Vedtatt."],
    ]);
    expect(entries(model)[0]!.text).toBe("Alle fire kommunene tok i bruk digital søknad.");
    expect(entries(model)[2]!.text).toBe(reportTexts.noReportText);
    expect(reportMarkdown(model, "draft")).toContain(
      "**Digital søknad – Nordby, Sørvik, Vestøy og Østdal kommune**",
    );
  });

  it("keeps two initiatives apart when their titles share the part before the dash", async () => {
    const school = await proposal("Digital søknad – skole", ["Nordby"], "2021-05-01");
    const meeting = await plan(db, coordinator, world.bodies.committee, "2021-05-20");
    const item = await proposalCase(db, coordinator, meeting, school);
    await publish(db, coordinator, meeting);
    await attend(db, coordinator, meeting, committeeMembers());
    await decide(meeting, item, school, "approve", "2021-05-20");
    const model = await liveReport(db, 2021, at("2026-11-26"));
    expect(entries(model).map((e) => e.title)).toEqual([
      "Digital søknad – hele regionen",
      "Felles journal",
      "Smarte målere",
      "Digital søknad – skole",
    ]);
    expect(reportMarkdown(model, "draft")).toContain("**Digital søknad – skole – Nordby kommune**");
  });

  it("reports a sub-goal with no proposals as a gap in the strategy", async () => {
    const model = await liveReport(db, 2021, at("2026-11-26"));
    const [strategy] = model.figures.strategies;
    const subs = strategy!.coverage.flatMap((m) => m.subGoals);
    expect(subs.find((s) => s.number === "1.2")!.gaps).toContain("noneProposed");
    expect(subs.find((s) => s.number === "1.1")!.gaps).toEqual([]);
    expect(paragraphs(model)).toContain("Delmål uten innspill: 1.2 Deling av data.");
  });

  it("is an honest, empty report for a year without data", async () => {
    const model = await liveReport(db, 2019, at("2026-11-26"));
    expect(model.figures).toMatchObject({ received: 0, decided: 0, completed: 0, medianDays: null });
    expect(paragraphs(model)).toEqual(
      expect.arrayContaining([
        reportTexts.empty(2019),
        "Det kom ikke inn noen innspill i 2019. Ingen innspill ble endelig avgjort i året. Ingen tiltak ble startet eller gjennomført.",
        "Det har ikke blitt avholdt noen møter i rådet i 2019.",
      ]),
    );
    expect(entries(model)).toEqual([]);
  });

  it("is a valid Word file with the report's headings, numbering and governance sentence", async () => {
    const model = await liveReport(db, 2021, at("2026-11-26"));
    const files = unzipSync(new Uint8Array(await reportDocx(model, "draft")));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "word/numbering.xml"]),
    );
    const xml = strFromU8(files["word/document.xml"]!);
    for (const style of ["Title", "Heading1", "Heading2", "Heading3", "Heading4"])
      expect(xml).toContain(`<w:pStyle w:val="${style}"/>`);
    for (const text of [
      "Status ROR-IKT 2021",
      "Tjenesteutvikling",
      "Helse",
      "Digital søknad – Nordby, Sørvik, Vestøy og Østdal kommune",
    ])
      expect(xml).toContain(text);
    expect(xml).toContain(
      "Det har blitt avholdt 2 møter i rådet i 2021 og det er blitt protokollført 4 saker.",
    );
    expect(xml).toContain("<w:numPr>");
    expect(strFromU8(files["word/numbering.xml"]!)).toContain('<w:start w:val="2"/>');
  });

  it("writes its plain paragraphs and tables as docx writes them, any text escaped", async () => {
    const tricky = `A <b> & 'sitat' "dobbel" {report-headings-0}\u0001 slutt`;
    const entry = {
      kind: "entry",
      proposalId: 1,
      title: tricky,
      municipalities: "Nordby",
      state: tricky,
    } as const;
    const blocks: ReportBlock[] = [
      { kind: "paragraph", text: tricky },
      { ...entry, text: `${tricky}\n\n${tricky}` },
      {
        kind: "table",
        caption: "Tabell",
        head: ["Mål", "Antall"],
        rows: [
          [tricky, "1"],
          ["2.1", ""],
        ],
      },
    ];
    // docx itself, for the same paragraphs and table: what the Word file must hold.
    const run = (text: string, options: { bold?: boolean; italics?: boolean; keepNext?: boolean } = {}) =>
      new Paragraph({ keepNext: options.keepNext, children: [new TextRun({ text, ...options })] });
    const reference = new Document({
      sections: [
        {
          children: [
            run(tricky, { italics: false }),
            run(entryHeading(entry), { bold: true, keepNext: true }),
            run(tricky, { italics: true, keepNext: true }),
            run(tricky),
            new Table({
              width: { size: 100, type: WidthType.PERCENTAGE },
              rows: [
                ["Mål", "Antall"],
                [tricky, "1"],
                ["2.1", ""],
              ].map(
                (cells, i) =>
                  new TableRow({
                    tableHeader: i === 0,
                    children: cells.map(
                      (text) => new TableCell({ children: [run(text, { bold: i === 0 })] }),
                    ),
                  }),
              ),
            }),
          ],
        },
      ],
    });
    const body = (docx: Buffer) => {
      const xml = strFromU8(unzipSync(new Uint8Array(docx))["word/document.xml"]!);
      return xml.slice(xml.indexOf("<w:body>") + "<w:body>".length, xml.indexOf("<w:sectPr>"));
    };
    const [paragraph, heading, state, text, table] = body(await Packer.toBuffer(reference)).split(
      /(?=<w:p>|<w:tbl>)/,
    );

    const model = await liveReport(db, 2021, at("2026-11-26"));
    const xml = body(await reportDocx({ ...model, blocks }, "final"));
    expect(xml).toContain(paragraph! + heading! + state! + text! + text!);
    expect(xml).toContain(table);
    // Escaped once, and never taken for docx's numbering placeholder.
    expect(text).toContain(
      "A &lt;b&gt; &amp; &apos;sitat&apos; &quot;dobbel&quot; {report-headings-0} slutt",
    );
    expect(xml).not.toContain("innspill:");
  });

  describe("when the year's report is marked final", () => {
    beforeEach(async () => {
      expectOk(
        await markReportFinalCommand(db, { year: 2021, user: coordinator, now: at("2022-03-30") }),
        "final",
      );
    });

    it("refuses to change the report text of work completed that year", async () => {
      const before = await getFollowup(db, ids.all);
      const result = await saveReportTextCommand(db, {
        proposalId: ids.all,
        user: coordinator,
        form: { version: before!.version, reportText: "Ny tekst" },
      });
      expect(result).toMatchObject({ ok: false, status: 409, message: followupTexts.errors.locked(2021) });
      expect((await getFollowup(db, ids.all))!.report_text).toBe(
        "Alle fire kommunene tok i bruk digital søknad.",
      );
    });

    it("keeps work in progress editable, while the final report keeps its frozen copy", async () => {
      const followup = await getFollowup(db, ids.two);
      expectOk(
        await saveReportTextCommand(db, {
          proposalId: ids.two,
          user: coordinator,
          form: { version: followup!.version, reportText: "Skrevet i 2022." },
        }),
        "edit",
      );
      const report = await yearReport(db, 2021);
      expect(report.status).toBe("final");
      expect(entries(report.model).find((e) => e.title === "Felles journal")!.text).toBe(
        reportTexts.noReportText,
      );
    });

    it("refuses a completion dated in the final year, and writes nothing", async () => {
      const refused = await completeWork(db, {
        proposalId: ids.two,
        user: coordinator,
        form: {
          version: await proposalVersion(db, ids.two),
          completedOn: "2021-12-20",
          realisedBenefits: "",
          reportText: "Ferdig.",
        },
        now: at("2022-01-10"),
      });
      expect(refused).toMatchObject({
        ok: false,
        status: 400,
        fieldErrors: { completedOn: [followupTexts.errors.locked(2021)] },
      });
      expect((await getProposal(db, ids.two))!.state).toBe("inProgress");
      expect((await getFollowup(db, ids.two))!.completed_on).toBeNull();
    });

    it("cannot be marked final twice, nor by someone who is not a coordinator", async () => {
      expect(await markReportFinalCommand(db, { year: 2021, user: coordinator })).toMatchObject({
        ok: false,
        status: 409,
      });
      const employee = await currentUser(db, world.users.employee);
      expect(await markReportFinalCommand(db, { year: 2022, user: employee })).toMatchObject({
        ok: false,
        status: 403,
      });
      await expect(
        db.updateTable("annual_report").set({ snapshot: "{}" }).where("year", "=", 2021).execute(),
      ).rejects.toThrow(/final/);
    });
  });

  describe("follow-up commands", () => {
    it("refuses START by someone the machine does not allow, and writes nothing", async () => {
      const employee = await currentUser(db, world.users.employee);
      const result = await startWork(db, {
        proposalId: ids.one,
        user: employee,
        form: {
          version: await proposalVersion(db, ids.one),
          projectLeadId: employee.id,
          startDate: "2021-04-01",
          plannedEnd: "2021-05-01",
        },
      });
      expect(result).toMatchObject({ ok: false, status: 403 });
      expect(await getFollowup(db, ids.one)).toBeUndefined();
      expect((await getProposal(db, ids.one))!.state).toBe("approved");
    });

    it("rolls the START back when the project lead is not an active user", async () => {
      const result = await startWork(db, {
        proposalId: ids.one,
        user: coordinator,
        form: {
          version: await proposalVersion(db, ids.one),
          projectLeadId: 999_999,
          startDate: "2021-04-01",
          plannedEnd: "2021-05-01",
        },
      });
      expect(result).toMatchObject({
        ok: false,
        status: 400,
        fieldErrors: { projectLeadId: [followupTexts.errors.leadRequired] },
      });
      expect((await getProposal(db, ids.one))!.state).toBe("approved");
      expect(await getFollowup(db, ids.one)).toBeUndefined();
    });

    it("lets the group leader but not a group member edit the report text", async () => {
      const followup = (await getFollowup(db, ids.two))!;
      const member = await currentUser(db, world.users.groupMember);
      expect(
        await saveReportTextCommand(db, {
          proposalId: ids.two,
          user: member,
          form: { version: followup.version, reportText: "X" },
        }),
      ).toMatchObject({ ok: false, status: 403 });
      const leader = await currentUser(db, world.users.groupLeader);
      expectOk(
        await saveReportTextCommand(db, {
          proposalId: ids.two,
          user: leader,
          form: { version: followup.version, reportText: "Y" },
        }),
        "leader edit",
      );
      // The version the leader saw is now stale: a second save with it is a conflict.
      expect(
        await saveReportTextCommand(db, {
          proposalId: ids.two,
          user: leader,
          form: { version: followup.version, reportText: "Z" },
        }),
      ).toMatchObject({ ok: false, status: 409 });
    });
  });
});
