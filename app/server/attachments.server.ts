import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { chmod, mkdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { getAttachment, getProposalForViewer } from "#db/repositories/proposal.repository";
import { attachmentTypes, extensionOf, MAX_FILE_BYTES, MAX_FILES } from "~/domain/proposal.schema";
import { securityTexts } from "~/domain/texts/security";
import { notFound } from "./auth.server";
import { config } from "./config.server";
import { db } from "./db.server";
import { payloadTooLarge, tooLargeMessage } from "./limits.server";

/** A multipart form broke one of the upload limits while it was being read. */
class UploadLimitError extends Error {}

/**
 * An upload handler that enforces the limits while the body streams in: the number of files, the
 * size of each, and their total. The moment one is passed, reading stops and the form is refused
 * (413) — nothing past the limit is read into memory.
 */
function limitedFileHandler(): UploadHandler {
  let files = 0;
  let total = 0;
  return async ({ filename, contentType, data }) => {
    if (filename === undefined) return undefined;
    // An empty file input arrives as a nameless, empty part: not a file.
    if (filename !== "" && ++files > MAX_FILES)
      throw new UploadLimitError(securityTexts.attachments.tooManyInForm);
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      total += chunk.byteLength;
      if (size > MAX_FILE_BYTES) throw new UploadLimitError(securityTexts.attachments.fileTooLarge(filename));
      if (total > MAX_FILES * MAX_FILE_BYTES) throw new UploadLimitError(tooLargeMessage("multipart"));
      chunks.push(new Uint8Array(chunk));
    }
    return new File(chunks, filename, { type: contentType });
  };
}

/** Text parts over 200 kB are refused as a whole (400): no form field needs more. */
const textHandler = unstable_createMemoryUploadHandler({ maxPartSize: 200_000 });

export class FormTooLargeError extends Error {}

/**
 * Parses a multipart or url-encoded form. Throws a 413 Response when an upload limit is passed
 * (or the server stopped the body at its size limit), FormTooLargeError when a text field is oversized.
 */
export async function readForm(request: Request): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.startsWith("multipart/form-data")) {
      return await unstable_parseMultipartFormData(
        request,
        unstable_composeUploadHandlers(limitedFileHandler(), textHandler),
      );
    }
    return await request.formData();
  } catch (error) {
    if (error instanceof UploadLimitError) throw payloadTooLarge(error.message);
    if (request.signal.aborted) throw payloadTooLarge();
    if (error instanceof MaxPartSizeExceededError) throw new FormTooLargeError("form field too large");
    // A broken multipart body (truncated, wrong boundary) is read as an empty form: 400 with the
    // form's own messages, not a 500 (the same as server/start.js does for every other form).
    if (type.startsWith("multipart/form-data")) return new FormData();
    throw error;
  }
}

/** The first bytes each kind of file starts with (what it is, whatever its name says). */
const signatures: Record<string, (b: Uint8Array) => boolean> = {
  pdf: (b) => ascii(b, 0, 5) === "%PDF-",
  png: (b) => hex(b, 0, 8) === "89504e470d0a1a0a" && ascii(b, 12, 16) === "IHDR",
  jpg: (b) => hex(b, 0, 3) === "ffd8ff",
  gif: (b) => ascii(b, 0, 6) === "GIF87a" || ascii(b, 0, 6) === "GIF89a",
  webp: (b) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP",
  // Office Open XML and OpenDocument files are zip archives.
  zip: (b) => hex(b, 0, 4) === "504b0304",
  // The old binary Office formats are OLE compound files.
  ole: (b) => hex(b, 0, 8) === "d0cf11e0a1b11ae1",
};
const signatureOf: Record<string, keyof typeof signatures> = {
  pdf: "pdf",
  png: "png",
  jpg: "jpg",
  jpeg: "jpg",
  gif: "gif",
  webp: "webp",
  docx: "zip",
  xlsx: "zip",
  pptx: "zip",
  odt: "zip",
  ods: "zip",
  odp: "zip",
  doc: "ole",
  xls: "ole",
  ppt: "ole",
};

function ascii(b: Uint8Array, from: number, to: number) {
  return Buffer.from(b.subarray(from, to)).toString("latin1");
}
function hex(b: Uint8Array, from: number, to: number) {
  return Buffer.from(b.subarray(from, to)).toString("hex");
}

/**
 * Whether a file's content is what its type says: a PDF starts like a PDF, an image carries its
 * format's header (a PNG its IHDR chunk), an Office file is a zip or OLE container. Files of an
 * unknown type are refused elsewhere.
 */
export async function contentMatchesType(file: File): Promise<boolean> {
  const check = signatures[signatureOf[extensionOf(file.name)] ?? ""];
  if (!check) return false;
  const head = new Uint8Array(await file.slice(0, 32).arrayBuffer());
  return check(head);
}

export interface StoredFile {
  fileName: string;
  contentType: string;
  size: number;
  storageKey: string;
}

/** Writes files under the data directory with random names; the caller records them or removes them. */
export async function storeFiles(files: File[]): Promise<StoredFile[]> {
  const dir = config().attachmentsDir;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const stored: StoredFile[] = [];
  try {
    for (const file of files) {
      const ext = extensionOf(file.name);
      const storageKey = `${randomBytes(16).toString("hex")}.${ext}`;
      const full = path.join(dir, storageKey);
      stored.push({
        fileName: cleanFileName(file.name),
        contentType: attachmentTypes[ext] ?? "application/octet-stream",
        size: file.size,
        storageKey,
      });
      await writeFile(full, Buffer.from(await file.arrayBuffer()), { flag: "wx", mode: 0o600 });
      await chmod(full, 0o600);
    }
  } catch (error) {
    // A half-stored post leaves nothing behind.
    await removeFiles(stored);
    throw error;
  }
  return stored;
}

export async function removeFiles(files: { storageKey: string }[]) {
  await Promise.all(
    files.map((f) => rm(path.join(config().attachmentsDir, path.basename(f.storageKey)), { force: true })),
  );
}

/** A file name as shown and offered on download: no path, no control characters. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "vedlegg";
  return base.replace(/[\p{Cc}\p{Cf}"]/gu, "").slice(0, 200) || "vedlegg";
}

/** A download response for a stored attachment, never rendered inline as HTML. */
export async function fileResponse(file: { storage_key: string; file_name: string; content_type: string }) {
  const full = path.join(config().attachmentsDir, path.basename(file.storage_key));
  const info = await stat(full);
  const stream = Readable.toWeb(createReadStream(full)) as ReadableStream;
  return new Response(stream, {
    headers: {
      "Content-Type": file.content_type,
      "Content-Length": String(info.size),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

/** An attachment of a proposal this user may see; 404 for anything else. */
export async function attachmentForViewer(proposalId: number, attachmentId: number, userId: number) {
  const [proposal, attachment] = await Promise.all([
    getProposalForViewer(db(), proposalId, userId),
    getAttachment(db(), attachmentId),
  ]);
  if (!proposal || !attachment || attachment.proposal_id !== proposal.id) notFound();
  return attachment;
}
