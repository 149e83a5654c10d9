import type { Kysely } from "kysely";

/**
 * Documents that no longer change once made: a final annual report's files and a published
 * protocol's Word file. Rendered once, stored here, served as stored. `content` is the file's
 * bytes in base64 (text on every engine, no blob/bytea differences); a document is never
 * rewritten: the primary key refuses a second copy and the repository has no update or delete.
 * No trigger: the table is plain portable SQL (SQLite and PostgreSQL alike).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("frozen_document")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("frozen_document_pk", ["kind", "key", "format"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("frozen_document").execute();
}
