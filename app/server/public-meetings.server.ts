import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { getMeeting } from "#db/repositories/meeting.repository";
import { db } from "./db.server";
import { frozenDocument } from "./frozen-documents.server";
import { docxFileName, meetingDocx } from "./meeting-docx.server";
import { publicMeeting } from "./meetings/public.server";

/**
 * The public notices and protocols, built once per meeting version and served from memory: an
 * anonymous visitor cannot make the server rebuild a page's data or a Word file per request.
 * Every change to a meeting bumps its version, so a key never names stale content. The cache
 * holds at most MAX_ENTRIES builds (the least recently used go first).
 *
 * The cache is per server process (WEB_CONCURRENCY, decision 021): each process builds a version
 * once. Its ETags must therefore not depend on which process built it: a Word file's bytes do
 * (the zip and its properties carry the time of the build), so its ETag is a digest of what it
 * shows (the document's data and kind) and of this build of the code, not of its bytes. The same
 * content gives the same ETag in every process, and a new release renders anew.
 */
const MAX_ENTRIES = 300;
const cache = new Map<string, Promise<unknown>>();

function remember<T>(key: string, build: () => Promise<T>): Promise<T> {
  const hit = cache.get(key) as Promise<T> | undefined;
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const built = build();
  cache.set(key, built);
  // A failed build is not kept: the next request tries again.
  built.catch(() => cache.delete(key));
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return built;
}

const digest = (data: string | Uint8Array) =>
  createHash("sha256").update(data).digest("base64url").slice(0, 27);

/** This build of the server code (the bundle this module is part of): a new release changes every ETag. */
const codeVersion = digest(readFileSync(fileURLToPath(import.meta.url)));

async function versionKey(id: number): Promise<string | undefined> {
  const meeting = await getMeeting(db(), id);
  return meeting ? `${id}:${meeting.version}:${meeting.status}` : undefined;
}

/**
 * A published protocol no longer changes but for what bumps the meeting's version (an addendum):
 * its Word file is rendered once per version and kept in the database (frozen_document),
 * so no process renders it again, not after a restart either.
 */
function protocolDocx(versionKey: string, render: () => Promise<Buffer>) {
  return frozenDocument(db(), { kind: "public-protocol", key: versionKey, format: "docx" }, render);
}

/** A meeting's public page data and its ETag; undefined when nothing of it is public. */
export async function cachedPublicMeeting(id: number) {
  const key = await versionKey(id);
  if (!key) return undefined;
  return remember(`page:${key}`, async () => {
    const data = await publicMeeting(id);
    return data && { data, etag: `W/"${digest(`${codeVersion}:${JSON.stringify(data)}`)}"` };
  });
}

/**
 * A public notice or protocol as a Word file, with a strong ETag; 304 when the browser has it.
 * 404 when that document is not public.
 */
export async function publicMeetingDocx(
  request: Request,
  id: number,
  kind: "notice" | "protocol",
): Promise<Response | undefined> {
  const key = await versionKey(id);
  if (!key) return undefined;
  const file = await remember(`docx:${kind}:${key}`, async () => {
    const meeting = await publicMeeting(id);
    if (!meeting || (kind === "protocol" && !meeting.protocolPublished)) return undefined;
    const render = () => meetingDocx(meeting.document, kind);
    const buffer = kind === "protocol" ? await protocolDocx(key, render) : await render();
    // Weak: another process's build of the same content has other bytes (see above).
    const etag = `W/"${digest(`${codeVersion}:${kind}:${JSON.stringify(meeting.document)}`)}"`;
    return { buffer, etag, fileName: docxFileName(meeting.document, kind) };
  });
  if (!file) return undefined;
  const headers = {
    ETag: file.etag,
    // Public, but checked with the server on every use (a 304 costs nothing to build).
    "Cache-Control": "public, no-cache",
  };
  if (request.headers.get("If-None-Match") === file.etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(file.buffer), {
    headers: {
      ...headers,
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
    },
  });
}
