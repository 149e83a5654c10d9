import { MAX_FILE_BYTES, MAX_FILES } from "~/domain/proposal.schema";
import { securityTexts } from "~/domain/texts/security";

const MB = 1024 * 1024;

/**
 * The largest request body the server reads, by kind. server/start.js answers 413 as soon as a
 * body passes its limit: at once from Content-Length, while streaming for a chunked body.
 */
export const bodyLimits = {
  /** A url-encoded form: every text field of the largest form, with room to spare. */
  form: 2 * MB,
  /** A multipart form: the most files at their largest, and the text fields. */
  multipart: MAX_FILES * MAX_FILE_BYTES + 2 * MB,
};

export const tooLargeMessage = (kind: "form" | "multipart") =>
  securityTexts.requests.tooLarge(`${Math.round(bodyLimits[kind] / MB)} MB`);

/** Thrown (as a 413 Response) wherever a body over its limit is noticed. */
export function payloadTooLarge(message: string = tooLargeMessage("multipart")): Response {
  return new Response(message, {
    status: 413,
    statusText: "Payload Too Large",
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
