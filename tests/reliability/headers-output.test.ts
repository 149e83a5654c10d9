import http from "node:http";
import { gunzipSync } from "node:zlib";
import type { SyncDb } from "../support/sync-db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityTexts } from "~/domain/texts/security";
import { parseCsv } from "../support/csv";
import { form, login, openReadOnly, request, startSeededServer, type ReliabilityServer } from "./support";

/**
 * What the server sends: a nonce-based Content-Security-Policy (no 'unsafe-inline' for scripts),
 * HSTS behind HTTPS, no-store for everything a signed-in user gets, the demo banner, CSV that
 * Excel opens in columns without formulas, public meeting documents built once with an ETag,
 * redirects that never leave the site, and one JSON log line per request with nothing secret in it.
 */

let server: ReliabilityServer;
let readDb: SyncDb;
let cookie: string;
let log = "";

beforeAll(async () => {
  server = await startSeededServer();
  server.process.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  readDb = openReadOnly(server.database);
  cookie = await login(server.url, "ansatt@innspill.test");
});

afterAll(async () => {
  readDb?.close();
  await server?.dispose();
});

function scriptSrc(csp: string) {
  return csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
}

describe("Content-Security-Policy", () => {
  it("allows scripts by a fresh nonce per response, never 'unsafe-inline'; every inline script carries it", async () => {
    const nonces = new Set<string>();
    for (const [path, who] of [
      ["/", cookie],
      ["/innspill", cookie],
      ["/prosess", null],
      ["/logg-inn", null],
    ] as const) {
      const reply = await request(server.url, path, { cookie: who });
      expect(reply.status, path).toBe(200);
      const directive = scriptSrc(String(reply.headers["content-security-policy"]));
      expect(directive, path).not.toContain("'unsafe-inline'");
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(directive)?.[1];
      expect(nonce, path).toBeDefined();
      nonces.add(nonce!);
      const scripts = reply.body.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) {
        // Remix's module scripts and its inline ones alike: each names this response's nonce.
        expect(tag, path).toContain(`nonce="${nonce}"`);
      }
    }
    expect(nonces.size).toBe(4);
  });

  it("HSTS is sent only behind HTTPS (SECURE_COOKIES=true)", async () => {
    expect((await request(server.url, "/prosess")).headers["strict-transport-security"]).toBeUndefined();
    const secure = await startSeededServer({ SECURE_COOKIES: "true" });
    try {
      const hsts = String((await request(secure.url, "/prosess")).headers["strict-transport-security"]);
      expect(hsts).toMatch(/max-age=\d{7,}/);
    } finally {
      await secure.dispose();
    }
  });
});

describe("caching", () => {
  it("every answer to a signed-in user says Cache-Control: no-store", async () => {
    const meeting = readDb
      .prepare("select id from meeting where notice_published_at is not null limit 1")
      .get() as { id: number };
    for (const path of [
      "/",
      "/innspill",
      "/prosess",
      "/finnes-ikke",
      "/innspill/eksport.csv",
      `/offentlig/moter/${meeting.id}`,
      `/offentlig/moter/${meeting.id}/innkalling.docx`,
    ]) {
      const reply = await request(server.url, path, { cookie });
      expect(reply.headers["cache-control"], path).toBe("no-store");
    }
  });

  it("a public notice is built once per process: the same bytes and ETag each time, 304 when the browser has it", async () => {
    const meeting = readDb
      .prepare("select id from meeting where notice_published_at is not null limit 1")
      .get() as { id: number };
    const path = `/offentlig/moter/${meeting.id}/innkalling.docx`;
    const first = await request(server.url, path);
    const second = await request(server.url, path);
    expect(first.status).toBe(200);
    const etag = first.headers.etag;
    // Weak: each server process builds its own copy, whose zip carries its build time (decision 021).
    expect(etag).toMatch(/^W\/"[^"]+"$/);
    expect(second.headers.etag).toBe(etag);
    expect(second.body).toBe(first.body);
    const cached = await request(server.url, path, { headers: { "If-None-Match": etag! } });
    expect(cached.status).toBe(304);
    expect(cached.body).toBe("");

    const page = `/offentlig/moter/${meeting.id}`;
    const html = await request(server.url, page);
    expect(html.status).toBe(200);
    expect(html.headers.etag).toBeDefined();
    expect(
      (await request(server.url, page, { headers: { "If-None-Match": html.headers.etag! } })).status,
    ).toBe(304);
  });
});

describe("compression", () => {
  /** The raw (still compressed) body of a GET, as the bytes came over the wire. */
  function rawGet(pathName: string, who: string) {
    return new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      const req = http.get(
        new URL(pathName, server.url),
        { headers: { Cookie: who, "Accept-Encoding": "gzip" }, agent: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }),
          );
          res.on("error", reject);
        },
      );
      req.on("error", reject);
    });
  }

  it("a page is sent gzipped as one stream, not flushed after every chunk React renders", async () => {
    const reply = await rawGet("/innspill", cookie);
    expect(reply.encoding).toBe("gzip");
    const html = gunzipSync(reply.body).toString("utf8");
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain("</html>");
    // Every flush of a deflate stream ends in an empty stored block, 00 00 ff ff. The page renders
    // in chunks of about 2 kB; they are written together (server/start.js, decision 032), so the
    // body holds at most one or two flushes where it held one per chunk.
    let flushes = 0;
    for (let at = reply.body.indexOf(SYNC_FLUSH); at >= 0; at = reply.body.indexOf(SYNC_FLUSH, at + 1))
      flushes++;
    expect(html.length).toBeGreaterThan(8 * 1024);
    expect(flushes).toBeLessThanOrEqual(2);
  });
});

const SYNC_FLUSH = Buffer.from([0x00, 0x00, 0xff, 0xff]);

describe("demo mode", () => {
  it('says "Demo" on every page', async () => {
    for (const [path, who] of [
      ["/logg-inn", null],
      ["/prosess", null],
      ["/", cookie],
      ["/finnes-ikke", cookie],
    ] as const) {
      const reply = await request(server.url, path, { cookie: who });
      expect(reply.body, path).toMatch(
        new RegExp(`class="demo-banner"[^>]*><strong>${securityTexts.demo.banner}</strong>`),
      );
    }
  });
});

describe("CSV export", () => {
  it("is separated by semicolons, keeps a cell with a semicolon whole and guards formulas", async () => {
    const municipalityId = (readDb.prepare("select min(id) id from municipality").get() as { id: number }).id;
    const titles = ["Bedre innsyn;=cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example")', "@SUM(A1)"];
    for (const title of titles) {
      const reply = await request(server.url, "/innspill/ny", {
        cookie,
        body: form({
          intent: "submit",
          title,
          background: "B.",
          problem: "P.",
          solution: "L.",
          municipalityIds: String(municipalityId),
        }),
      });
      expect(reply.status, title).toBe(302);
    }
    const csv = await request(server.url, "/innspill/eksport.csv", { cookie });
    expect(csv.status).toBe(200);
    const rows = parseCsv(csv.body.replace(/^\uFEFF/, ""), ";");
    const header = rows[0]!;
    expect(header.length).toBeGreaterThan(5);
    // Every record has as many cells as the header: no title spilled into a cell of its own.
    for (const row of rows.slice(1)) expect(row.length).toBe(header.length);
    const cells = rows.slice(1).map((r) => r[1]);
    expect(cells).toContain("Bedre innsyn;=cmd|' /C calc'!A0");
    expect(cells).toContain('\'=HYPERLINK("http://evil.example")');
    expect(cells).toContain("'@SUM(A1)");
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t]/);
  });
});

describe("redirects", () => {
  it("/logg-inn?redirectTo=/./\\evil.example/x stays on the site, logged in or not", async () => {
    const hostile = [
      "/./\\evil.example/x",
      "/.//evil.example/x",
      "/%2e/\\evil.example",
      "/x/../\\evil.example",
    ];
    for (const target of hostile) {
      // Already signed in: the login page sends on at once.
      const page = await request(server.url, `/logg-inn?redirectTo=${encodeURIComponent(target)}`, {
        cookie,
      });
      expect(page.status, target).toBe(302);
      expect(new URL(page.location!, "http://innspill.invalid").host, target).toBe("innspill.invalid");
      expect(page.location!.startsWith("//") || page.location!.startsWith("/\\"), target).toBe(false);
      // Signing in.
      const post = await request(server.url, "/logg-inn", {
        body: form({ email: "ansatt@innspill.test", password: "demo1234", redirectTo: target }),
        localAddress: "127.0.5.1",
      });
      expect(post.status, target).toBe(302);
      expect(post.location, target).toBe("/");
    }
    const fine = await request(server.url, "/logg-inn?redirectTo=%2Finnspill%3Fmine%3D1", { cookie });
    expect(fine.location).toBe("/innspill?mine=1");
  });
});

describe("logs", () => {
  it("one JSON line per request with id, method, route, status and duration; never a password, cookie or form field", async () => {
    const password = "hemmelig-passord-9137";
    const reply = await request(server.url, "/logg-inn", {
      body: form({ email: "ansatt@innspill.test", password, redirectTo: "/skjult-sti" }),
      localAddress: "127.0.5.2",
    });
    expect(reply.status).toBe(401);
    const requestId = String(reply.headers["x-request-id"]);
    await request(server.url, "/innspill?q=hemmeligsok", { cookie });
    await new Promise((r) => setTimeout(r, 500));

    const lines = log.split("\n").filter((l) => l.trim());
    const entries = lines.map(
      (l) =>
        JSON.parse(l) as {
          req?: { id?: string; method?: string; route?: string };
          res?: { status?: number };
          responseTime?: unknown;
        },
    );
    const entry = entries.find((e) => e.req?.id === requestId);
    expect(entry).toBeDefined();
    expect(entry!.req).toEqual({ id: requestId, method: "POST", route: "/logg-inn" });
    expect(entry!.res).toEqual({ status: 401 });
    expect(typeof entry!.responseTime).toBe("number");
    const search = entries.find((e) => e.req?.route === "/innspill" && e.req?.method === "GET");
    expect(search).toBeDefined();

    expect(log).not.toContain(password);
    expect(log).not.toContain("skjult-sti");
    expect(log).not.toContain("hemmeligsok");
    expect(log).not.toContain(cookie.split("=")[1]!);
    expect(log).not.toMatch(/innspill_session=/);
  });
});
