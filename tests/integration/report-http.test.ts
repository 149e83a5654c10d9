import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "#db/connection";
import { createProposal } from "#db/repositories/proposal.repository";
import { currentStrategy, getStrategy } from "#db/repositories/strategy.repository";
import { strategyTexts } from "~/domain/texts/strategy";
import { parseCsv } from "../support/csv";
import { loginCookie, post, startServer, type TestServer } from "../support/server";

/** The report, strategy and export routes over real HTTP against the built server and the demo seed. */
describe("report, strategy and export over HTTP", () => {
  let server: TestServer;
  let db: DB;
  let coordinator: string;
  let employee: string;

  beforeAll(async () => {
    server = await startServer();
    db = openDatabase(server.database);
    coordinator = await loginCookie(server.url, "koordinator@innspill.test");
    employee = await loginCookie(server.url, "ansatt@innspill.test");
  }, 60_000);
  afterAll(async () => {
    await db.destroy();
    await server.stop();
  });

  const get = (path: string, cookie?: string) =>
    fetch(`${server.url}${path}`, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });

  /** A CSV download: it must start with the UTF-8 byte order mark (fetch's text() would hide it). */
  async function csvRows(path: string, cookie: string) {
    const bytes = new Uint8Array(await (await get(path, cookie)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return parseCsv(new TextDecoder().decode(bytes));
  }

  it("answers 404 for a year in the future or a year that is not a number", async () => {
    const next = new Date().getFullYear() + 1;
    for (const path of [
      `/rapport/${next}`,
      "/rapport/abc",
      "/rapport/20x1",
      `/rapport/${next}/last-ned/docx`,
      "/rapport/2021/last-ned/pdf",
    ])
      expect((await get(path, employee)).status, path).toBe(404);
  });

  it("gives an empty, honest report for a year without data", async () => {
    const response = await get("/rapport/2019", employee);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Det er ikke registrert noe i Innspill for 2019.");
    expect(html).toContain("Det kom ikke inn noen innspill i 2019.");
  });

  it("serves the report as Word, Markdown and CSV, to logged-in users only", async () => {
    expect((await get("/rapport/2021")).status).toBe(302);
    const docx = await get("/rapport/2021/last-ned/docx", employee);
    expect(docx.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(docx.headers.get("content-disposition")).toContain("arsrapport-2021-utkast.docx");
    const bytes = new Uint8Array(await docx.arrayBuffer());
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe("PK");
    const md = await (await get("/rapport/2021/last-ned/md", employee)).text();
    expect(md).toContain("#### 2.2.3 Tjenesteutvikling");
    expect(md).toContain("**Digisos – Aukra, Molde, Rauma og Vestnes kommune**");
    const rows = await csvRows("/rapport/2021/last-ned/csv", employee);
    expect(rows[0]![0]).toBe("Nr");
    expect(rows.some((r) => r[1]?.startsWith("Digisos"))).toBe(true);
  });

  it("says on the page and in the basis data who served on the board, and how the bodies were renamed", async () => {
    const html = await (await get("/rapport/2021", employee)).text();
    expect(html).toContain("<li>Arnfinn Dalheim, styreleder, Molde kommune (fram til 30.6.2021)</li>");
    expect(html).toContain("<li>Helge Furnes, styreleder, Molde kommune (fra 9.8.2021)</li>");
    expect(html).toContain("<li>Anita Stokke, styremedlem, Aukra kommune (fra 1.9.2021)</li>");
    const rows = await csvRows("/rapport/2021/last-ned/csv", employee);
    expect(rows).toContainEqual([
      "Styret",
      "Styre/samarbeidsråd",
      "Helge Furnes",
      "styreleder",
      "Molde",
      "2021-08-09",
      "",
    ]);
    const renamed = await (await get("/rapport/2023", employee)).text();
    expect(renamed).toContain(
      "Bestillerutvalget ble fra 1.1.2023 til porteføljerådet. Styret ble fra 1.1.2023 til samarbeidsrådet.",
    );
    expect(renamed).toContain("Nye medlemmer i samarbeidsrådet");
  });

  it("marks a year's report final for coordinators only, and then shows it as final", async () => {
    const unconfirmed = new URLSearchParams({ intent: "markFinal" });
    const body = new URLSearchParams({ intent: "markFinal", confirmed: "yes" });
    expect((await post(server.url, "/rapport/2020", body, employee)).status).toBe(403);
    // An irreversible step is confirmed first: the answer says what happens, and nothing is done yet.
    const asked = await post(server.url, "/rapport/2020", unconfirmed, coordinator);
    expect(asked.status).toBe(400);
    const question = await asked.text();
    expect(question).toContain(
      "Når årsrapporten markeres som endelig, fryses innholdet og kan ikke endres mer.",
    );
    expect(question).toContain('name="confirmed" value="yes"');
    expect(
      await db.selectFrom("annual_report").selectAll().where("year", "=", 2020).executeTakeFirst(),
    ).toBeUndefined();
    const done = await post(server.url, "/rapport/2020", body, coordinator);
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/rapport/2020?melding=endelig");
    const html = await (await get("/rapport/2020", employee)).text();
    expect(html).toContain("Årsrapport 2020 – kapittel om aktiviteter");
    expect(html).not.toContain("Marker som endelig");
    expect((await post(server.url, "/rapport/2020", body, coordinator)).status).toBe(409);
  });

  it("guards the follow-up pages by the process: who may start, and only when approved", async () => {
    const approved = await db
      .selectFrom("proposal")
      .select("id")
      .where("state", "=", "approved")
      .executeTakeFirstOrThrow();
    const completed = await db
      .selectFrom("proposal")
      .select("id")
      .where("state", "=", "completed")
      .executeTakeFirstOrThrow();
    expect((await get(`/innspill/${approved.id}/oppstart`, employee)).status).toBe(403);
    expect((await get(`/innspill/${approved.id}/oppstart`, coordinator)).status).toBe(200);
    const moved = await get(`/innspill/${completed.id}/oppstart`, coordinator);
    expect(moved.status).toBe(302);
    expect(moved.headers.get("location")).toBe(`/innspill/${completed.id}`);
    expect((await get("/innspill/999999/avslutning", coordinator)).status).toBe(404);
    // A bad date is answered next to its field, with nothing written.
    const version = (
      await db
        .selectFrom("proposal")
        .select("version")
        .where("id", "=", approved.id)
        .executeTakeFirstOrThrow()
    ).version;
    const bad = await post(
      server.url,
      `/innspill/${approved.id}/oppstart`,
      new URLSearchParams({
        version: String(version),
        projectLeadId: "2",
        startDate: "2026-13-40",
        plannedEnd: "2026-01-01",
      }),
      coordinator,
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Oppgi en gyldig dato som dd.mm.åååå.");
    expect(
      (
        await db
          .selectFrom("proposal")
          .select("state")
          .where("id", "=", approved.id)
          .executeTakeFirstOrThrow()
      ).state,
    ).toBe("approved");
  });

  it("refuses to edit an approved strategy, with a message, and only lets coordinators try", async () => {
    const strategy = (await currentStrategy(db))!;
    const body = new URLSearchParams({
      intent: "meta",
      version: String(strategy.version),
      name: "Endret navn",
      periodFrom: "2022",
      periodTo: "2030",
    });
    const refused = await post(server.url, `/strategi/${strategy.id}/rediger`, body, coordinator);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain(strategyTexts.readOnly);
    expect((await getStrategy(db, strategy.id))!.name).toBe(strategy.name);
    expect((await post(server.url, `/strategi/${strategy.id}/rediger`, body, employee)).status).toBe(403);
    expect((await get("/strategi/ny", employee)).status).toBe(403);
    expect((await get("/strategi", employee)).status).toBe(200);
  });

  it("exports the proposal list as CSV, filtered as the list, safe to open in Excel", async () => {
    const title = '=HYPERLINK("http://x.invalid","klikk"), med "sitat" og\nlinjeskift';
    await createProposal(db, {
      title,
      background: "Zebrafinke",
      problem: "",
      solution: "",
      benefits: "",
      affected: "",
      resources: "",
      authorId: 1,
      municipalityIds: [],
      suggestedGroupId: null,
      state: "submitted",
      now: new Date().toISOString(),
    });
    const response = await get("/innspill/eksport.csv?q=Zebrafinke", employee);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = await csvRows("/innspill/eksport.csv?q=Zebrafinke", employee);
    expect(rows).toHaveLength(2);
    expect(rows[1]![1]).toBe(`'${title}`);

    // Filtered as the list: every completed proposal, and nothing else.
    const completed = await csvRows("/innspill/eksport.csv?status=completed", employee);
    const { n } = await db
      .selectFrom("proposal")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("state", "=", "completed")
      .executeTakeFirstOrThrow();
    expect(completed.length - 1).toBe(Number(n));
    expect(new Set(completed.slice(1).map((r) => r[2]))).toEqual(new Set(["Gjennomført"]));
  });
});
