import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { t } from "~/domain/texts";
import { startServer, type TestServer } from "../support/server";
import { openSyncDb, type SyncDb } from "../support/sync-db";

/**
 * Shared helpers of the reliability suite: the server (started from a seeded template, so each
 * file pays for the demo seed once), raw HTTP (no redirects followed, any body, any source
 * address on the loopback), logins by role, a checksum of the whole database, and a seeded PRNG.
 */

// ---------------------------------------------------------------------------------------------
// Servers

declare module "vitest" {
  export interface ProvidedContext {
    /** A data directory the demo world was seeded into once (see global-setup.ts). */
    seededTemplateDir: string;
  }
}

export interface ReliabilityServer extends TestServer {
  /** Stops the server and removes its data directory. */
  dispose: () => Promise<void>;
}

/**
 * The numbers of server processes the concurrency, crash and load tests run each scenario with:
 * one, and two on the same database file (WEB_CONCURRENCY, node:cluster; decision 021).
 */
export const processCounts = [1, 2] as const;

/** A copy of the seeded demo world's data directory, for a server of its own. */
export function seededDataDir(): string {
  const dataDir = mkdtempSync(path.join(tmpdir(), "innspill-rel-"));
  cpSync(inject("seededTemplateDir"), dataDir, { recursive: true });
  return dataDir;
}

/** A production server on its own copy of the seeded demo database, with 1 (default) or more processes. */
export async function startSeededServer(
  env: Record<string, string> = {},
  opts: { processes?: number } = {},
): Promise<ReliabilityServer> {
  const dataDir = seededDataDir();
  // No delivery worker: the suite checks that what it did not allow wrote nothing, and a worker sending
  // on its own schedule would write meanwhile (delivery has its own tests: tests/integration/email-delivery).
  const server = await startServer({
    dataDir,
    env: { NOTIFICATION_WORKER: "off", ...env },
    processes: opts.processes,
  });
  return {
    ...server,
    dispose: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The Location header of a redirect. */
  location: string | null;
  setCookies: string[];
}

export interface RequestOptions {
  method?: string;
  cookie?: string | null;
  /** Defaults to the server's own origin on POST, as a browser sends it; null sends none. */
  origin?: string | null;
  headers?: Record<string, string>;
  body?: string | Buffer | URLSearchParams | Multipart;
  /** The loopback address to connect from (127.0.0.x): the server throttles logins per address. */
  localAddress?: string;
  timeoutMs?: number;
  /** A connection of its own, closed after the answer: a POST that is sent again must never meet a kept-alive socket the server is closing. */
  freshConnection?: boolean;
}

const agents = new Map<string, http.Agent>();
function agentFor(localAddress: string | undefined): http.Agent {
  const key = localAddress ?? "";
  let agent = agents.get(key);
  if (!agent) {
    agent = new http.Agent({ keepAlive: true, maxSockets: 64, localAddress });
    agents.set(key, agent);
  }
  return agent;
}

/**
 * One request, answered as it is: redirects are not followed, any status is returned. A GET that
 * meets a kept-alive connection the server had just closed is sent once more (it changes nothing).
 */
export async function request(
  baseUrl: string,
  pathName: string,
  options: RequestOptions = {},
): Promise<Reply> {
  try {
    return await requestOnce(baseUrl, pathName, options);
  } catch (error) {
    const get = (options.method ?? (options.body === undefined ? "GET" : "POST")) === "GET";
    if (get && (error as NodeJS.ErrnoException).code === "ECONNRESET")
      return requestOnce(baseUrl, pathName, options);
    throw error;
  }
}

function requestOnce(baseUrl: string, pathName: string, options: RequestOptions): Promise<Reply> {
  const method = options.method ?? (options.body === undefined ? "GET" : "POST");
  const headers: Record<string, string> = { ...options.headers };
  let body: Buffer | undefined;
  if (options.body instanceof Multipart) {
    body = options.body.toBuffer();
    headers["Content-Type"] = options.body.contentType;
  } else if (options.body instanceof URLSearchParams) {
    body = Buffer.from(options.body.toString());
    headers["Content-Type"] = "application/x-www-form-urlencoded";
  } else if (options.body !== undefined) {
    body = Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body);
    headers["Content-Type"] ??= "application/x-www-form-urlencoded";
  }
  if (body) headers["Content-Length"] = String(body.length);
  if (options.cookie) headers.Cookie = options.cookie;
  const origin = options.origin === undefined ? (method === "GET" ? null : baseUrl) : options.origin;
  if (origin) headers.Origin = origin;
  const url = new URL(pathName, baseUrl);
  // A server may answer a large body before reading all of it (a field over its limit) and then
  // drop the connection; such a post gets a connection of its own, so no later request reuses it.
  const large = (body?.length ?? 0) > 100_000 || options.freshConnection === true;
  if (large) headers.Connection = "close";
  const agent = large
    ? new http.Agent({ keepAlive: false, localAddress: options.localAddress })
    : agentFor(options.localAddress);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent, timeout: options.timeoutMs ?? 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const setCookie = res.headers["set-cookie"] ?? [];
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          location: typeof res.headers.location === "string" ? res.headers.location : null,
          setCookies: setCookie,
        });
      });
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`Timeout: ${method} ${pathName}`)));
    req.on("error", reject);
    req.end(body);
  });
}

/** A hand-built multipart body, so file names and parts can be anything a hostile client sends. */
export class Multipart {
  readonly boundary = `----innspill${createHash("sha1").update(String(Math.random())).digest("hex").slice(0, 24)}`;
  private parts: Buffer[] = [];

  get contentType() {
    return `multipart/form-data; boundary=${this.boundary}`;
  }

  field(name: string, value: string): this {
    this.parts.push(
      Buffer.from(`--${this.boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
    return this;
  }

  file(name: string, fileName: string, content: Buffer | string, type = "application/octet-stream"): this {
    this.parts.push(
      Buffer.from(
        `--${this.boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      Buffer.isBuffer(content) ? content : Buffer.from(content),
      Buffer.from("\r\n"),
    );
    return this;
  }

  toBuffer(): Buffer {
    return Buffer.concat([...this.parts, Buffer.from(`--${this.boundary}--\r\n`)]);
  }
}

/** A url-encoded body from pairs; a key may repeat (as checkboxes and multi-selects send it). */
export function form(
  pairs: Record<string, string | string[] | undefined> | [string, string][],
): URLSearchParams {
  const params = new URLSearchParams();
  const entries = Array.isArray(pairs) ? pairs : Object.entries(pairs);
  for (const [k, v] of entries) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  }
  return params;
}

/** Logs in over HTTP and returns the session cookie ("innspill_session=…"). */
export async function login(
  baseUrl: string,
  email: string,
  opts: { password?: string; localAddress?: string } = {},
): Promise<string> {
  const reply = await request(baseUrl, "/logg-inn", {
    body: form({ email, password: opts.password ?? "demo1234", redirectTo: "/" }),
    localAddress: opts.localAddress,
  });
  const cookie = reply.setCookies.find((c) => c.startsWith("innspill_session="));
  if (reply.status !== 302 || !cookie) throw new Error(`Login failed for ${email}: ${reply.status}`);
  return cookie.split(";")[0]!;
}

// ---------------------------------------------------------------------------------------------
// Roles

/** The roles of the authorisation matrix; each (but anonymous) is a demo account. */
export const roles = [
  "anonymous",
  "employee",
  "submitter",
  "coordinator",
  "groupLeader",
  "groupMember",
  "committeeMember",
  "boardMember",
  "admin",
] as const;
export type Role = (typeof roles)[number];
export type SignedInRole = Exclude<Role, "anonymous">;

/**
 * Who plays each role. The fixtures' proposals are written by `submitter` and assigned to the
 * group `groupLeader` leads and `groupMember` sits in (Helse og velferd); `employee` has no role
 * anywhere. The demo coordinator also sits in that group and is the committee's secretary.
 */
export const roleEmails: Record<SignedInRole, string> = {
  employee: "ansatt2@innspill.test",
  submitter: "ansatt@innspill.test",
  coordinator: "koordinator@innspill.test",
  groupLeader: "faggruppeleder@innspill.test",
  groupMember: "faggruppemedlem@innspill.test",
  committeeMember: "bestiller@innspill.test",
  boardMember: "styremedlem@innspill.test",
  admin: "admin@innspill.test",
};

/** A session cookie per role (none for anonymous). */
export async function loginAll(baseUrl: string): Promise<Record<Role, string | null>> {
  const cookies = { anonymous: null } as Record<Role, string | null>;
  for (const role of roles) if (role !== "anonymous") cookies[role] = await login(baseUrl, roleEmails[role]);
  return cookies;
}

// ---------------------------------------------------------------------------------------------
// The database, read from outside

/** The server's database from outside (its file, or its PostgreSQL URL: `server.database`). */
export function openReadOnly(database: string): SyncDb {
  return openSyncDb(database);
}

/** The tables of the database (on SQLite FTS shadow tables included: they change when a proposal does). */
export function tableNames(db: SyncDb): string[] {
  const sql =
    db.engine === "postgres"
      ? "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name"
      : "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name";
  return (db.prepare(sql).all() as { name: string }[]).map((r) => r.name);
}

/**
 * Columns that record when something was last used, not what it is: a signed-in request moves a
 * session's last use (at most once a minute) without changing any data.
 */
const bookkeepingColumns: Record<string, string[]> = { session: ["last_seen_at"] };

/**
 * Tables of rendered copies, not data: a final report's or a published protocol's file is stored
 * on its first download and served as stored from then on (docs/decisions/022), so a read may add
 * a row there without changing anything it was rendered from.
 */
const renderedCopies = ["frozen_document"];

/**
 * A checksum of every table (bookkeeping columns aside): its row count, its largest rowid and a hash of all its rows in
 * rowid order (on PostgreSQL: its row count and a hash of its rows in text order). Two equal
 * checksums mean nothing was inserted, changed or deleted.
 */
export function databaseChecksum(db: SyncDb, opts: { ignore?: string[] } = {}): Record<string, string> {
  if (db.engine === "postgres") return postgresChecksum(db, opts);
  const sums: Record<string, string> = {};
  for (const name of tableNames(db)) {
    if (opts.ignore?.includes(name) || renderedCopies.includes(name)) continue;
    const withoutRowid = /without\s+rowid/i.test(
      (db.prepare("select sql from sqlite_master where name = ?").get(name) as { sql: string | null }).sql ??
        "",
    );
    const order = withoutRowid ? "" : " order by rowid";
    const skipped = bookkeepingColumns[name];
    const columns = skipped
      ? (db.prepare(`select name from pragma_table_info(?)`).all(name) as { name: string }[])
          .map((c) => c.name)
          .filter((c) => !skipped.includes(c))
          .map((c) => `"${c}"`)
          .join(", ")
      : "*";
    const rows = (
      db.prepare(`select ${columns} from "${name}"${order}`).all() as Record<string, unknown>[]
    ).map((row) => Object.values(row));
    const hash = createHash("sha256");
    for (const row of rows)
      hash.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString("hex") : v)));
    const max = withoutRowid
      ? ""
      : String((db.prepare(`select max(rowid) m from "${name}"`).get() as { m: number | null }).m);
    sums[name] = `${rows.length}:${max}:${hash.digest("hex").slice(0, 16)}`;
  }
  return sums;
}

/** PostgreSQL: every table's count and hash in one statement (each a `psql` run). */
function postgresChecksum(db: SyncDb, opts: { ignore?: string[] }): Record<string, string> {
  const columns = db
    .prepare(
      "select table_name as t, column_name as c from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position",
    )
    .all() as { t: string; c: string }[];
  const parts = tableNames(db)
    .filter((name) => !opts.ignore?.includes(name) && !renderedCopies.includes(name))
    .map((name) => {
      const skipped = bookkeepingColumns[name] ?? [];
      const kept = columns
        .filter((col) => col.t === name && !skipped.includes(col.c))
        .map((col) => `"${col.c}"`)
        .join(", ");
      return `select '${name}' as name, (select count(*)::text || ':' || md5(coalesce(string_agg(r::text, E'\\n' order by r::text), '')) from (select ${kept} from "${name}") r) as sum`;
    });
  if (parts.length === 0) return {};
  const rows = db.prepare(parts.join(" union all ")).all() as { name: string; sum: string }[];
  return Object.fromEntries(rows.map((r) => [r.name, r.sum]));
}

/**
 * Changes whenever another connection commits a change: SQLite's own counter; on PostgreSQL the
 * next transaction id (a reading statement takes none, a writing one does, committed or not).
 */
export function dataVersion(db: SyncDb): number {
  if (db.engine === "postgres")
    return Number(
      (db.prepare("select pg_snapshot_xmax(pg_current_snapshot())::text as v").get() as { v: string }).v,
    );
  return (db.prepare("pragma data_version").get() as { data_version: number }).data_version;
}

/** Every file under a directory, as relative paths (attachments on disk are part of the state). */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: string[];
    try {
      entries = readdirSync(d);
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(d, e);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

// ---------------------------------------------------------------------------------------------
// Answers

const errorTitles = [t.errors.notFoundTitle, t.errors.forbiddenTitle, t.errors.conflictTitle];

/**
 * Whether an error answer tells the user what is wrong: a field message, an error summary, an
 * alert, or the 403/404/409 page. (The generic "something went wrong" page does not count.)
 */
export function hasMessage(reply: Reply): boolean {
  const type = String(reply.headers["content-type"] ?? "");
  if (type.startsWith("text/plain")) return reply.body.trim().length > 0;
  return (
    /class="field-error"|class="error-summary"|role="alert"|class="notice error"/.test(reply.body) ||
    errorTitles.some((title) => reply.body.includes(`<h1>${title}</h1>`))
  );
}

/** A short description of an answer, for assertion messages. */
export function describeReply(reply: Reply): string {
  const text = reply.body
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .slice(0, 300);
  return `${reply.status}${reply.location ? ` → ${reply.location}` : ""}: ${text}`;
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a small, fast PRNG; the same seed gives the same payloads on every run. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Prng = ReturnType<typeof prng>;

/** Runs `fn` over items with at most `limit` in flight. */
export async function inParallel<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]!, i);
      }
    }),
  );
  return results;
}
