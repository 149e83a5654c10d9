import Database from "better-sqlite3";
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, inject, it } from "vitest";
import { securityTexts } from "~/domain/texts/security";
import { startServer, type TestServer } from "../support/server";
import { form, openReadOnly, request } from "./support";

/**
 * A real production mode: the configuration is checked at start (a wrong value stops the server
 * naming the variable), INNSPILL_MODE=production never seeds, refuses a database with demo
 * accounts, needs SESSION_SECRET and SECURE_COOKIES=true, and its first administrator comes from
 * `npm run create-admin` with a one-time password that must be changed at the first login.
 */

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "innspill-prod-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const production = {
  INNSPILL_MODE: "production",
  SESSION_SECRET: "a".repeat(16) + "b".repeat(16) + "c".repeat(16),
  SECURE_COOKIES: "true",
};
const root = path.resolve(__dirname, "../..");

async function refusedStart(env: Record<string, string>, dataDir = freshDir()): Promise<string> {
  let server: TestServer | undefined;
  try {
    server = await startServer({ dataDir, seed: false, env });
  } catch (error) {
    return String((error as Error).message);
  } finally {
    await server?.stop();
  }
  throw new Error("The server started");
}

describe("configuration", () => {
  it("a wrong value stops the server with a message naming the variable", async () => {
    expect(await refusedStart({ PORT: "åtti" })).toMatch(/PORT: PORT må være et tall/);
    expect(await refusedStart({ SECURE_COOKIES: "ja" })).toMatch(
      /SECURE_COOKIES: SECURE_COOKIES må være "true"/,
    );
    expect(await refusedStart({ SESSION_IDLE_HOURS: "0" })).toMatch(/SESSION_IDLE_HOURS/);
    expect(await refusedStart({ INNSPILL_MODE: "prod" })).toMatch(/INNSPILL_MODE/);
    expect(await refusedStart({ WEB_CONCURRENCY: "0" })).toMatch(
      /WEB_CONCURRENCY: WEB_CONCURRENCY må være mellom 1 og 64/,
    );
    expect(await refusedStart({ WEB_CONCURRENCY: "alle" })).toMatch(
      /WEB_CONCURRENCY: WEB_CONCURRENCY må være et tall/,
    );
  });

  it("every server process runs with the configured heap limit (SERVER_HEAP_MB), malloc's fixed mmap threshold and, one per core, single-threaded GC; a wrong limit stops the server", async () => {
    expect(await refusedStart({ SERVER_HEAP_MB: "64" })).toMatch(
      /SERVER_HEAP_MB: SERVER_HEAP_MB må være mellom 128 og 65536/,
    );
    expect(await refusedStart({ SERVER_HEAP_MB: "mye" })).toMatch(
      /SERVER_HEAP_MB: SERVER_HEAP_MB må være et tall/,
    );
    // The primary forks its server processes with the configured limit.
    const server = await startServer({
      dataDir: freshDir(),
      seed: false,
      processes: 2,
      env: { SERVER_HEAP_MB: "300" },
    });
    try {
      const pids = server.servingPids();
      expect(pids).toHaveLength(2);
      for (const pid of pids) {
        const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
        expect(argv.filter((arg) => arg.startsWith("--max-old-space-size"))).toEqual([
          "--max-old-space-size=300",
        ]);
        // With a server process on every core, each collects garbage on its own thread (decision 032).
        expect(argv.includes("--single-threaded-gc")).toBe(pids.length >= availableParallelism());
        // And each keeps no 16 MB scrypt block per thread: malloc's threshold is fixed (round 5).
        const environ = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
        expect(environ).toContain("MALLOC_MMAP_THRESHOLD_=1048576");
      }
    } finally {
      await server.stop();
    }
  });

  it("a wrong sign-in value stops the server at start, not at the first login page", async () => {
    expect(await refusedStart({ LOCAL_LOGIN: "sometimes" })).toMatch(
      /LOCAL_LOGIN: must be all, admins or off/,
    );
    expect(await refusedStart({ OIDC_ISSUERS: "x" })).toMatch(/OIDC_X_ISSUER/);
    expect(
      await refusedStart({
        OIDC_ISSUERS: "molde",
        OIDC_MOLDE_ISSUER: "http://login.example",
        OIDC_MOLDE_CLIENT_ID: "innspill",
        OIDC_MOLDE_REDIRECT_URL: "https://innspill.example/auth/oidc/molde/callback",
        OIDC_MOLDE_LABEL: "Molde kommune",
      }),
    ).toMatch(/OIDC_MOLDE_ISSUER .*https/);
    // Every wrong variable is named, the general ones and the sign-in ones together.
    const both = await refusedStart({ PORT: "åtti", OIDC_ALLOW_HTTP: "ja" });
    expect(both).toMatch(/PORT: /);
    expect(both).toMatch(/OIDC_ALLOW_HTTP: /);
  });

  it("production needs SESSION_SECRET and SECURE_COOKIES=true", async () => {
    expect(await refusedStart({ ...production, SESSION_SECRET: "" })).toMatch(/SESSION_SECRET/);
    expect(await refusedStart({ ...production, SECURE_COOKIES: "false" })).toMatch(/SECURE_COOKIES/);
    expect(await refusedStart({ ...production, SESSION_SECRET: "kort" })).toMatch(/SESSION_SECRET: .*32/);
  });

  it("production refuses to start on a database holding demo accounts", async () => {
    const dataDir = freshDir();
    cpSync(inject("seededTemplateDir"), dataDir, { recursive: true });
    expect(await refusedStart(production, dataDir)).toMatch(/demokontoer/);
  });
});

describe("production mode", () => {
  it("never seeds, shows no demo banner, and its first admin signs in with a one-time password and must change it", async () => {
    const dataDir = freshDir();
    // SEED_DEMO=true is ignored in production. The idle limit is set to 2 hours. WEB_CONCURRENCY
    // is left unset: production runs one server process per core (decision 021).
    const cores = Math.min(availableParallelism(), 64);
    const server = await startServer({
      dataDir,
      seed: true,
      processes: cores,
      env: { ...production, SESSION_IDLE_HOURS: "2", WEB_CONCURRENCY: "" },
    });
    try {
      expect(server.servingPids()).toHaveLength(cores);
      const db = openReadOnly(path.join(dataDir, "innspill.db"));
      expect(db.prepare("select count(*) n from user").get()).toEqual({ n: 0 });
      expect(db.prepare("select count(*) n from proposal").get()).toEqual({ n: 0 });
      const loginPage = await request(server.url, "/logg-inn");
      expect(loginPage.status).toBe(200);
      expect(loginPage.body).not.toContain("demo-banner");

      const run = (email: string) =>
        promisify(execFile)(path.join(root, "node_modules/.bin/tsx"), ["scripts/create-admin.ts", email], {
          cwd: root,
          env: { ...process.env, ...production, DATA_DIR: dataDir },
        });
      const { stdout } = await run("it-sjef@kommune.example");
      const oneTime = /Engangspassord: (\S+)/.exec(stdout)![1]!;
      expect(oneTime.length).toBeGreaterThanOrEqual(16);
      // A second first admin is refused.
      await expect(run("noen.andre@kommune.example")).rejects.toThrow(/allerede en aktiv administrator/);

      const signIn = await request(server.url, "/logg-inn", {
        body: form({ email: "it-sjef@kommune.example", password: oneTime, redirectTo: "/" }),
      });
      expect(signIn.status).toBe(302);
      const setCookie = signIn.setCookies.find((c) => c.startsWith("__Host-innspill_session="))!;
      expect(setCookie).toMatch(/;\s*Secure/i);
      const cookie = setCookie.split(";")[0]!;

      // Every page sends them to change the password first.
      for (const page of ["/", "/admin", "/innspill"]) {
        const reply = await request(server.url, page, { cookie });
        expect(reply.status, page).toBe(302);
        expect(reply.location, page).toBe("/min-profil");
      }
      const profile = await request(server.url, "/min-profil", { cookie });
      expect(profile.body).toContain(securityTexts.profile.mustChange);
      const changed = await request(server.url, "/min-profil", {
        cookie,
        body: form({
          currentPassword: oneTime,
          newPassword: "et-godt-nytt-passord",
          repeatPassword: "et-godt-nytt-passord",
        }),
      });
      expect(changed.status).toBe(302);
      expect((await request(server.url, "/admin", { cookie })).status).toBe(200);
      db.close();

      // SESSION_IDLE_HOURS=2: a session unused for 3 hours has ended.
      const writable = new Database(path.join(dataDir, "innspill.db"));
      writable.pragma("busy_timeout = 5000");
      writable
        .prepare("update session set last_seen_at = ?")
        .run(new Date(Date.now() - 3 * 3600_000).toISOString());
      writable.close();
      const idle = await request(server.url, "/admin", { cookie });
      expect(idle.status).toBe(302);
      expect(idle.location).toMatch(/^\/logg-inn/);
    } finally {
      await server.stop();
    }
  });
});
