import { createHash } from "node:crypto";
import type { Executor } from "#db/connection";
import {
  getFrozenDocument,
  storeFrozenDocument,
  type FrozenDocumentId,
} from "#db/repositories/frozen-document.repository";

/**
 * A document that no longer changes, rendered on its first request and served as stored ever
 * after (docs/decisions/022-national-scale-reports-and-events.md). Two first requests at once may
 * both render; the first to store wins and both serve the stored bytes, so every copy handed out
 * is the same file.
 */
export async function frozenDocument(
  db: Executor,
  id: FrozenDocumentId,
  render: () => Promise<Buffer>,
  now = new Date(),
): Promise<Buffer> {
  return (await getFrozenDocument(db, id)) ?? storeFrozenDocument(db, id, await render(), now.toISOString());
}

/** A short digest of what a frozen document was rendered from, for its key. */
export function contentKey(data: string): string {
  return createHash("sha256").update(data).digest("base64url").slice(0, 22);
}
