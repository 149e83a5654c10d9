import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "#db/connection";
import { getMeeting } from "#db/repositories/meeting.repository";
import { addMembership, bodyOfKind, listMembershipsOfBody } from "#db/repositories/organisation.repository";
import { loginCookie, post, startServer, type TestServer } from "../support/server";
import { readZipEntry } from "../support/unzip";

/**
 * The meeting routes over real HTTP against the built server (run `npx remix vite:build` first):
 * a board meeting with an exempt case is held through the forms, and the public pages must not
 * carry a word of the exempt case — not in the HTML, not in the data Remix embeds in it.
 */
describe("meetings over HTTP", () => {
  let server: TestServer;
  let db: DB;
  let coordinator: string;
  let employee: string;
  let meetingId: number;
  // A meeting is held only after it has begun: this one was last year.
  const year = new Date().getFullYear() - 1;
  const secret = {
    title: "Oppsigelse av ansatt i Drift",
    presentation: "Den ansatte har gjentatte ganger uteblitt uten gyldig grunn.",
    recommendation: "Styret slutter seg til at arbeidsforholdet avsluttes.",
    decision: "Arbeidsforholdet avsluttes med tre måneders oppsigelse.",
  };

  beforeAll(async () => {
    server = await startServer({ seed: true });
    db = openDatabase(server.database);
    [coordinator, employee] = await Promise.all([
      loginCookie(server.url, "koordinator@innspill.test"),
      loginCookie(server.url, "ansatt@innspill.test"),
    ]);
  }, 60_000);
  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
  });

  const version = async () => String((await getMeeting(db, meetingId))!.version);

  /**
   * The meeting page keeps a body's member list until the database changes (decision 029, Round 2): a
   * member added or removed by another connection shows in the attendance form on the next view.
   */
  async function expectMemberListFollowsWrites(bodyId: number) {
    const page = async () => (await get(`/moter/${meetingId}`, coordinator)).text();
    const user = await db
      .selectFrom("user")
      .select(["id", "name"])
      .where("email", "=", "ansatt@innspill.test")
      .executeTakeFirstOrThrow();
    expect(await page()).not.toContain(user.name);
    const id = await addMembership(db, {
      userId: user.id,
      bodyId,
      role: "member",
      municipalityId: null,
      voteWeight: 1,
      validFrom: `${year}-01-01`,
    });
    expect(await page()).toContain(user.name);
    await db.deleteFrom("membership").where("id", "=", id).execute();
    expect(await page()).not.toContain(user.name);
  }
  const form = (fields: Record<string, string>) => new URLSearchParams(fields);
  const get = (path: string, cookie?: string) =>
    fetch(`${server.url}${path}`, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
  const act = async (fields: Record<string, string>, cookie = coordinator) =>
    post(server.url, `/moter/${meetingId}`, form({ version: await version(), ...fields }), cookie);

  it("refuses a meeting to someone who may not organise it (403), and plans it for a coordinator", async () => {
    const board = (await bodyOfKind(db, "board"))!;
    const fields = {
      bodyId: String(board.id),
      date: `${year}-02-10`,
      startTime: "10:00",
      place: "Molde rådhus",
    };
    expect((await post(server.url, "/moter/ny", form(fields), employee)).status).toBe(403);
    const planned = await post(server.url, "/moter/ny", form(fields), coordinator);
    expect(planned.status).toBe(302);
    meetingId = Number(/\/moter\/(\d+)/.exec(planned.headers.get("location")!)![1]);
  });

  it("answers a bad form with 400 and a Norwegian message, writing nothing", async () => {
    const before = await version();
    const empty = await act({ intent: "publishNotice", confirmed: "yes" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Sakslisten er tom");
    const noBasis = await act({ intent: "addCase", kind: "other", title: "Noe", exempt: "on" });
    expect(noBasis.status).toBe(400);
    expect(await noBasis.text()).toContain("Oppgi hjemmelen for unntaket.");
    expect(await version()).toBe(before);
    const forged = await act({ intent: "publishNotice", confirmed: "yes" }, employee);
    expect(forged.status).toBe(403);
  });

  it("holds the meeting with an exempt case, and the public pages carry none of its text", async () => {
    const cases: Record<string, string>[] = [
      {
        intent: "addCase",
        kind: "other",
        title: "Årsrapport",
        presentation: "Årsrapporten for året.",
        recommendation: "Godkjennes.",
      },
      {
        intent: "addCase",
        kind: "other",
        title: secret.title,
        presentation: secret.presentation,
        recommendation: secret.recommendation,
        exempt: "on",
        exemptBasis: "offl. § 13 jf. fvl. § 13",
      },
    ];
    for (const fields of cases) expect((await act(fields)).status).toBe(302);
    // Publishing is confirmed first, with its consequence in one sentence; nothing happens until then.
    const before = await version();
    const asked = await act({ intent: "publishNotice" });
    expect(asked.status).toBe(400);
    expect(await asked.text()).toContain("Når innkallingen publiseres, får sakene nummer");
    expect(await version()).toBe(before);
    expect((await act({ intent: "publishNotice", confirmed: "yes" })).status).toBe(302);
    const board = (await getMeeting(db, meetingId))!;
    await expectMemberListFollowsWrites(board.body_id);
    const members = await listMembershipsOfBody(db, board.body_id, { on: `${year}-02-10` });
    const attendance = Object.fromEntries(members.map((m) => [`status.${m.user_id}`, "present"]));
    expect((await act({ intent: "attendance", ...attendance })).status).toBe(302);
    const items = await db
      .selectFrom("protocol_item")
      .select(["id", "exempt"])
      .where("meeting_id", "=", meetingId)
      .execute();
    for (const item of items) {
      const result = await act({
        intent: "decision",
        mode: "unanimous",
        itemId: String(item.id),
        outcome: "decided",
        text: item.exempt ? secret.decision : "Årsrapporten godkjennes.",
        motions: item.exempt ? `Alternativt forslag: ${secret.title} utsettes.` : "",
      });
      expect(result.status).toBe(302);
    }
    expect((await act({ intent: "approveProtocol", confirmed: "yes" })).status).toBe(302);
    // Not yet signed: not final, so not published; the organiser is no signer.
    expect((await act({ intent: "publishProtocol", confirmed: "yes" })).status).toBe(400);
    const notSigner = await act({ intent: "sign", confirmed: "yes" });
    expect(notSigner.status).toBe(400);
    expect(await notSigner.text()).toContain("Du er ikke blant dem som skal signere denne protokollen.");
    // Every board member present signs in the app (the board's rule).
    const signers = await db
      .selectFrom("protocol_signer")
      .innerJoin("user", "user.id", "protocol_signer.user_id")
      .select("user.email")
      .where("protocol_signer.meeting_id", "=", meetingId)
      .execute();
    expect(signers).toHaveLength(members.filter((m) => m.role !== "secretary").length);
    for (const signer of signers) {
      const cookie = await loginCookie(server.url, signer.email);
      expect((await act({ intent: "sign", confirmed: "yes" }, cookie)).status).toBe(302);
    }
    expect((await act({ intent: "publishProtocol", confirmed: "yes" })).status).toBe(302);

    const pages = [
      await get("/offentlig"),
      await get(`/offentlig/moter/${meetingId}`),
      // A logged-in employee who is not on the board reads the internal pages as the public does.
      await get(`/moter/${meetingId}`, employee),
      await get(`/moter/${meetingId}/protokoll`, employee),
    ];
    for (const page of pages) {
      expect(page.status).toBe(200);
      const html = await page.text();
      for (const text of Object.values(secret)) expect(html).not.toContain(text);
    }
    const publicHtml = await (await get(`/offentlig/moter/${meetingId}`)).text();
    expect(publicHtml).toContain("Unntatt offentlighet, jf. offl. § 13 jf. fvl. § 13");
    expect(publicHtml).toContain("Årsrapporten godkjennes.");
    expect(publicHtml).toContain(`Sak 2/${year}`);

    // The Word file of the public protocol withholds it too.
    const docx = await get(`/offentlig/moter/${meetingId}/protokoll.docx`);
    expect(docx.headers.get("content-type")).toContain("wordprocessingml");
    const served = new Uint8Array(await docx.arrayBuffer());
    const xml = readZipEntry(served, "word/document.xml");
    // The published protocol's Word file is rendered once and served as stored, byte for byte.
    const frozen = await db
      .selectFrom("frozen_document")
      .selectAll()
      .where("kind", "=", "public-protocol")
      .where("key", "like", `${meetingId}:%`)
      .execute();
    expect(frozen).toHaveLength(1);
    expect(Buffer.from(frozen[0]!.content, "base64").equals(Buffer.from(served))).toBe(true);
    expect(xml).toContain("Møteprotokoll");
    for (const text of Object.values(secret)) expect(xml).not.toContain(text);

    // Members of the board today read the whole case; a coordinator who is not one does not.
    const boardMember = await loginCookie(server.url, "styremedlem@innspill.test");
    const internal = await (await get(`/moter/${meetingId}`, boardMember)).text();
    expect(internal).toContain(secret.presentation);
    const organiser = await (await get(`/moter/${meetingId}`, coordinator)).text();
    expect(organiser).not.toContain(secret.presentation);

    // The public sees who took part in the exempt case, and neither its outcome nor any vote.
    const exemptSection = publicHtml.slice(publicHtml.indexOf("Unntatt offentlighet, jf."));
    expect(exemptSection).toContain("Til stede under behandlingen");
    expect(exemptSection).toContain(members[0]!.user_name);
  });

  it("refuses any change once the protocol is approved", async () => {
    const before = await version();
    const late = await act({ intent: "addCase", kind: "other", title: "For sent" });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("Protokollen er godkjent og kan ikke endres");
    expect(await version()).toBe(before);
  });

  it("offers the body's deputies and searched people as substitutes, never the whole user list", async () => {
    const board = (await bodyOfKind(db, "board"))!;
    const planned = await post(
      server.url,
      "/moter/ny",
      form({ bodyId: String(board.id), date: `${year}-03-10`, startTime: "10:00", place: "Molde" }),
      coordinator,
    );
    meetingId = Number(/\/moter\/(\d+)/.exec(planned.headers.get("location")!)![1]);
    expect((await act({ intent: "addCase", kind: "other", title: "Orientering" })).status).toBe(302);
    expect((await act({ intent: "publishNotice", confirmed: "yes" })).status).toBe(302);

    const attendanceForm = (html: string) => /<form[^>]*id="attendance"[\s\S]*?<\/form>/.exec(html)![0];
    const members = await listMembershipsOfBody(db, board.id, { on: `${year}-03-10` });
    const users = await db
      .selectFrom("user")
      .select(["id", "name", "email"])
      .where("active", "=", 1)
      .execute();
    const plain = attendanceForm(await (await get(`/moter/${meetingId}`, coordinator)).text());
    // "No substitute" and at most 20 deputies per member, and nobody else until searched for.
    const perMember = (plain.match(/<option/g) ?? []).length / members.length;
    expect(perMember).toBeLessThanOrEqual(21);
    const employeeUser = users.find((u) => u.email === "ansatt@innspill.test")!;
    expect(plain).not.toContain(`value="${employeeUser.id}"`);

    // A search (a plain GET form) adds its hits, under their own heading, to every member's list.
    const searched = await get(
      `/moter/${meetingId}?vara=${encodeURIComponent("ansatt@innspill")}`,
      coordinator,
    );
    const withHits = attendanceForm(await searched.text());
    expect(withHits).toContain('label="Søketreff"');
    expect(withHits).toContain(`value="${employeeUser.id}"`);

    // The one found meets for an absent member.
    const [absent, ...present] = members;
    const attendance = Object.fromEntries([
      [`status.${absent!.user_id}`, "absent"],
      [`sub.${absent!.user_id}`, String(employeeUser.id)],
      ...present.map((m) => [`status.${m.user_id}`, "present"]),
    ]);
    expect((await act({ intent: "attendance", ...attendance })).status).toBe(302);
    const after = await (await get(`/moter/${meetingId}`, coordinator)).text();
    expect(after).toContain(employeeUser.name);
  });
});
