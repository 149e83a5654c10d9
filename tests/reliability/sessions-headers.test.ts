import type { SyncDb } from "../support/sync-db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "~/domain/texts";
import {
  dataVersion,
  databaseChecksum,
  form,
  login,
  Multipart,
  openReadOnly,
  request,
  startSeededServer,
  type ReliabilityServer,
  type Reply,
} from "./support";

/**
 * Sessions and the headers that protect them: login throttling per account and per address,
 * a new session at every login, cookies a script cannot read, the security headers, and
 * cross-origin posts refused before anything is written.
 */

let server: ReliabilityServer;
let readDb: SyncDb;

beforeAll(async () => {
  server = await startSeededServer();
  readDb = openReadOnly(server.database);
});

afterAll(async () => {
  readDb?.close();
  await server?.dispose();
});

const LOCKED = t.login.locked(15);

/** One login attempt from a loopback address; the time it took, and the answer. */
async function attempt(email: string, password: string, localAddress: string) {
  const started = performance.now();
  const reply = await request(server.url, "/logg-inn", {
    body: form({ email, password, redirectTo: "/" }),
    localAddress,
  });
  return { reply, ms: performance.now() - started };
}

describe("login throttling", () => {
  it("failures for one account from many addresses slow it down, but never lock the rightful user out", async () => {
    const email = "ansatt3@innspill.test";
    const durations: number[] = [];
    // Each failure from a different address, so only the account's count can be what throttles.
    for (let i = 0; i < 12; i++) {
      const { reply, ms } = await attempt(email, "feil-passord", `127.0.0.${11 + i}`);
      expect(reply.status, `attempt ${i + 1}`).toBe(401);
      expect(reply.body).toContain(t.login.invalid);
      durations.push(ms);
    }
    // From the fourth failure on, the server waits before it answers: 250 ms more for each.
    for (let i = 3; i < 12; i++)
      expect(durations[i]!, `attempt ${i + 1}`).toBeGreaterThanOrEqual(250 * (i - 2) - 20);

    // The right password from yet another address signs in (slowly): no lock across addresses.
    const rightful = await attempt(email, "demo1234", "127.0.0.40");
    expect(rightful.reply.status).toBe(302);
    expect(rightful.reply.setCookies.some((c) => c.startsWith("innspill_session="))).toBe(true);
  });

  it("failures from one address for many accounts slow it down, but other people behind it still sign in", async () => {
    const address = "127.0.0.60";
    const durations: number[] = [];
    for (let i = 0; i < 12; i++) {
      const { reply, ms } = await attempt(`ukjent${i}@innspill.test`, "feil-passord", address);
      expect(reply.status, `attempt ${i + 1}`).toBe(401);
      durations.push(ms);
    }
    for (let i = 3; i < 12; i++)
      expect(durations[i]!, `attempt ${i + 1}`).toBeGreaterThanOrEqual(250 * (i - 2) - 20);

    // A colleague behind the same address (a NAT) signs in.
    expect((await attempt("ansatt5@innspill.test", "demo1234", address)).reply.status).toBe(302);
  });

  it("ten failures for one account from one address lock that pair (429); the account signs in from elsewhere", async () => {
    const email = "ansatt4@innspill.test";
    const address = "127.0.0.90";
    for (let i = 0; i < 10; i++)
      expect((await attempt(email, "feil-passord", address)).reply.status, `attempt ${i + 1}`).toBe(401);
    const locked = await attempt(email, "demo1234", address);
    expect(locked.reply.status).toBe(429);
    expect(locked.reply.body).toContain(LOCKED);
    expect(locked.reply.setCookies.filter((c) => c.startsWith("innspill_session="))).toEqual([]);
    expect((await attempt(email, "demo1234", "127.0.0.91")).reply.status).toBe(302);
  });
});

describe("login redirects", () => {
  it("go back only to a path on this site: never elsewhere, never with a header broken open", async () => {
    const to = async (redirectTo: string, address: string) =>
      (
        await request(server.url, "/logg-inn", {
          body: form({ email: "ansatt@innspill.test", password: "demo1234", redirectTo }),
          localAddress: address,
        })
      ).location;
    expect(await to("/innspill?status=aktive", "127.0.0.70")).toBe("/innspill?status=aktive");
    const hostile = [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "/\t/evil.example",
      "/x\r\nSet-Cookie: a=b",
      "/ø",
      "/./\\evil.example/x",
      "/.//evil.example",
      "/x/..//evil.example",
      "/%2e/\\evil.example",
    ];
    for (const [i, redirectTo] of hostile.entries())
      expect(await to(redirectTo, `127.0.0.${71 + i}`), JSON.stringify(redirectTo)).toBe("/");
  });
});

describe("sessions", () => {
  const home = (cookie: string) => request(server.url, "/", { cookie });
  const signedIn = (reply: Reply) => reply.status === 200;

  it("every login starts a new session and replaces the one the browser carried (no fixation)", async () => {
    const sessions = () => (readDb.prepare("select count(*) n from session").get() as { n: number }).n;
    const first = await login(server.url, "ansatt@innspill.test");
    const before = sessions();
    const again = await request(server.url, "/logg-inn", {
      cookie: first,
      body: form({ email: "ansatt@innspill.test", password: "demo1234", redirectTo: "/" }),
    });
    expect(again.status).toBe(302);
    const second = again.setCookies.find((c) => c.startsWith("innspill_session="))?.split(";")[0];
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    // The old session is gone, replaced by the new one.
    expect(sessions()).toBe(before);
    expect(signedIn(await home(second!))).toBe(true);
    expect(signedIn(await home(first))).toBe(false);
  });

  it("a session ends at logout: the old cookie no longer signs anyone in", async () => {
    const cookie = await login(server.url, "ansatt2@innspill.test");
    expect(signedIn(await home(cookie))).toBe(true);
    const out = await request(server.url, "/logg-ut", { cookie, body: form({}) });
    expect(out.status).toBe(302);
    expect(
      out.setCookies.some(
        (c) => /^innspill_session=;/.test(c) && /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c),
      ),
    ).toBe(true);
    const after = await home(cookie);
    expect(after.status).toBe(302);
    expect(after.location).toMatch(/^\/logg-inn\?redirectTo=/);
  });

  it("a tampered cookie signs nobody in", async () => {
    const cookie = await login(server.url, "ansatt2@innspill.test");
    const [name, value] = cookie.split("=") as [string, string];
    // Change one character of the signature for certain (a replacement equal to the original would change nothing).
    const original = value.at(-2)!;
    const tampered = `${name}=${value.slice(0, -2)}${original === "A" ? "B" : "A"}${value.slice(-1)}`;
    expect(tampered).not.toBe(cookie);
    const reply = await home(tampered);
    expect(reply.status).toBe(302);
    expect(reply.location).toMatch(/^\/logg-inn/);
  });

  it("the session cookie is HttpOnly, SameSite=Lax, Path=/ and not Secure over plain HTTP", async () => {
    const reply = await request(server.url, "/logg-inn", {
      body: form({ email: "ansatt@innspill.test", password: "demo1234", redirectTo: "/" }),
    });
    const cookie = reply.setCookies.find((c) => c.startsWith("innspill_session="))!;
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it("with SECURE_COOKIES=true (behind HTTPS) the cookie is Secure and __Host- prefixed", async () => {
    const secure = await startSeededServer({ SECURE_COOKIES: "true" });
    try {
      const reply = await request(secure.url, "/logg-inn", {
        body: form({ email: "ansatt@innspill.test", password: "demo1234", redirectTo: "/" }),
      });
      const cookie = reply.setCookies.find((c) => c.startsWith("__Host-innspill_session="))!;
      expect(cookie).toMatch(/;\s*Path=\/(;|$)/i);
      expect(cookie).not.toMatch(/;\s*Domain=/i);
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    } finally {
      await secure.dispose();
    }
  });
});

describe("security headers", () => {
  it("every kind of answer carries CSP (frame-ancestors 'none'), Referrer-Policy, nosniff and X-Frame-Options", async () => {
    const cookie = await login(server.url, "ansatt@innspill.test");
    const answers: [string, Reply][] = [
      ["page", await request(server.url, "/innspill", { cookie })],
      ["public page", await request(server.url, "/prosess")],
      ["login redirect", await request(server.url, "/innspill")],
      ["404", await request(server.url, "/finnes-ikke", { cookie })],
      ["400 from a form", await request(server.url, "/innspill/ny", { cookie, body: form({}) })],
      ["static file", await request(server.url, "/favicon.ico")],
      [
        "cross-origin refusal",
        await request(server.url, "/innspill/ny", { cookie, body: form({}), origin: "https://evil.example" }),
      ],
    ];
    for (const [what, reply] of answers) {
      const csp = String(reply.headers["content-security-policy"] ?? "");
      expect(csp, what).toMatch(/frame-ancestors 'none'/);
      expect(csp, what).toMatch(/default-src 'self'/);
      expect(csp, what).toMatch(/object-src 'none'/);
      expect(reply.headers["referrer-policy"], what).toBe("same-origin");
      expect(reply.headers["x-content-type-options"], what).toBe("nosniff");
      expect(reply.headers["x-frame-options"], what).toBe("DENY");
      expect(reply.headers["x-powered-by"], what).toBeUndefined();
    }
  });
});

describe("cross-origin posts", () => {
  function proposalForm() {
    return new Multipart()
      .field("intent", "submit")
      .field("title", "Kryssopprinnelse")
      .field("background", "B.")
      .field("problem", "P.")
      .field("solution", "L.")
      .field(
        "municipalityIds",
        String((readDb.prepare("select min(id) id from municipality").get() as { id: number }).id),
      );
  }

  it("a valid form with a valid session is refused (403, with a message) from another site, and nothing is written", async () => {
    const cookie = await login(server.url, "ansatt@innspill.test");
    const port = new URL(server.url).port;
    const tries: [string, Parameters<typeof request>[2]][] = [
      ["another origin", { origin: "https://evil.example" }],
      ["same host, another port", { origin: `http://127.0.0.1:${Number(port) + 1}` }],
      ["opaque origin", { origin: "null" }],
      [
        "no Origin, but Sec-Fetch-Site: cross-site",
        { origin: null, headers: { "Sec-Fetch-Site": "cross-site" } },
      ],
    ];
    const before = databaseChecksum(readDb);
    const version = dataVersion(readDb);
    for (const [what, options] of tries) {
      const reply = await request(server.url, "/innspill/ny", { ...options, cookie, body: proposalForm() });
      expect(reply.status, what).toBe(403);
      expect(reply.body, what).toContain(t.errors.crossOrigin);
      const logout = await request(server.url, "/logg-ut", { ...options, cookie, body: form({}) });
      expect(logout.status, `${what}: logout`).toBe(403);
    }
    // On PostgreSQL the counter is the next transaction id, which bookkeeping writes (a session's
    // last use, the notification worker) move too: there the checksum alone is the check.
    if (readDb.engine === "sqlite") expect(dataVersion(readDb)).toBe(version);
    expect(databaseChecksum(readDb)).toEqual(before);

    // The same post from the site itself goes through: the refusal was about the origin.
    const same = await request(server.url, "/innspill/ny", { cookie, body: proposalForm() });
    expect(same.status).toBe(302);
  });
});
