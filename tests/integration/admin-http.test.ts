import { openDatabase } from "#db/connection";
import { getBody } from "#db/repositories/organisation.repository";
import { chosenMemberCount, signingRuleOf } from "#workflows/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginCookie, post, startServer, type TestServer } from "../support/server";
import { openSyncDb } from "../support/sync-db";

/**
 * The admin pages over real HTTP against the built server (run `npx remix vite:build` first),
 * with the demo world seeded. Row counts are read straight from the server's SQLite file.
 */
describe("admin pages over HTTP", () => {
  let server: TestServer;
  let admin: string;
  let employee: string;

  beforeAll(async () => {
    server = await startServer({ seed: true });
    admin = await loginCookie(server.url, "admin@innspill.test");
    employee = await loginCookie(server.url, "ansatt@innspill.test");
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  function query<T>(sql: string, ...params: unknown[]): T {
    const reader = openSyncDb(server.database);
    try {
      return reader.prepare(sql).get(...params) as T;
    } finally {
      reader.close();
    }
  }
  const count = (table: string) => query<{ n: number }>(`select count(*) as n from "${table}"`).n;
  const userId = (email: string) => query<{ id: number }>(`select id from user where email = ?`, email).id;
  const bodyId = (name: string) =>
    query<{ id: number }>(`select body_id as id from body_name where name = ?`, name).id;

  const get = (path: string, cookie?: string) =>
    fetch(`${server.url}${path}`, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
  const form = (fields: Record<string, string>) => new URLSearchParams(fields);

  const adminPages = () => [
    "/admin",
    "/admin/organisasjon",
    `/admin/organisasjon/${bodyId("Bestillerutvalget")}`,
    "/admin/brukere",
    "/admin/brukere/ny",
    `/admin/brukere/${userId("ansatt2@innspill.test")}`,
  ];

  it("shows every admin page to an admin", async () => {
    for (const path of adminPages()) {
      const response = await get(path, admin);
      expect(response.status, path).toBe(200);
    }
    const body = await (await get(`/admin/organisasjon/${bodyId("Bestillerutvalget")}`, admin)).text();
    // Named as it is today, with the earlier name kept in its history.
    expect(body).toContain("<h1>Porteføljerådet</h1>");
    expect(body).toContain("Bestillerutvalget");
  });

  it("refuses a logged-in non-admin with 403 on GET and POST, writing nothing", async () => {
    for (const path of adminPages()) {
      const response = await get(path, employee);
      expect(response.status, path).toBe(403);
    }
    const users = count("user");
    const municipalities = count("municipality");
    const attempts = [
      post(
        server.url,
        "/admin/brukere/ny",
        form({ name: "Inntrenger", email: "inn@trenger.no", password: "passord123" }),
        employee,
      ),
      post(
        server.url,
        "/admin/organisasjon",
        form({ intent: "addMunicipality", name: "Nyby", validFrom: "2024-01-01" }),
        employee,
      ),
      post(
        server.url,
        `/admin/brukere/${userId("ansatt2@innspill.test")}`,
        form({ intent: "deactivate" }),
        employee,
      ),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(403);
    expect(count("user")).toBe(users);
    expect(count("municipality")).toBe(municipalities);
    expect(
      query<{ active: number }>("select active from user where email = ?", "ansatt2@innspill.test").active,
    ).toBe(1);
  });

  it("sends anonymous visitors to the login page and back", async () => {
    for (const path of adminPages()) {
      const response = await get(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location")).toBe(`/logg-inn?redirectTo=${encodeURIComponent(path)}`);
    }
    const users = count("user");
    const response = await post(
      server.url,
      "/admin/brukere/ny",
      form({ name: "Anonym", email: "anonym@test.no", password: "passord123" }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/logg-inn/);
    expect(count("user")).toBe(users);
  });

  it("lets an admin create an account that can then log in", async () => {
    const response = await post(
      server.url,
      "/admin/brukere/ny",
      form({
        name: "Nina Ny",
        email: "  Nina.Ny@Molde.Kommune.no ",
        municipalityId: String(query<{ id: number }>("select id from municipality where name = 'Molde'").id),
        isCoordinator: "on",
        password: "sommer2026",
      }),
      admin,
    );
    expect(response.status).toBe(302);
    const id = userId("nina.ny@molde.kommune.no");
    expect(response.headers.get("location")).toBe(`/admin/brukere/${id}?melding=opprettet`);
    const row = query<{ password_hash: string; is_coordinator: number; is_admin: number }>(
      "select password_hash, is_coordinator, is_admin from user where id = ?",
      id,
    );
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row).toMatchObject({ is_coordinator: 1, is_admin: 0 });

    const cookie = await loginCookie(server.url, "nina.ny@molde.kommune.no", "sommer2026");
    const home = await get("/", cookie);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Nina Ny");
  });

  describe("bad input: 400, a Norwegian message, nothing written", () => {
    const valid = { name: "Gyldig Navn", email: "gyldig@test.no", password: "passord123" };
    const cases: [string, Record<string, string>, string][] = [
      ["empty name", { ...valid, name: "" }, "Skriv et navn."],
      ["blank name", { ...valid, name: "   " }, "Skriv et navn."],
      ["bad e-mail", { ...valid, email: "ikke-en-adresse" }, "Skriv en gyldig e-postadresse"],
      ["duplicate e-mail", { ...valid, email: "ANSATT@innspill.test" }, "E-postadressen er allerede i bruk."],
      ["short password", { ...valid, password: "kort" }, "Passordet må ha minst 8 tegn."],
      ["unknown municipality", { ...valid, municipalityId: "99999" }, "Velg en kommune fra listen."],
      ["extra field", { ...valid, isAdmin: "on", role: "superuser" }, "Skjemaet inneholdt ukjente felt."],
    ];
    for (const [label, fields, message] of cases) {
      it(`creating an account: ${label}`, async () => {
        const users = count("user");
        const response = await post(server.url, "/admin/brukere/ny", form(fields), admin);
        expect(response.status).toBe(400);
        const html = await response.text();
        expect(html).toContain(message);
        // What was typed is kept (but never the password).
        if (fields.name.trim()) expect(html).toContain(`value="${fields.name}"`);
        expect(html).not.toContain(fields.password);
        expect(count("user")).toBe(users);
      });
    }

    it("editing an account to another's e-mail", async () => {
      const id = userId("ansatt2@innspill.test");
      const page = await (await get(`/admin/brukere/${id}`, admin)).text();
      const fingerprint = page.match(/name="fingerprint" value="([a-f0-9]+)"/)![1]!;
      const response = await post(
        server.url,
        `/admin/brukere/${id}`,
        form({ intent: "save", name: "Ingrid Bakken", email: "ansatt@innspill.test", fingerprint }),
        admin,
      );
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("E-postadressen er allerede i bruk.");
      expect(query<{ email: string }>("select email from user where id = ?", id).email).toBe(
        "ansatt2@innspill.test",
      );
    });

    it("a stale edit form is refused with 409", async () => {
      const id = userId("ansatt3@innspill.test");
      const response = await post(
        server.url,
        `/admin/brukere/${id}`,
        form({
          intent: "save",
          name: "Overskrevet",
          email: "ansatt3@innspill.test",
          fingerprint: "0".repeat(32),
        }),
        admin,
      );
      expect(response.status).toBe(409);
      expect(await response.text()).toContain("Kontoen er endret av noen andre");
      expect(query<{ name: string }>("select name from user where id = ?", id).name).toBe("Tor Sæther");
    });

    const dateCases: [string, Record<string, string>, string][] = [
      [
        "an impossible date",
        { intent: "addMunicipality", name: "Nyby", validFrom: "2023-02-30" },
        "Skriv en gyldig dato",
      ],
      [
        "a date in the wrong format",
        { intent: "addMunicipality", name: "Nyby", validFrom: "1/1/2024" },
        "Skriv en gyldig dato",
      ],
      ["a missing date", { intent: "addMunicipality", name: "Nyby" }, "Skriv en dato."],
      [
        "an existing name",
        { intent: "addMunicipality", name: "Molde", validFrom: "2024-01-01" },
        "Det finnes allerede en kommune",
      ],
      [
        "an unknown body kind",
        { intent: "addBody", kind: "club", name: "Klubben", validFrom: "2024-01-01" },
        "Velg en type.",
      ],
      ["an unknown intent", { intent: "dropTables" }, "Ukjent handling."],
    ];
    for (const [label, fields, message] of dateCases) {
      it(`the organisation page: ${label}`, async () => {
        const before = [count("municipality"), count("body"), count("body_name")];
        const response = await post(server.url, "/admin/organisasjon", form(fields), admin);
        expect(response.status).toBe(400);
        expect(await response.text()).toContain(message);
        expect([count("municipality"), count("body"), count("body_name")]).toEqual(before);
      });
    }

    it("a membership ending before it begins, or naming an unknown person", async () => {
      const body = bodyId("Helse og velferd");
      const base = {
        intent: "addMembership",
        userId: String(userId("ansatt@innspill.test")),
        role: "member",
        voteWeight: "1",
        validFrom: "2024-05-01",
      };
      const memberships = count("membership");
      const backwards = await post(
        server.url,
        `/admin/organisasjon/${body}`,
        form({ ...base, validTo: "2024-04-30" }),
        admin,
      );
      expect(backwards.status).toBe(400);
      expect(await backwards.text()).toContain("Sluttdatoen må være etter startdatoen.");
      const unknown = await post(
        server.url,
        `/admin/organisasjon/${body}`,
        form({ ...base, userId: "99999" }),
        admin,
      );
      expect(unknown.status).toBe(400);
      expect(await unknown.text()).toContain("Velg en person fra listen.");
      const negative = await post(
        server.url,
        `/admin/organisasjon/${body}`,
        form({ ...base, voteWeight: "-1" }),
        admin,
      );
      expect(negative.status).toBe(400);
      expect(await negative.text()).toContain("Stemmevekten må være et tall fra 0 til 1000.");
      const badEnd = await post(
        server.url,
        `/admin/organisasjon/${body}`,
        form({ intent: "endMembership", membershipId: "99999", validTo: "2025-01-01" }),
        admin,
      );
      expect(badEnd.status).toBe(400);
      expect(count("membership")).toBe(memberships);
    });

    it("an unknown body is a 404 page", async () => {
      expect((await get("/admin/organisasjon/99999", admin)).status).toBe(404);
      const response = await post(
        server.url,
        "/admin/organisasjon/99999",
        form({ intent: "rename", name: "X", validFrom: "2024-01-01" }),
        admin,
      );
      expect(response.status).toBe(404);
    });
  });

  it("sets a body's signing rule and short code over HTTP; signing reads the new rule", async () => {
    const body = bodyId("Bestillerutvalget"); // Porteføljerådet today, a committee
    const path = `/admin/organisasjon/${body}`;
    const settings = () =>
      query<{ rule: string | null; code: string | null }>(
        `select signing_rule as rule, (select short_code from body_name where body_id = body.id
           order by valid_from desc limit 1) as code from body where id = ?`,
        body,
      );
    const page = await (await get(path, admin)).text();
    expect(page).toContain("Møteleder og to medlemmer valgt i møtet");
    const fingerprint = /name="fingerprint"[^>]*value="([a-f0-9]{32})"/.exec(page)?.[1];
    expect(fingerprint).toBeDefined();
    const before = settings();
    expect(before.code).not.toBe("PRX");
    const boardId = query<{ id: number }>("select id from body where kind = 'board'").id;
    const boardCode = await (async () => {
      const database = openDatabase(server.database);
      try {
        return (await getBody(database, boardId))!.code;
      } finally {
        await database.destroy();
      }
    })();
    expect(boardCode).toMatch(/^[A-Z]+$/);
    const save = (fields: Record<string, string>, cookie: string) =>
      post(server.url, path, form({ intent: "settings", fingerprint: fingerprint!, ...fields }), cookie);

    expect((await save({ signingRule: "chairAndTwo", shortCode: "PRX" }, employee)).status).toBe(403);
    expect(settings()).toEqual(before);

    const bad = await save({ signingRule: "chairAndTwo", shortCode: "pr-1!" }, admin);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Kortkoden må være 1 til 6 store bokstaver eller sifre");
    expect(settings()).toEqual(before);

    const taken = await save({ signingRule: "chairAndTwo", shortCode: boardCode }, admin);
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain("Et annet organ bruker allerede denne kortkoden.");
    expect(settings()).toEqual(before);

    const saved = await save({ signingRule: "chairAndTwo", shortCode: "PRX" }, admin);
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`${path}?melding=innstillinger-lagret`);
    expect(settings()).toEqual({ rule: "chairAndTwo", code: "PRX" });

    // The form shown before the save is stale now: refused, nothing overwritten.
    const stale = await save({ signingRule: "chair", shortCode: "PRY" }, admin);
    expect(stale.status).toBe(409);
    expect(settings()).toEqual({ rule: "chairAndTwo", code: "PRX" });

    // Approving a protocol asks the body for its rule (approve-protocol.server.ts): two members now.
    const database = openDatabase(server.database);
    try {
      const row = await getBody(database, body);
      expect(row?.code).toBe("PRX");
      const rule = signingRuleOf(row!.kind, row!.signing_rule);
      expect(rule).toBe("chairAndTwo");
      expect(chosenMemberCount(rule)).toBe(2);
    } finally {
      await database.destroy();
    }
  });

  it("renames a body from a date over HTTP", async () => {
    const body = bodyId("Teknisk");
    const response = await post(
      server.url,
      `/admin/organisasjon/${body}`,
      form({ intent: "rename", name: "Teknikk og miljø", validFrom: "2025-01-01" }),
      admin,
    );
    expect(response.status).toBe(302);
    const reader = openSyncDb(server.database);
    const names = (
      reader.prepare("select name from body_name where body_id = ? order by valid_from").all(body) as {
        name: string;
      }[]
    )
      .map((r) => r.name)
      .join("|");
    reader.close();
    expect(names).toBe("Teknisk|Teknikk og miljø");
  });

  it("deactivating an account logs it out at once and keeps it out; the admin cannot deactivate themself", async () => {
    const email = "ansatt4@innspill.test";
    const id = userId(email);
    const proposalsBefore = query<{ n: number }>(
      "select count(*) as n from proposal where author_id = ?",
      id,
    ).n;
    const cookie = await loginCookie(server.url, email);
    expect((await get("/innspill", cookie)).status).toBe(200);

    const response = await post(server.url, `/admin/brukere/${id}`, form({ intent: "deactivate" }), admin);
    expect(response.status).toBe(302);
    expect(query<{ n: number }>("select count(*) as n from session where user_id = ?", id).n).toBe(0);

    const after = await get("/innspill", cookie);
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toMatch(/^\/logg-inn/);
    await expect(loginCookie(server.url, email)).rejects.toThrow(/Login failed/);
    // Everything the account did stays.
    expect(query<{ n: number }>("select count(*) as n from proposal where author_id = ?", id).n).toBe(
      proposalsBefore,
    );
    const list = await (await get("/admin/brukere", admin)).text();
    expect(list).toContain("Deaktivert");

    const self = await post(
      server.url,
      `/admin/brukere/${userId("admin@innspill.test")}`,
      form({ intent: "deactivate" }),
      admin,
    );
    expect(self.status).toBe(400);
    expect(await self.text()).toContain("Du kan ikke deaktivere din egen konto.");
    expect((await get("/admin", admin)).status).toBe(200);

    const reactivated = await post(server.url, `/admin/brukere/${id}`, form({ intent: "reactivate" }), admin);
    expect(reactivated.status).toBe(302);
    expect(await loginCookie(server.url, email)).toMatch(/^innspill_session=/);
  });
});
