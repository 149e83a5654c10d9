import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "#db/connection";
import { makeBody, makeMembership, makeUser } from "#db/factories";
import { createMunicipality, endMembership, renameBody } from "#db/repositories/organisation.repository";
import { createProposal } from "#db/repositories/proposal.repository";
import type { ProposalEventType } from "#workflows/proposal.machine";
import { reportTexts } from "~/domain/texts/report";
import { strategyTexts } from "~/domain/texts/strategy";
import { applyProposalEvent } from "~/server/commands/apply-proposal-event.server";
import { liveReport } from "~/server/report.server";
import { parseCsv } from "../support/csv";
import { assessCompletely, currentUser, demoHash, makeStrategy, makeWorld, type World } from "../support/db";
import { expectOk, proposalVersion } from "../support/meetings";
import { loginCookie, startServer, type TestServer } from "../support/server";
import { readZipEntry } from "../support/unzip";

/**
 * The report's organisation sections over real HTTP, in every format, for a world the test
 * builds on the built server's own database: in 2021 the board's chair leaves on 30.6 and a new
 * one comes on 9.8, a member leaves on 30.6 and a new one comes on 1.9, a group is renamed on
 * 1.5, a group is established on 1.3 and a municipality joins on 1.6; the groups receive, assess
 * and recommend proposals through the process commands. 2022 changes nothing.
 */
describe("the report's board, committee, groups and organisation changes", () => {
  let server: TestServer;
  let db: DB;
  let world: World;
  let cookie: string;

  const at = (iso: string) => new Date(`${iso}T10:00:00.000Z`);

  async function event(id: number, userId: number, type: ProposalEventType, on: string, payload = {}) {
    expectOk(
      await applyProposalEvent(db, {
        proposalId: id,
        expectedVersion: await proposalVersion(db, id),
        user: await currentUser(db, userId),
        type,
        payload,
        now: at(on),
      }),
      `${type} of #${id}`,
    );
  }

  async function assigned(title: string, groupId: number, on: string) {
    const id = await createProposal(db, {
      title,
      background: "Bakgrunn",
      problem: "Problem",
      solution: "Løsning",
      benefits: "Gevinst",
      affected: "",
      resources: "",
      authorId: world.users.employee,
      municipalityIds: [world.municipalities.Nordby!],
      suggestedGroupId: null,
      state: "draft",
      now: `${on}T08:00:00.000Z`,
    });
    await event(id, world.users.employee, "SUBMIT", on);
    await event(id, world.users.coordinator, "ASSIGN", on, { groupId });
    return id;
  }

  beforeAll(async () => {
    server = await startServer({ seed: false });
    db = openDatabase(server.database);
    world = await makeWorld(db);
    const passwordHash = await demoHash();
    const person = (name: string, municipality: string) =>
      makeUser(db, {
        passwordHash,
        name,
        email: `${name.toLowerCase().replace(/\s/g, ".")}@test.invalid`,
        municipalityId: world.municipalities[municipality],
      });
    const board = world.bodies.board;
    const { Nordby, Sørvik } = world.municipalities;

    // The chair leaves on 30.6.2021 (valid to 1.7) and the new chair comes on 9.8.2021.
    await makeMembership(db, {
      userId: await person("Gammel Leder", "Nordby"),
      bodyId: board,
      role: "chair",
      municipalityId: Nordby,
      voteWeight: 1,
      validFrom: "2019-01-01",
      validTo: "2021-07-01",
    });
    await makeMembership(db, {
      userId: await person("Ny Leder", "Nordby"),
      bodyId: board,
      role: "chair",
      municipalityId: Nordby,
      voteWeight: 1,
      validFrom: "2021-08-09",
    });
    // Sørvik's member leaves on 30.6.2021; the new one comes on 1.9.2021.
    const sorvik = await db
      .selectFrom("membership")
      .select("id")
      .where("body_id", "=", board)
      .where("municipality_id", "=", Sørvik!)
      .executeTakeFirstOrThrow();
    await endMembership(db, sorvik.id, "2021-07-01");
    await makeMembership(db, {
      userId: await person("Ny Sørvik", "Sørvik"),
      bodyId: board,
      role: "member",
      municipalityId: Sørvik,
      voteWeight: 1,
      validFrom: "2021-09-01",
    });
    await renameBody(db, { bodyId: world.bodies.groupTech, name: "Teknologi", validFrom: "2021-05-01" });
    await makeBody(db, "group", "Personvern", "2021-03-01");
    await createMunicipality(db, { name: "Nyby", validFrom: "2021-06-01" });

    // Helse: two proposals recommended after 10 and 20 days; Teknikk: one rejected by the group.
    const subGoal = (await makeStrategy(db)).subGoalIds[0]!;
    const first = await assigned("Digital postkasse", world.bodies.groupHealth, "2021-02-01");
    await assessCompletely(db, first, world.users.groupLeader, subGoal);
    await event(first, world.users.groupLeader, "RECOMMEND", "2021-02-11");
    const second = await assigned("Elektronisk timebok", world.bodies.groupHealth, "2021-04-01");
    await assessCompletely(db, second, world.users.groupLeader, subGoal);
    await event(second, world.users.groupLeader, "RECOMMEND", "2021-04-21");
    const third = await assigned("Smarte gatelys", world.bodies.groupTech, "2021-03-01");
    await event(third, world.users.otherLeader, "GROUP_REJECT", "2021-03-05", {
      reason: "Dekkes av eksisterende løsning.",
    });

    cookie = await loginCookie(server.url, "ansatt@test.invalid");
  }, 120_000);

  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
  });

  const get = (path: string) => fetch(`${server.url}${path}`, { headers: { Cookie: cookie } });

  /** The report as lines of text, in each of the three formats a reader gets. */
  async function reportLines(year: number, format: "html" | "md" | "docx"): Promise<string[]> {
    let text: string;
    if (format === "html") {
      const html = await (await get(`/rapport/${year}`)).text();
      text = html
        .slice(html.indexOf('aria-label="Rapportutkastet"'))
        .replace(/<!-- -->/g, "")
        .replace(/<[^>]+>/g, "\n")
        .replace(/&#x27;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&");
    } else if (format === "md") {
      text = await (await get(`/rapport/${year}/last-ned/md`)).text();
    } else {
      const bytes = new Uint8Array(await (await get(`/rapport/${year}/last-ned/docx`)).arrayBuffer());
      text = readZipEntry(bytes, "word/document.xml")
        .replace(/<\/w:p>/g, "\n")
        .replace(/<[^>]+>/g, "");
    }
    return (
      text
        .split("\n")
        .map((l) => l.trim())
        // The page sets a heading's number apart from its text.
        .filter((l) => l !== "" && !/^\d+(\.\d+)+$/.test(l))
    );
  }

  /**
   * The lines under a heading, up to the next heading given (matched as a heading's text). With
   * `last`, the last line that reads as the heading (a table before it may hold the same word).
   */
  function section(lines: string[], heading: string, next: string, last = false): string[] {
    const isHeading = (h: string) => (l: string) => l === h || l.endsWith(` ${h}`);
    const matches = lines.flatMap((l, i) => (isHeading(heading)(l) ? [i] : []));
    const start = (last ? matches.at(-1) : matches[0]) ?? -1;
    expect(start, `heading "${heading}"`).toBeGreaterThan(-1);
    const end = lines.findIndex((l, i) => i > start && isHeading(next)(l));
    expect(end, `heading "${next}" after "${heading}"`).toBeGreaterThan(start);
    // Markdown marks list items with "- "; the other formats carry the text alone.
    return lines.slice(start + 1, end).map((l) => l.replace(/^- /, ""));
  }

  const left = [
    "Gammel Leder, leder, Nordby kommune (fram til 30.6.2021)",
    "StyreSørvik, medlem, Sørvik kommune (fram til 30.6.2021)",
  ];
  const joined = [
    "Ny Leder, leder, Nordby kommune (fra 9.8.2021)",
    "Ny Sørvik, medlem, Sørvik kommune (fra 1.9.2021)",
  ];

  it.each(["html", "md", "docx"] as const)(
    "says who left and joined the board, with dates, in its own section and in the board's (%s)",
    async (format) => {
      const lines = await reportLines(2021, format);
      const changes = section(lines, "Nye medlemmer i rådet", "Endringer i organiseringen");
      expect(changes).toEqual([
        reportTexts.membersLeft("board", "Rådet", 2021),
        ...left,
        reportTexts.membersJoined("board", "Rådet", 2021),
        ...joined,
      ]);
      const board = section(lines, "Rådet", "Utvalget");
      expect(board).toEqual([
        "Rådet har i 2021 bestått av:",
        left[0],
        joined[0],
        "StyreNordby, medlem, Nordby kommune",
        left[1],
        joined[1],
        "StyreVestøy, medlem, Vestøy kommune",
        "StyreØstdal, medlem, Østdal kommune",
        "Det har ikke blitt avholdt noen møter i rådet i 2021.",
      ]);
    },
  );

  it.each(["html", "md", "docx"] as const)(
    "says in words how the organisation changed, under the year's names (%s)",
    async (format) => {
      const lines = await reportLines(2021, format);
      expect(section(lines, "Endringer i organiseringen", "Strategi for digital transformasjon")).toEqual([
        "Faggruppen Personvern ble opprettet fra 1.3.2021. Faggruppen Teknikk fikk fra 1.5.2021 navnet Teknologi. Nyby kommune ble med i samarbeidet fra 1.6.2021.",
      ]);
      const groups = section(lines, "Faggruppene", "Innspillsprosessen");
      const helse = section(groups, "Helse", "Teknologi", true);
      expect(helse).toEqual([
        "Gruppeleder, leder, Nordby kommune",
        "Gruppemedlem, medlem, Sørvik kommune",
        "Gruppen fikk 2 innspill i 2021, vurderte 2 og innstilte 2. Mediantiden fra fordeling til innstilling var 15 dager.",
      ]);
      expect(section(groups, "Teknologi", "Personvern", true)).toEqual([
        "Teknikkleder, leder, Østdal kommune",
        "Gruppen fikk 1 innspill i 2021, vurderte 1 og innstilte 0.",
      ]);
      // The group is named as it was at the year's end, never by its old name.
      expect(groups.some((l) => l === "Teknikk" || l.endsWith(" Teknikk"))).toBe(false);
    },
  );

  it("carries the same in the CSV basis data, after the proposals' table", async () => {
    const rows = parseCsv((await (await get("/rapport/2021/last-ned/csv")).text()).replace(/^\uFEFF/, ""));
    expect(rows[0]![0]).toBe("Nr");
    const tableAt = (first: string) => rows.findIndex((r) => r[0] === first);
    const members = rows.slice(tableAt("Organ"));
    expect(members[0]).toEqual(["Organ", "Type", "Navn", "Rolle", "Kommune", "Fra", "Fram til"]);
    expect(members).toEqual(
      expect.arrayContaining([
        ["Rådet", "Styre/samarbeidsråd", "Gammel Leder", "leder", "Nordby", "", "2021-06-30"],
        ["Rådet", "Styre/samarbeidsråd", "Ny Leder", "leder", "Nordby", "2021-08-09", ""],
        ["Rådet", "Styre/samarbeidsråd", "StyreSørvik", "medlem", "Sørvik", "", "2021-06-30"],
        ["Rådet", "Styre/samarbeidsråd", "Ny Sørvik", "medlem", "Sørvik", "2021-09-01", ""],
        ["Teknologi", "Faggruppe", "Teknikkleder", "leder", "Østdal", "", ""],
      ]),
    );
    const groups = rows.slice(tableAt("Faggruppe"));
    expect(groups.slice(0, 4)).toEqual([
      ["Faggruppe", "Mottatt", "Vurdert", "Innstilt", "Mediantid til innstilling (dager)"],
      ["Helse", "2", "2", "2", "15"],
      ["Teknologi", "1", "1", "0", ""],
      ["Personvern", "0", "0", "0", ""],
    ]);
    const changes = rows.slice(tableAt("Dato"));
    expect(changes.slice(1)).toEqual([
      ["2021-03-01", "Faggruppen Personvern ble opprettet fra 1.3.2021."],
      ["2021-05-01", "Faggruppen Teknikk fikk fra 1.5.2021 navnet Teknologi."],
      ["2021-06-01", "Nyby kommune ble med i samarbeidet fra 1.6.2021."],
    ]);
  });

  it.each(["html", "md", "docx"] as const)(
    "says in one sentence that a year without changes had none (%s)",
    async (format) => {
      const lines = await reportLines(2022, format);
      expect(section(lines, "Nye medlemmer i rådet", "Endringer i organiseringen")).toEqual([
        "Det var ingen endringer i hvem som satt i rådet i 2022.",
      ]);
      expect(section(lines, "Endringer i organiseringen", "Strategi for digital transformasjon")).toEqual([
        "Det var ingen endringer i organene eller i hvilke kommuner som er med i samarbeidet i 2022.",
      ]);
    },
  );

  it("speaks of the running year as of today, and of an expired strategy as expired", async () => {
    const running = await liveReport(db, 2021, new Date("2021-11-15T10:00:00.000Z"));
    const texts = running.blocks.flatMap((b) =>
      b.kind === "paragraph" ? [b.text] : b.kind === "table" ? [b.caption] : [],
    );
    expect(texts).toContain("Innspill etter status per 15.11.2021");
    expect(texts.some((t) => t.startsWith("Per 15.11.2021 var 2 innspill koblet"))).toBe(true);
    expect(texts.some((t) => t.includes("Ved utgangen av 2021"))).toBe(false);
    // The board as it stood on 15.11.2021: the new members are there, none has left since.
    expect(running.csv.more![0]!.rows.filter((r) => r[0] === "Rådet").map((r) => r[2])).toContain(
      "Ny Sørvik",
    );

    const later = await liveReport(db, 2026, new Date("2026-11-30T10:00:00.000Z"));
    const paragraphs = later.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
    expect(paragraphs).toContain(reportTexts.strategyExpired("Strategi for testing", 2022, 2025));
    expect(paragraphs.some((t) => t.includes("gjelder for 2022–2025"))).toBe(false);
  });

  it("does not show a strategy whose period is over as the one in force", async () => {
    // The test world's strategy runs 2022–2025; this runs later than that.
    const thisYear = new Date().getFullYear();
    const html = await (await get("/strategi")).text();
    if (thisYear > 2025) expect(html).toContain(strategyTexts.expiredNotice("2022–2025", thisYear));
    else expect(html).not.toContain("Perioden for denne strategien");
  });
});
