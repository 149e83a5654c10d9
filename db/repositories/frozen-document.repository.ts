import type { Executor } from "../connection";
import type { FrozenDocumentTable } from "../schema";

export type FrozenDocumentId = Pick<FrozenDocumentTable, "kind" | "key" | "format">;

/** A stored document's bytes, or undefined when it has not been rendered yet. */
export async function getFrozenDocument(db: Executor, id: FrozenDocumentId): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom("frozen_document")
    .select("content")
    .where("kind", "=", id.kind)
    .where("key", "=", id.key)
    .where("format", "=", id.format)
    .executeTakeFirst();
  return row ? Buffer.from(row.content, "base64") : undefined;
}

/**
 * Stores a document unless one is stored under the same id already (then the first stays:
 * a frozen document is never rewritten). Returns the stored bytes, which the caller serves.
 */
export async function storeFrozenDocument(
  db: Executor,
  id: FrozenDocumentId,
  content: Buffer,
  at: string,
): Promise<Buffer> {
  await db
    .insertInto("frozen_document")
    .values({ ...id, content: content.toString("base64"), created_at: at })
    .onConflict((oc) => oc.columns(["kind", "key", "format"]).doNothing())
    .execute();
  return (await getFrozenDocument(db, id))!;
}
