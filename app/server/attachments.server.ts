import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { attachmentTypes, extensionOf, MAX_FILE_BYTES, TOO_LARGE_TYPE } from "~/domain/proposal.schema";
import { getAttachment, getProposalForViewer } from "#db/repositories/proposal.repository";
import { notFound } from "./auth.server";
import { config } from "./config.server";
import { db } from "./db.server";

/** Files: read up to the limit, then drained and marked too large, so the rest of the form survives. */
const fileHandler: UploadHandler = async ({ filename, contentType, data }) => {
  if (filename === undefined) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (size <= MAX_FILE_BYTES) chunks.push(chunk);
  }
  if (size > MAX_FILE_BYTES) return new File([], filename, { type: TOO_LARGE_TYPE });
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new File([bytes], filename, { type: contentType });
};

/** Text parts over 200 kB are refused as a whole (400): no form field needs more. */
const textHandler = unstable_createMemoryUploadHandler({ maxPartSize: 200_000 });

export class FormTooLargeError extends Error {}

/** Parses a multipart or url-encoded form; throws FormTooLargeError when a text field is oversized. */
export async function readForm(request: Request): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.startsWith("multipart/form-data")) {
      return await unstable_parseMultipartFormData(
        request,
        unstable_composeUploadHandlers(fileHandler, textHandler),
      );
    }
    return await request.formData();
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw new FormTooLargeError("form field too large");
    // A broken multipart body (truncated, wrong boundary) is read as an empty form: 400 with the
    // form's own messages, not a 500 (the same as server/start.js does for every other form).
    if (type.startsWith("multipart/form-data")) return new FormData();
    throw error;
  }
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
  await mkdir(dir, { recursive: true });
  const stored: StoredFile[] = [];
  for (const file of files) {
    const ext = extensionOf(file.name);
    const storageKey = `${randomBytes(16).toString("hex")}.${ext}`;
    await writeFile(path.join(dir, storageKey), Buffer.from(await file.arrayBuffer()), { flag: "wx" });
    stored.push({
      fileName: cleanFileName(file.name),
      contentType: attachmentTypes[ext] ?? "application/octet-stream",
      size: file.size,
      storageKey,
    });
  }
  return stored;
}

export async function removeFiles(files: StoredFile[]) {
  await Promise.all(files.map((f) => rm(path.join(config().attachmentsDir, f.storageKey), { force: true })));
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
