import type { SyncDb } from "../support/sync-db";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { randomBytes } from "node:crypto";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityTexts } from "~/domain/texts/security";
import { startServer } from "../support/server";
import {
  filesUnder,
  form,
  login,
  Multipart,
  openReadOnly,
  request,
  startSeededServer,
  type ReliabilityServer,
} from "./support";

/**
 * Request bodies are limited and refused (413) the moment they pass the limit — from
 * Content-Length before a byte is read, while streaming for a chunked body — and uploads are
 * checked while they are parsed: the number of files, each file's size, the total. A proposal
 * holds at most 5 attachments across edits; a file's content must match its type. Files of a
 * failed post and of a deleted draft do not stay on disk, and the data folder is private.
 */

let server: ReliabilityServer;
let readDb: SyncDb;
let cookie: string;
let municipalityId: number;

const MB = 1024 * 1024;
const FORM_LIMIT = 2 * MB;
const TOO_LARGE = "Forespørselen er for stor";

beforeAll(async () => {
  server = await startSeededServer();
  readDb = openReadOnly(server.database);
  cookie = await login(server.url, "ansatt@innspill.test");
  municipalityId = (readDb.prepare("select min(id) id from municipality").get() as { id: number }).id;
});

afterAll(async () => {
  readDb?.close();
  await server?.dispose();
});

/** The server's resident memory, in bytes. */
function serverMemory(): number {
  const status = readFileSync(`/proc/${server.process.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

/**
 * Streams a body in 64 kB chunks (chunked transfer, or with a Content-Length) until the server
 * answers or `max` bytes are sent; returns the answer and how much had been sent when it came.
 */
function streamUntilAnswered(
  pathName: string,
  opts: {
    contentType: string;
    max: number;
    head?: Buffer;
    /** What is sent over and over (64 kB of "a" unless given). */
    chunk?: Buffer;
    contentLength?: number;
    cookie?: string;
  },
): Promise<{ status: number; body: string; sentWhenAnswered: number; sentInAll: number }> {
  const url = new URL(pathName, server.url);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let sentWhenAnswered = -1;
    let answered = false;
    const headers: Record<string, string> = {
      "Content-Type": opts.contentType,
      Origin: server.url,
      Connection: "close",
    };
    if (opts.contentLength !== undefined) headers["Content-Length"] = String(opts.contentLength);
    if (opts.cookie) headers.Cookie = opts.cookie;
    const req = http.request(url, { method: "POST", headers, agent: false }, (res) => {
      sentWhenAnswered = sent;
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString("utf8"),
          sentWhenAnswered,
          sentInAll: sent,
        }),
      );
    });
    // Once answered, the server may close the connection while we write: that is expected.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const chunk = opts.chunk ?? Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      if (answered || req.destroyed) return;
      if (sent === 0 && opts.head) {
        sent += opts.head.length;
        req.write(opts.head);
      }
      while (!answered && sent < opts.max) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe("body size", () => {
  it("a post announcing 300 MB is refused with 413 and a Norwegian message before its body is read", async () => {
    const reply = await streamUntilAnswered("/logg-inn", {
      contentType: "application/x-www-form-urlencoded",
      contentLength: 300 * MB,
      // Sends only 1 MB of the announced 300: the answer must come without waiting for the rest.
      max: 1 * MB,
    });
    expect(reply.status).toBe(413);
    expect(reply.body).toContain(TOO_LARGE);
    expect(reply.sentWhenAnswered).toBeLessThanOrEqual(1 * MB);
  });

  it("a chunked url-encoded body is refused with 413 once it passes the limit, and the server does not grow", async () => {
    const before = serverMemory();
    const reply = await streamUntilAnswered("/logg-inn", {
      contentType: "application/x-www-form-urlencoded",
      max: 64 * MB,
    });
    expect(reply.status).toBe(413);
    expect(reply.body).toContain(TOO_LARGE);
    // The answer came while the body was still streaming: far less than 64 MB had been sent
    // (the limit, plus what the sockets' buffers hold).
    expect(reply.sentWhenAnswered).toBeLessThan(FORM_LIMIT + 16 * MB);
    expect(serverMemory() - before).toBeLessThan(64 * MB);
  });

  it("a multipart body over the total limit is refused with 413: from Content-Length, and while streaming", async () => {
    const body = new Multipart();
    const announced = await streamUntilAnswered("/innspill/ny", {
      contentType: body.contentType,
      cookie,
      contentLength: 500 * MB,
      max: 1 * MB,
    });
    expect(announced.status).toBe(413);
    expect(announced.body).toContain(TOO_LARGE);
    // Many text fields, each under the per-field limit: only the total can stop them.
    const part = Buffer.from(
      `--${body.boundary}\r\nContent-Disposition: form-data; name="benefits"\r\n\r\n${"a".repeat(60_000)}\r\n`,
    );
    const streamed = await streamUntilAnswered("/innspill/ny", {
      contentType: body.contentType,
      cookie,
      chunk: part,
      max: 150 * MB,
    });
    expect(streamed.status).toBe(413);
    expect(streamed.body).toContain(TOO_LARGE);
    expect(streamed.sentWhenAnswered).toBeLessThan(52 * MB + 16 * MB);
  });
});

function proposalForm(intent: "draft" | "submit", files: [string, Buffer | string][], version?: number) {
  const body = new Multipart()
    .field("intent", intent)
    .field("title", `Vedleggsprøve ${Math.random().toString(36).slice(2, 8)}`)
    .field("background", "Bakgrunn.")
    .field("problem", "Problem.")
    .field("solution", "Løsning.")
    .field("municipalityIds", String(municipalityId));
  if (version !== undefined) body.field("version", String(version));
  for (const [name, content] of files) body.file("attachments", name, content, "application/octet-stream");
  return body;
}

const pdf = (n: number): [string, string] => [`notat${n}.pdf`, `%PDF-1.4 vedlegg ${n}`];
/** The smallest header a PNG has: its signature and an IHDR chunk. */
const png = Buffer.concat([
  Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex"),
  Buffer.from("0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082", "hex"),
]);

const attachmentCount = (proposalId: number) =>
  (readDb.prepare("select count(*) n from attachment where proposal_id = ?").get(proposalId) as { n: number })
    .n;
const storedFiles = () => filesUnder(path.join(server.dataDir, "attachments"));
const idFrom = (location: string | null) => Number(/\/innspill\/(\d+)/.exec(location ?? "")?.[1]);

describe("uploads", () => {
  it("a sixth file is refused (413) while the form is read, and nothing is stored", async () => {
    const before = storedFiles();
    const reply = await request(server.url, "/innspill/ny", {
      cookie,
      body: proposalForm("draft", [1, 2, 3, 4, 5, 6].map(pdf)),
    });
    expect(reply.status).toBe(413);
    expect(reply.body).toContain(securityTexts.attachments.tooManyInForm);
    expect(storedFiles()).toEqual(before);
  });

  it("a file over 10 MB is refused (413) as soon as it passes 10 MB, not after the whole body", async () => {
    const body = new Multipart().field("intent", "draft");
    const head = Buffer.from(
      `--${body.boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="stor.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 `,
    );
    const reply = await streamUntilAnswered("/innspill/ny", {
      contentType: body.contentType,
      cookie,
      head,
      // Under the total limit (52 MB): only the file's own limit can stop it early.
      max: 48 * MB,
    });
    expect(reply.status).toBe(413);
    expect(reply.body).toContain(securityTexts.attachments.fileTooLarge("stor.pdf"));
    expect(reply.sentWhenAnswered).toBeLessThan(10 * MB + 16 * MB);
  });

  it("a proposal holds at most 5 attachments across edits", async () => {
    const created = await request(server.url, "/innspill/ny", {
      cookie,
      body: proposalForm("draft", [1, 2, 3].map(pdf)),
    });
    expect(created.status).toBe(302);
    const id = idFrom(created.location);
    expect(attachmentCount(id)).toBe(3);
    const before = storedFiles();

    const version = () =>
      (readDb.prepare("select version from proposal where id = ?").get(id) as { version: number }).version;
    const tooMany = await request(server.url, `/innspill/${id}/rediger`, {
      cookie,
      body: proposalForm("draft", [4, 5, 6].map(pdf), version()),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toContain(securityTexts.attachments.tooMany);
    expect(attachmentCount(id)).toBe(3);
    expect(storedFiles()).toEqual(before);

    const two = await request(server.url, `/innspill/${id}/rediger`, {
      cookie,
      body: proposalForm("draft", [4, 5].map(pdf), version()),
    });
    expect(two.status).toBe(302);
    expect(attachmentCount(id)).toBe(5);
  });

  it("a large attachment reaches a slow reader whole, and a reader that leaves mid-file does not stop the server", async () => {
    // 9 MB that gzip cannot shrink and a PDF's header: bigger than the socket's and compression's
    // buffers, so the server must wait for the reader (server/start.js writeBody) and never lose a byte.
    const content = Buffer.concat([Buffer.from("%PDF-1.4 "), randomBytes(9 * MB)]);
    const created = await request(server.url, "/innspill/ny", {
      cookie,
      body: proposalForm("draft", [["stor.pdf", content]]),
    });
    expect(created.status).toBe(302);
    const id = idFrom(created.location);
    const { id: attachmentId } = readDb
      .prepare("select id from attachment where proposal_id = ?")
      .get(id) as {
      id: number;
    };
    const download = (onResponse: (res: http.IncomingMessage, done: (body: Buffer) => void) => void) =>
      new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
        const req = http.get(
          `${server.url}/innspill/${id}/vedlegg/${attachmentId}`,
          { headers: { cookie } },
          (res) => onResponse(res, (body) => resolve({ status: res.statusCode ?? 0, body })),
        );
        req.on("error", reject);
      });

    // A slow reader: reads nothing for a while, then everything.
    const slow = await download((res, done) => {
      res.pause();
      setTimeout(() => {
        const parts: Buffer[] = [];
        res.on("data", (part: Buffer) => parts.push(part));
        res.on("end", () => done(Buffer.concat(parts)));
        res.resume();
      }, 1_500);
    });
    expect(slow.status).toBe(200);
    expect(slow.body.length).toBe(content.length);
    expect(slow.body.equals(content)).toBe(true);

    // A reader that leaves after the first bytes: the server goes on answering.
    const left = await download((res, done) => {
      res.once("data", (part: Buffer) => {
        res.destroy();
        done(part);
      });
    });
    expect(left.status).toBe(200);
    expect(left.body.length).toBeGreaterThan(0);
    const after = await request(server.url, "/healthz");
    expect(after.status).toBe(200);
  });

  it("a file whose content is not what its type says is refused; a real PDF and PNG are kept", async () => {
    for (const [name, content] of [
      ["notat.pdf", "Dette er ikke en PDF"],
      ["bilde.png", "%PDF-1.4 forkledd"],
      ["bilde.jpg", png],
      ["dokument.docx", "<html>"],
    ] as [string, string | Buffer][]) {
      const before = storedFiles();
      const reply = await request(server.url, "/innspill/ny", {
        cookie,
        body: proposalForm("draft", [[name, content]]),
      });
      expect(reply.status, name).toBe(400);
      expect(reply.body, name).toContain("stemmer ikke med filtypen");
      expect(storedFiles(), name).toEqual(before);
    }
    const ok = await request(server.url, "/innspill/ny", {
      cookie,
      body: proposalForm("draft", [pdf(1), ["bilde.png", png]]),
    });
    expect(ok.status).toBe(302);
    expect(attachmentCount(idFrom(ok.location))).toBe(2);
  });

  it("the files of a post that fails (a stale version) are removed", async () => {
    const created = await request(server.url, "/innspill/ny", { cookie, body: proposalForm("draft", []) });
    const id = idFrom(created.location);
    const before = storedFiles();
    const stale = await request(server.url, `/innspill/${id}/rediger`, {
      cookie,
      body: proposalForm("draft", [pdf(1), pdf(2)], 0),
    });
    expect(stale.status).toBe(409);
    expect(storedFiles()).toEqual(before);
    expect(attachmentCount(id)).toBe(0);
  });
});

describe("deleting a draft", () => {
  it("works for its author and removes the draft, its history, its attachments and their files", async () => {
    const created = await request(server.url, "/innspill/ny", {
      cookie,
      body: proposalForm("draft", [pdf(1), pdf(2)]),
    });
    const id = idFrom(created.location);
    const keys = (
      readDb.prepare("select storage_key k from attachment where proposal_id = ?").all(id) as { k: string }[]
    ).map((r) => r.k);
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(storedFiles()).toContain(key);

    // Someone else cannot delete it (404: they may not know it exists).
    const other = await login(server.url, "ansatt2@innspill.test");
    expect(
      (await request(server.url, `/innspill/${id}`, { cookie: other, body: form({ intent: "delete" }) }))
        .status,
    ).toBe(404);

    const reply = await request(server.url, `/innspill/${id}`, { cookie, body: form({ intent: "delete" }) });
    expect(reply.status).toBe(302);
    const count = (table: string) =>
      (
        readDb
          .prepare(`select count(*) n from ${table} where ${table === "proposal" ? "id" : "proposal_id"} = ?`)
          .get(id) as { n: number }
      ).n;
    expect(count("proposal")).toBe(0);
    expect(count("proposal_history")).toBe(0);
    expect(count("attachment")).toBe(0);
    for (const key of keys) expect(storedFiles()).not.toContain(key);
  });
});

describe("files on disk", () => {
  it("the data folder is 0700 and the database and attachments 0600/0700, whatever the umask", async () => {
    const parent = mkdtempSync(path.join(tmpdir(), "innspill-perm-"));
    const dataDir = path.join(parent, "data");
    const previous = process.umask(0o000);
    let fresh: Awaited<ReturnType<typeof startServer>> | undefined;
    try {
      fresh = await startServer({ dataDir, seed: false });
    } finally {
      process.umask(previous);
    }
    try {
      const mode = (p: string) => statSync(p).mode & 0o777;
      expect(mode(dataDir)).toBe(0o700);
      expect(mode(path.join(dataDir, "attachments"))).toBe(0o700);
      // On PostgreSQL the database is not a file here (fresh.database is its URL).
      if (fresh.database.endsWith("innspill.db")) expect(mode(path.join(dataDir, "innspill.db"))).toBe(0o600);
      expect(mode(path.join(dataDir, "session-secret"))).toBe(0o600);
      for (const f of ["innspill.db-wal", "innspill.db-shm"])
        if (filesUnder(dataDir).includes(f)) expect(mode(path.join(dataDir, f)), f).toBe(0o600);
    } finally {
      await fresh?.stop();
      rmSync(parent, { recursive: true, force: true });
    }
    // And an uploaded attachment on the seeded server.
    const created = await request(server.url, "/innspill/ny", {
      cookie,
      body: proposalForm("draft", [pdf(9)]),
    });
    const key = (
      readDb
        .prepare("select storage_key k from attachment where proposal_id = ?")
        .get(idFrom(created.location)) as { k: string }
    ).k;
    expect(statSync(path.join(server.dataDir, "attachments", key)).mode & 0o777).toBe(0o600);
  });
});
