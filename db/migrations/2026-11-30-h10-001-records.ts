import { sql, type Kysely } from "kysely";
import { isPostgres, postgresRefuseTrigger } from "../dialect";

/**
 * Records that hold up (issue 10): a short code per body name ("SR", "PR") so cases of several
 * bodies can be told apart, each body's signing rule for its protocols, where a case's exemption
 * comes from and who lifted it with which reason, the signers of a protocol and their
 * electronic approvals, and the member municipalities' approvals of a final annual report.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("body_name").addColumn("short_code", "text").execute();
  // The demo's and ROR-IKT's names; any other body gets the initials of its name's words.
  const known: Record<string, string> = {
    Styret: "ST",
    Samarbeidsrådet: "SR",
    Bestillerutvalget: "BU",
    Porteføljerådet: "PR",
  };
  const names = await db.selectFrom("body_name").select(["id", "name"]).execute();
  for (const row of names as { id: number; name: string }[]) {
    const initials = row.name
      .split(/\s+/)
      .filter((w) => w && !["og", "i", "for", "av"].includes(w.toLowerCase()))
      .map((w) => w.charAt(0).toUpperCase())
      .join("");
    await db
      .updateTable("body_name")
      .set({ short_code: known[row.name] ?? (initials || "S") })
      .where("id", "=", row.id)
      .execute();
  }

  await db.schema
    .alterTable("body")
    .addColumn("signing_rule", "text", (c) =>
      c.check(
        sql`signing_rule is null or signing_rule in ('chair', 'chairAndOne', 'chairAndTwo', 'allPresent')`,
      ),
    )
    .execute();
  await db.updateTable("body").set({ signing_rule: "allPresent" }).where("kind", "=", "board").execute();
  await db.updateTable("body").set({ signing_rule: "chairAndOne" }).where("kind", "=", "committee").execute();
  await db.updateTable("body").set({ signing_rule: "chair" }).where("kind", "=", "group").execute();

  // The earlier case whose exemption this case follows; a lifted exemption keeps who, when and why.
  await db.schema
    .alterTable("protocol_item")
    .addColumn("exempt_from_item_id", "integer", (c) => c.references("protocol_item.id"))
    .execute();
  await db.schema.alterTable("protocol_item").addColumn("exempt_lifted_reason", "text").execute();
  await db.schema
    .alterTable("protocol_item")
    .addColumn("exempt_lifted_by", "integer", (c) => c.references("user.id"))
    .execute();
  await db.schema.alterTable("protocol_item").addColumn("exempt_lifted_at", "text").execute();

  await db.schema
    .createTable("protocol_signer")
    .addColumn("meeting_id", "integer", (c) => c.notNull().references("meeting.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('chair', 'member')`))
    .addColumn("signed_at", "text")
    .addPrimaryKeyConstraint("protocol_signer_pk", ["meeting_id", "user_id"])
    .execute();
  // A signature is given once and never taken back.
  if (isPostgres(db)) {
    for (const [name, op] of [
      ["protocol_signer_signed_once", "update"],
      ["protocol_signer_no_delete_signed", "delete"],
    ] as const)
      await postgresRefuseTrigger(
        name,
        op,
        "protocol_signer",
        "protocol signed: the signature cannot be changed",
        "old.signed_at is not null",
      ).execute(db);
  } else {
    await sql`create trigger protocol_signer_signed_once before update on protocol_signer
    when old.signed_at is not null begin
      select raise(abort, 'protocol signed: the signature cannot be changed');
    end`.execute(db);
    await sql`create trigger protocol_signer_no_delete_signed before delete on protocol_signer
    when old.signed_at is not null begin
      select raise(abort, 'protocol signed: the signature cannot be changed');
    end`.execute(db);
  }

  await db.schema
    .createTable("annual_report_approval")
    .addColumn("year", "integer", (c) => c.notNull().references("annual_report.year"))
    .addColumn("municipality_id", "integer", (c) => c.notNull().references("municipality.id"))
    .addColumn("approved_by", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("approver_title", "text", (c) => c.notNull())
    .addColumn("approved_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("annual_report_approval_pk", ["year", "municipality_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("annual_report_approval").ifExists().execute();
  await db.schema.dropTable("protocol_signer").ifExists().execute();
  for (const column of [
    "exempt_lifted_at",
    "exempt_lifted_by",
    "exempt_lifted_reason",
    "exempt_from_item_id",
  ])
    await db.schema.alterTable("protocol_item").dropColumn(column).execute();
  await db.schema.alterTable("body").dropColumn("signing_rule").execute();
  await db.schema.alterTable("body_name").dropColumn("short_code").execute();
}
