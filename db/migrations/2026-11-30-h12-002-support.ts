import type { Kysely } from "kysely";

/**
 * "Dette gjelder også oss": an employee supports a proposal on behalf of their municipality.
 * One row per proposal and person; the municipality is the one the person belonged to then.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("proposal_support")
    .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposal.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("municipality_id", "integer", (c) => c.references("municipality.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("proposal_support_pk", ["proposal_id", "user_id"])
    .execute();
}
