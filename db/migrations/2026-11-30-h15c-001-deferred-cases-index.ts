import { sql, type Kysely } from "kysely";

/**
 * A case taken up again points at the deferred one (`deferred_from_id`). The meeting page asks,
 * for each of a body's deferred cases, whether a later case took it up: without this index each
 * question read every case of every body (65 s for the board's page at national scale). The
 * page lists a body's other (non-proposal) cases so: by body and kind, not every case of the body.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index protocol_item_deferred_from on protocol_item (deferred_from_id) where deferred_from_id is not null`.execute(
    db,
  );
  await db.schema
    .createIndex("protocol_item_body_kind")
    .on("protocol_item")
    .columns(["body_id", "kind"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("protocol_item_body_kind").ifExists().execute();
  await db.schema.dropIndex("protocol_item_deferred_from").ifExists().execute();
}
