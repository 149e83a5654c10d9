import type { Kysely } from "kysely";
import { autoIncrementId } from "../dialect";

/**
 * "Glemt passord?" requests, counted to throttle them (per address, per e-mail) whether or not the
 * e-mail belongs to an account; and the index the notification list pages by (newest first per person).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("password_reset_request")
    .addColumn("id", "integer", autoIncrementId(db))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("ip", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("password_reset_request_email")
    .on("password_reset_request")
    .columns(["email", "at"])
    .execute();
  await db.schema
    .createIndex("password_reset_request_ip")
    .on("password_reset_request")
    .columns(["ip", "at"])
    .execute();
  await db.schema.createIndex("password_reset_user").on("password_reset").columns(["user_id"]).execute();
  await db.schema
    .createIndex("notification_user_recent")
    .on("notification")
    .columns(["user_id", "id"])
    .execute();
}
