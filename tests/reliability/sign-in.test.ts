import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "~/domain/texts";
import { securityTexts } from "~/domain/texts/security";
import { openSyncDb, type SyncDb } from "../support/sync-db";
import {
  form,
  login,
  openReadOnly,
  request,
  startSeededServer,
  type ReliabilityServer,
  type Reply,
} from "./support";

/**
 * Signing in that resists abuse: parallel guesses are throttled in one transaction, an unknown
 * e-mail answers like a wrong password, sessions end when the password changes, when idle and
 * at their absolute end, old rows are pruned, and two admins cannot demote each other to none.
 */

let server: ReliabilityServer;
let readDb: SyncDb;
let writeDb: SyncDb;

beforeAll(async () => {
  server = await startSeededServer();
  readDb = openReadOnly(server.database);
  writeDb = openSyncDb(server.database, { writable: true });
});

afterAll(async () => {
  readDb?.close();
  writeDb?.close();
  await server?.dispose();
});

const attempt = (email: string, password: string, localAddress: string, cookie?: string) =>
  request(server.url, "/logg-inn", {
    body: form({ email, password, redirectTo: "/" }),
    localAddress,
    cookie,
  });
const sessionCookieOf = (reply: Reply) =>
  reply.setCookies.find((c) => c.startsWith("innspill_session="))?.split(";")[0];
const signedIn = async (cookie: string) => (await request(server.url, "/", { cookie })).status === 200;
const userId = (email: string) =>
  (readDb.prepare("select id from user where email = ?").get(email) as { id: number }).id;

describe("throttling", () => {
  it("of 100 parallel wrong passwords for one account from one address, at most the limit (10) are evaluated", async () => {
    const email = "bestiller.aukra@innspill.test";
    const replies = await Promise.all(
      Array.from({ length: 100 }, () => attempt(email, "feil-passord", "127.0.1.10")),
    );
    const statuses = replies.map((r) => r.status);
    const evaluated = statuses.filter((s) => s === 401).length;
    expect(evaluated).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBe(100 - evaluated);
    for (const reply of replies.filter((r) => r.status === 429))
      expect(reply.body).toContain(t.login.locked(15));
    const recorded = (
      readDb.prepare("select count(*) n from login_attempt where email = ?").get(email) as { n: number }
    ).n;
    expect(recorded).toBeLessThanOrEqual(10);
  });

  it("an unknown e-mail and a deactivated account answer exactly like a wrong password (no account enumeration)", async () => {
    // That they also cost the same scrypt work is proven in tests/integration/sign-in-hash.test.ts
    // and measured by `npm run bench`; this suite never asserts on time.
    const deactivated = "bestiller.vestnes@innspill.test";
    writeDb.prepare("update user set active = 0 where email = ?").run(deactivated);
    // Each from its own address, so no throttling delay or lock applies.
    const replies = {
      wrongPassword: await attempt("bestiller.rauma@innspill.test", "feil-passord", "127.0.2.1"),
      unknown: await attempt("finnes.ikke@innspill.test", "feil-passord", "127.0.2.2"),
      deactivatedWrong: await attempt(deactivated, "feil-passord", "127.0.2.3"),
      deactivatedRight: await attempt(deactivated, "demo1234", "127.0.2.4"),
    };
    for (const [name, reply] of Object.entries(replies)) {
      expect({ name, status: reply.status }).toEqual({ name, status: 401 });
      expect(reply.body).toContain(t.login.invalid);
      expect(reply.setCookies.filter((c) => c.startsWith("innspill_session="))).toEqual([]);
    }
  });
});

describe("sessions", () => {
  it("a new login replaces the session the browser came with", async () => {
    const first = sessionCookieOf(await attempt("ansatt@innspill.test", "demo1234", "127.0.4.1"))!;
    const again = await attempt("ansatt@innspill.test", "demo1234", "127.0.4.1", first);
    const second = sessionCookieOf(again)!;
    expect(second).not.toBe(first);
    expect(await signedIn(second)).toBe(true);
    expect(await signedIn(first)).toBe(false);
  });

  it("changing one's own password on Min profil needs the current one and ends every other session", async () => {
    const email = "koordinator2@innspill.test";
    const here = await login(server.url, email, { localAddress: "127.0.4.2" });
    const elsewhere = await login(server.url, email, { localAddress: "127.0.4.3" });
    const page = await request(server.url, "/min-profil", { cookie: here });
    expect(page.status).toBe(200);
    expect(page.body).toContain(securityTexts.profile.title);

    const wrong = await request(server.url, "/min-profil", {
      cookie: here,
      body: form({
        currentPassword: "gjettet",
        newPassword: "et-nytt-langt-passord",
        repeatPassword: "et-nytt-langt-passord",
      }),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain(securityTexts.profile.errors.currentWrong);
    expect(await signedIn(elsewhere)).toBe(true);

    const changed = await request(server.url, "/min-profil", {
      cookie: here,
      body: form({
        currentPassword: "demo1234",
        newPassword: "et-nytt-langt-passord",
        repeatPassword: "et-nytt-langt-passord",
      }),
    });
    expect(changed.status).toBe(302);
    expect(await signedIn(here)).toBe(true);
    expect(await signedIn(elsewhere)).toBe(false);
    expect((await attempt(email, "demo1234", "127.0.4.4")).status).toBe(401);
    expect((await attempt(email, "et-nytt-langt-passord", "127.0.4.5")).status).toBe(302);
  });

  it("a password set by an admin ends all of the user's sessions", async () => {
    const email = "styremedlem.rauma@innspill.test";
    const user = await login(server.url, email, { localAddress: "127.0.4.6" });
    const admin = await login(server.url, "admin@innspill.test", { localAddress: "127.0.4.7" });
    const id = userId(email);
    const page = await request(server.url, `/admin/brukere/${id}`, { cookie: admin });
    const fingerprint = /name="fingerprint" value="([a-f0-9]+)"/.exec(page.body)![1]!;
    const name = (readDb.prepare("select name from user where id = ?").get(id) as { name: string }).name;
    const saved = await request(server.url, `/admin/brukere/${id}`, {
      cookie: admin,
      body: form({ intent: "save", name, email, fingerprint, password: "satt-av-admin-123" }),
    });
    expect(saved.status).toBe(302);
    expect(await signedIn(user)).toBe(false);
    expect(await signedIn(admin)).toBe(true);
  });

  it("a session ends after 8 hours idle and 14 days after login, whatever its use", async () => {
    const cookie = await login(server.url, "ansatt2@innspill.test", { localAddress: "127.0.4.8" });
    const row = readDb
      .prepare(
        "select s.id, s.created_at, s.expires_at from session s join user u on u.id = s.user_id where u.email = ? order by s.created_at desc limit 1",
      )
      .get("ansatt2@innspill.test") as {
      id: string;
      created_at: string;
      expires_at: string;
    };
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(14 * 24 * 3600_000);
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
    const seen = (iso: string) =>
      writeDb.prepare("update session set last_seen_at = ? where id = ?").run(iso, row.id);

    seen(hoursAgo(7.5));
    expect(await signedIn(cookie)).toBe(true);
    seen(hoursAgo(8.1));
    expect(await signedIn(cookie)).toBe(false);

    // Used a minute ago, but past its absolute end.
    const fresh = await login(server.url, "ansatt2@innspill.test", { localAddress: "127.0.4.9" });
    const freshId = (
      readDb
        .prepare(
          "select s.id from session s join user u on u.id = s.user_id where u.email = ? order by s.created_at desc limit 1",
        )
        .get("ansatt2@innspill.test") as { id: string }
    ).id;
    writeDb
      .prepare("update session set created_at = ?, expires_at = ?, last_seen_at = ? where id = ?")
      .run(hoursAgo(14 * 24 + 1), hoursAgo(1), hoursAgo(0.01), freshId);
    expect(await signedIn(fresh)).toBe(false);
  });

  it("ended sessions and login attempts older than a day are pruned", async () => {
    const someone = userId("ansatt3@innspill.test");
    const old = new Date(Date.now() - 3 * 24 * 3600_000).toISOString();
    writeDb
      .prepare(
        "insert into session (id, user_id, created_at, expires_at, last_seen_at) values (?, ?, ?, ?, ?)",
      )
      .run("utlopt-okt", someone, old, old, old);
    writeDb
      .prepare(
        "insert into login_attempt (email, ip, at, success) values ('gammel@innspill.test', '127.0.0.1', ?, 0)",
      )
      .run(old);
    await login(server.url, "ansatt3@innspill.test", { localAddress: "127.0.4.10" });
    expect(readDb.prepare("select count(*) n from session where id = 'utlopt-okt'").get()).toEqual({ n: 0 });
    expect(
      readDb.prepare("select count(*) n from login_attempt where email = 'gammel@innspill.test'").get(),
    ).toEqual({ n: 0 });
  });
});

describe("the last admin", () => {
  it("two admins demoting each other at the same moment leave one", async () => {
    const other = "koordinator@innspill.test";
    writeDb.prepare("update user set is_admin = 1 where email = ?").run(other);
    const admins = () =>
      (readDb.prepare("select count(*) n from user where is_admin = 1 and active = 1").get() as { n: number })
        .n;
    // Only these two are admins.
    writeDb
      .prepare("update user set is_admin = 0 where is_admin = 1 and email not in ('admin@innspill.test', ?)")
      .run(other);
    expect(admins()).toBe(2);
    const cookies: Record<string, string> = {
      "admin@innspill.test": await login(server.url, "admin@innspill.test", { localAddress: "127.0.4.11" }),
      [other]: await login(server.url, other, { localAddress: "127.0.4.12" }),
    };
    const demote = async (actor: string, target: string) => {
      const id = userId(target);
      const page = await request(server.url, `/admin/brukere/${id}`, { cookie: cookies[actor] });
      const fingerprint = /name="fingerprint" value="([a-f0-9]+)"/.exec(page.body)![1]!;
      const row = readDb.prepare("select name, is_coordinator from user where id = ?").get(id) as {
        name: string;
        is_coordinator: number;
      };
      return {
        send: () =>
          request(server.url, `/admin/brukere/${id}`, {
            cookie: cookies[actor],
            body: form({
              intent: "save",
              name: row.name,
              email: target,
              fingerprint,
              isCoordinator: row.is_coordinator ? "on" : undefined,
            }),
          }),
      };
    };
    const a = await demote("admin@innspill.test", other);
    const b = await demote(other, "admin@innspill.test");
    const [ra, rb] = await Promise.all([a.send(), b.send()]);
    expect([ra.status, rb.status].filter((s) => s === 302).length).toBeLessThanOrEqual(1);
    expect(admins()).toBeGreaterThanOrEqual(1);
  });
});
