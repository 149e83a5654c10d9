import { sql, type Kysely } from "kysely";
import { autoIncrementId } from "../dialect";

/**
 * Sign-in with OpenID Connect: the identities an account signs in with (keyed by issuer and
 * subject, never by e-mail), the organisation's rules that give a new account its municipality,
 * and the issuer session behind an Innspill session (for signing out there too).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("user_identity")
    .addColumn("id", "integer", autoIncrementId(db))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("how", "text", (c) => c.notNull().check(sql`how in ('created', 'linked')`))
    .addColumn("linked_email", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_sign_in_at", "text", (c) => c.notNull())
    .addUniqueConstraint("user_identity_issuer_subject", ["issuer", "subject"])
    .execute();
  await db.schema.createIndex("user_identity_user").on("user_identity").columns(["user_id"]).execute();

  await db.schema
    .createTable("sign_in_rule")
    .addColumn("id", "integer", autoIncrementId(db))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('issuer', 'domain')`))
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("municipality_id", "integer", (c) => c.notNull().references("municipality.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("sign_in_rule_kind_value", ["kind", "value"])
    .execute();

  await db.schema
    .createTable("oidc_session")
    .addColumn("session_id", "text", (c) => c.primaryKey())
    .addColumn("issuer_key", "text", (c) => c.notNull())
    .addColumn("id_token", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("oidc_session").execute();
  await db.schema.dropTable("sign_in_rule").execute();
  await db.schema.dropTable("user_identity").execute();
}
