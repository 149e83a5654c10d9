import type { Kysely } from "kysely";

/**
 * Texts an administrator edits on the site: the accessibility statement, the privacy page and
 * Kundeservice's contact details. A missing row means the default text from the application.
 * `version` guards against two administrators overwriting each other.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("site_text")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("user.id"))
    .execute();
}
