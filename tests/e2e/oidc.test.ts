import type { SyncDb } from "../support/sync-db";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { databaseChecksum, openReadOnly } from "../reliability/support";
import { expectNoAxeViolations, launchBrowser, loginAs } from "../support/browser";
import { startTestProvider, testPeople, type TestProvider } from "../support/oidc-provider";
import { freePort, loginCookie, post, startServer, type TestServer } from "../support/server";

/**
 * Sign-in with an organisation account, end to end: a real OpenID provider (oidc-provider) in
 * this process, the built server configured for it (and for a second issuer nobody answers at),
 * and Chromium going through the provider's own sign-in pages.
 */
describe("sign-in with an OpenID Connect issuer", () => {
  let provider: TestProvider;
  let server: TestServer;
  let browser: Browser;
  let db: SyncDb;
  let serverLog = "";
  /** The server's log lines for refused sign-ins, as objects. */
  const refusals = () =>
    serverLog
      .split("\n")
      .slice(0, -1) // the last piece is an unfinished line
      .filter((line) => line.includes('"oidc_sign_in_refused"'))
      .map((line) => JSON.parse(line.slice(line.indexOf("{"))) as { issuer: string; reason: string });
  const kariName = testPeople.kari!.name;

  beforeAll(async () => {
    const port = await freePort();
    const appUrl = `http://127.0.0.1:${port}`;
    provider = await startTestProvider({ appUrls: [appUrl] });
    server = await startServer({
      port,
      env: {
        ...provider.appEnv(appUrl),
        OIDC_ISSUERS: "test,nede",
        OIDC_NEDE_ISSUER: `http://127.0.0.1:${await freePort()}`,
        OIDC_NEDE_CLIENT_ID: "innspill",
        OIDC_NEDE_REDIRECT_URL: `${appUrl}/auth/oidc/nede/callback`,
        OIDC_NEDE_LABEL: "en tjeneste som er nede",
        LOCAL_LOGIN: "admins",
      },
    });
    // The pino logger writes JSON lines to stdout.
    server.process.stdout!.on("data", (chunk: Buffer) => (serverLog += chunk.toString()));
    browser = await launchBrowser();
    db = openReadOnly(server.database);
  }, 120_000);
  afterAll(async () => {
    db?.close();
    await browser?.close();
    await server?.stop();
    await provider?.close();
  });
  beforeEach(() => {
    provider.tamper = "none";
    provider.holdRedirects = false;
    testPeople.kari!.name = kariName;
  });

  const userByEmail = (email: string) =>
    db.prepare("select * from user where email = ?").get(email) as
      { id: number; name: string; municipality_id: number | null; active: number } | undefined;
  const identitiesOf = (userId: number) =>
    db.prepare("select * from user_identity where user_id = ?").all(userId) as {
      issuer: string;
      subject: string;
      how: string;
    }[];
  const municipalityId = (name: string) =>
    (db.prepare("select id from municipality where name = ?").get(name) as { id: number }).id;

  /** A fresh browser (no provider session), through the login page to the provider's sign-in page. */
  async function toProvider(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/logg-inn`);
    await page.getByRole("link", { name: "Logg inn med testkontoen" }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    return { context, page };
  }

  /** Signs in at the provider as one of its people and consents; the browser is sent back to the app. */
  async function atProvider(page: Page, login: string) {
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill("whatever");
    await page.getByRole("button", { name: "Sign-in" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL((url) => url.origin === server.url);
  }

  async function signIn(login: string) {
    const { context, page } = await toProvider();
    await atProvider(page, login);
    return { context, page };
  }

  async function expectLoginMessage(page: Page, text: string) {
    await page.waitForURL((url) => url.pathname === "/logg-inn");
    await expect.poll(() => page.getByRole("alert").textContent()).toContain(text);
  }

  it(
    "the first sign-in creates the account with the mapped municipality; the second finds it and refreshes the name",
    { timeout: 120_000 },
    async () => {
      const loginContext = await browser.newContext();
      const login = await loginContext.newPage();
      await login.goto(`${server.url}/logg-inn`);
      expect(await login.getByRole("link", { name: /^Logg inn med / }).allTextContents()).toEqual([
        "Logg inn med testkontoen",
        "Logg inn med en tjeneste som er nede",
      ]);
      expect(await login.textContent("body")).toContain(
        "Innlogging med passord er bare for administratorer.",
      );
      await expectNoAxeViolations(login);
      await loginContext.close();

      expect(userByEmail(testPeople.kari!.email)).toBeUndefined();
      const first = await signIn("kari");
      await expect.poll(() => first.page.textContent("body")).toContain("Kari Nordmann");
      const created = userByEmail(testPeople.kari!.email)!;
      expect(created.name).toBe("Kari Nordmann");
      expect(created.municipality_id).toBe(municipalityId("Molde"));
      expect(identitiesOf(created.id)).toMatchObject([
        { issuer: provider.issuer, subject: testPeople.kari!.oid, how: "created" },
      ]);
      await first.context.close();

      testPeople.kari!.name = "Kari Nordmann Berg";
      const second = await signIn("kari");
      await expect.poll(() => second.page.textContent("body")).toContain("Kari Nordmann Berg");
      const again = userByEmail(testPeople.kari!.email)!;
      expect(again.id).toBe(created.id);
      expect(again.name).toBe("Kari Nordmann Berg");
      expect(identitiesOf(created.id)).toHaveLength(1);
      expect(
        (
          db.prepare("select count(*) n from user where email = ?").get(testPeople.kari!.email) as {
            n: number;
          }
        ).n,
      ).toBe(1);

      // Signing out ends the Innspill session and goes on to the provider's sign-out.
      const issuerSessions = () =>
        (db.prepare("select count(*) n from oidc_session").get() as { n: number }).n;
      const before = issuerSessions();
      expect(before).toBeGreaterThan(0);
      const toIssuer: string[] = [];
      second.page.on("request", (r) => {
        if (r.url().startsWith(`${provider.issuer}/session/end`)) toIssuer.push(r.url());
      });
      await second.page.getByRole("button", { name: "Logg ut" }).click();
      await expect.poll(() => toIssuer.length, { timeout: 30_000 }).toBeGreaterThan(0);
      expect(new URL(toIssuer[0]!).searchParams.get("id_token_hint")).toBeTruthy();
      expect(issuerSessions()).toBe(before - 1);
      const status = await fetch(`${server.url}/`, {
        redirect: "manual",
        headers: {
          Cookie: (await second.context.cookies(server.url)).map((c) => `${c.name}=${c.value}`).join("; "),
        },
      });
      expect(status.headers.get("location") ?? "").toContain("/logg-inn");
      await second.context.close();
    },
  );

  it(
    "links the local account with the same e-mail once, and the admin sees the link",
    { timeout: 120_000 },
    async () => {
      const local = userByEmail("ansatt@innspill.test")!;
      expect(identitiesOf(local.id)).toHaveLength(0);
      const { context, page } = await signIn("ola");
      await expect.poll(() => page.textContent("body")).toContain("Ola Hansen");
      expect(identitiesOf(local.id)).toMatchObject([{ subject: testPeople.ola!.oid, how: "linked" }]);
      expect(userByEmail("ansatt@innspill.test")!.municipality_id).toBe(local.municipality_id);
      await context.close();

      const adminContext = await browser.newContext();
      const admin = await adminContext.newPage();
      await loginAs(admin, server.url, "admin@innspill.test");
      await admin.goto(`${server.url}/admin/brukere/${local.id}`);
      await expect
        .poll(() => admin.textContent("body"))
        .toContain("Knyttet til denne kontoen via e-post ansatt@innspill.test");
      await expectNoAxeViolations(admin);

      // The organisation page's rules: the seeded domains, and a new one for the issuer.
      await admin.goto(`${server.url}/admin/organisasjon`);
      const rules = admin.getByRole("table", { name: "Regler for hvilken kommune nye kontoer får" });
      await expect.poll(() => rules.getByRole("rowheader").allTextContents()).toContain("molde.kommune.no");
      await admin.getByLabel("Gjelder").selectOption({ label: "Påloggingstjeneste (issuer)" });
      await admin.getByLabel("Verdi").fill(provider.issuer);
      await admin.getByLabel("Kommune", { exact: true }).selectOption({ label: "Rauma" });
      await admin.getByRole("button", { name: "Legg til regel" }).click();
      await admin.getByRole("status").filter({ hasText: "Regelen er lagt til." }).waitFor();
      const row = rules
        .getByRole("row")
        .filter({ has: admin.getByRole("rowheader", { name: provider.issuer }) });
      expect(await row.textContent()).toContain("Rauma");
      await expectNoAxeViolations(admin);
      await admin.getByRole("button", { name: `Fjern regelen for ${provider.issuer}` }).click();
      await admin.getByRole("status").filter({ hasText: "Regelen er fjernet." }).waitFor();
      await adminContext.close();
    },
  );

  it("passwords are for administrators only with LOCAL_LOGIN=admins", { timeout: 60_000 }, async () => {
    const refused = await post(
      server.url,
      "/logg-inn",
      new URLSearchParams({ email: "ansatt2@innspill.test", password: "demo1234", redirectTo: "/" }),
    );
    expect(refused.status).toBe(401);
    await expect(loginCookie(server.url, "admin@innspill.test")).resolves.toContain("innspill_session=");
  });

  it(
    "a deactivated account is refused whatever the issuer says, and nothing is written",
    { timeout: 120_000 },
    async () => {
      if (!userByEmail(testPeople.kari!.email)) await (await signIn("kari")).context.close();
      const kari = userByEmail(testPeople.kari!.email)!;
      const admin = await loginCookie(server.url, "admin@innspill.test");
      const off = await post(
        server.url,
        `/admin/brukere/${kari.id}`,
        new URLSearchParams({ intent: "deactivate" }),
        admin,
      );
      expect(off.status).toBe(302);
      expect(userByEmail(testPeople.kari!.email)!.active).toBe(0);

      const before = databaseChecksum(db);
      const { context, page } = await signIn("kari");
      await expectLoginMessage(page, "Kontoen din i Innspill er deaktivert");
      expect(databaseChecksum(db)).toEqual(before);
      await context.close();

      const on = await post(
        server.url,
        `/admin/brukere/${kari.id}`,
        new URLSearchParams({ intent: "reactivate" }),
        admin,
      );
      expect(on.status).toBe(302);
    },
  );

  /** Goes through the provider but stops the browser before the callback; returns its URL and the app's cookies. */
  async function capturedCallback() {
    const { context, page } = await toProvider();
    provider.holdRedirects = true;
    provider.held = [];
    await page.locator('input[name="login"]').fill("kari");
    await page.locator('input[name="password"]').fill("whatever");
    await page.getByRole("button", { name: "Sign-in" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect.poll(() => provider.held.length, { timeout: 30_000 }).toBe(1);
    provider.holdRedirects = false;
    const callback = provider.held[0]!;
    const cookie = (await context.cookies(`${server.url}/auth/oidc/test/callback`))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
    return { context, page, callback: new URL(callback), cookie };
  }

  it("a tampered state is refused and nothing is written", { timeout: 120_000 }, async () => {
    const { context, page, callback } = await capturedCallback();
    callback.searchParams.set("state", `${callback.searchParams.get("state")}x`);
    const before = databaseChecksum(db);
    await page.goto(callback.href);
    await expectLoginMessage(page, "Prøv igjen");
    expect(databaseChecksum(db)).toEqual(before);
    await context.close();
  });

  it("a replayed code is refused and nothing is written", { timeout: 120_000 }, async () => {
    const { context, page, callback, cookie } = await capturedCallback();
    await page.goto(callback.href);
    await page.waitForURL((url) => url.pathname === "/");
    await context.close();

    const before = databaseChecksum(db);
    const replay = await fetch(callback.href, { redirect: "manual", headers: { Cookie: cookie } });
    expect(replay.status).toBe(302);
    expect(replay.headers.get("location")).toBe("/logg-inn?feil=avvist");
    expect(replay.headers.get("set-cookie") ?? "").not.toContain("innspill_session=");
    expect(databaseChecksum(db)).toEqual(before);
  });

  for (const [tamper, message] of [
    ["audience", "Innloggingen kunne ikke bekreftes"],
    ["foreignIssuer", "hører ikke til en kommune som er koblet til Innspill"],
    ["otherTenant", "hører ikke til en kommune som er koblet til Innspill"],
    ["expired", "klokkene hos Innspill og påloggingstjenesten"],
  ] as const) {
    it(
      `an ID token spoilt (${tamper}) is refused with a message and nothing is written`,
      { timeout: 120_000 },
      async () => {
        provider.tamper = tamper;
        const before = databaseChecksum(db);
        const { context, page } = await signIn("kari");
        await expectLoginMessage(page, message);
        expect(databaseChecksum(db)).toEqual(before);
        await context.close();
      },
    );
  }

  it("a callback for an issuer that is not configured is refused", { timeout: 60_000 }, async () => {
    const before = databaseChecksum(db);
    const answer = await fetch(`${server.url}/auth/oidc/annen/callback?code=abc&state=def`, {
      redirect: "manual",
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe("/logg-inn?feil=ukjent");
    await expect
      .poll(() => refusals())
      .toContainEqual(expect.objectContaining({ issuer: "annen", reason: "unknownIssuer" }));
    expect(databaseChecksum(db)).toEqual(before);
  });

  it(
    "cancelling at the provider and an unreachable issuer end on the login page with a message",
    { timeout: 120_000 },
    async () => {
      const { context, page } = await toProvider();
      await page.getByRole("link", { name: "[ Cancel ]" }).click();
      await expectLoginMessage(page, "Innloggingen ble avbrutt");
      await expect
        .poll(() => refusals())
        .toContainEqual(expect.objectContaining({ issuer: "test", reason: "cancelled" }));
      await expectNoAxeViolations(page);

      await page.getByRole("link", { name: "Logg inn med en tjeneste som er nede" }).click();
      await expectLoginMessage(page, "Påloggingstjenesten svarer ikke");
      await expect
        .poll(() => refusals())
        .toContainEqual(expect.objectContaining({ issuer: "nede", reason: "unreachable" }));
      await context.close();
    },
  );
});
