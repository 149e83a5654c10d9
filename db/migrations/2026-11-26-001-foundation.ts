import { sql, type Kysely } from "kysely";
import { autoIncrementId, floatType, isPostgres, POSTGRES_SEARCH_TEXT } from "../dialect";

/** Organisation with validity periods, accounts, sessions, proposals, attachments and full-text search. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("municipality")
    .addColumn("id", "integer", autoIncrementId(db))
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("valid_from", "text", (c) => c.notNull())
    .addColumn("valid_to", "text")
    .execute();

  await db.schema
    .createTable("body")
    .addColumn("id", "integer", autoIncrementId(db))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('group', 'committee', 'board')`))
    .addColumn("valid_from", "text", (c) => c.notNull())
    .addColumn("valid_to", "text")
    .execute();

  await db.schema
    .createTable("body_name")
    .addColumn("id", "integer", autoIncrementId(db))
    .addColumn("body_id", "integer", (c) => c.notNull().references("body.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("valid_from", "text", (c) => c.notNull())
    .addUniqueConstraint("body_name_body_from", ["body_id", "valid_from"])
    .execute();

  await db.schema
    .createTable("user")
    .addColumn("id", "integer", autoIncrementId(db))
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("is_admin", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("is_coordinator", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("municipality_id", "integer", (c) => c.references("municipality.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("membership")
    .addColumn("id", "integer", autoIncrementId(db))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("body_id", "integer", (c) => c.notNull().references("body.id"))
    .addColumn("role", "text", (c) =>
      c.notNull().check(sql`role in ('leader', 'member', 'secretary', 'chair', 'union_rep')`),
    )
    .addColumn("municipality_id", "integer", (c) => c.references("municipality.id"))
    .addColumn("vote_weight", floatType(db), (c) => c.notNull().defaultTo(0))
    .addColumn("valid_from", "text", (c) => c.notNull())
    .addColumn("valid_to", "text")
    .execute();
  await db.schema.createIndex("membership_user").on("membership").columns(["user_id"]).execute();
  await db.schema.createIndex("membership_body").on("membership").columns(["body_id"]).execute();

  await db.schema
    .createTable("session")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("login_attempt")
    .addColumn("id", "integer", autoIncrementId(db))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("ip", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("success", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("login_attempt_email_at")
    .on("login_attempt")
    .columns(["email", "at"])
    .execute();
  await db.schema.createIndex("login_attempt_ip_at").on("login_attempt").columns(["ip", "at"]).execute();

  await db.schema
    .createTable("proposal")
    .addColumn("id", "integer", autoIncrementId(db))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("background", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("problem", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("solution", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("benefits", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("affected", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("resources", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("suggested_group_id", "integer", (c) => c.references("body.id"))
    .addColumn("group_id", "integer", (c) => c.references("body.id"))
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("author_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("merged_into_id", "integer", (c) => c.references("proposal.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("submitted_at", "text")
    .addColumn("state_changed_at", "text", (c) => c.notNull())
    .addColumn("decided_at", "text")
    .execute();
  await db.schema.createIndex("proposal_state").on("proposal").columns(["state", "submitted_at"]).execute();
  await db.schema
    .createIndex("proposal_group")
    .on("proposal")
    .columns(["group_id", "submitted_at"])
    .execute();
  await db.schema
    .createIndex("proposal_author")
    .on("proposal")
    .columns(["author_id", "created_at"])
    .execute();
  await db.schema.createIndex("proposal_submitted").on("proposal").columns(["submitted_at"]).execute();

  await db.schema
    .createTable("proposal_municipality")
    .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposal.id").onDelete("cascade"))
    .addColumn("municipality_id", "integer", (c) => c.notNull().references("municipality.id"))
    .addPrimaryKeyConstraint("proposal_municipality_pk", ["proposal_id", "municipality_id"])
    .execute();
  await db.schema
    .createIndex("proposal_municipality_m")
    .on("proposal_municipality")
    .columns(["municipality_id", "proposal_id"])
    .execute();

  await db.schema
    .createTable("attachment")
    .addColumn("id", "integer", autoIncrementId(db))
    .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposal.id").onDelete("cascade"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("storage_key", "text", (c) => c.notNull().unique())
    .addColumn("uploaded_by", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("attachment_proposal").on("attachment").columns(["proposal_id"]).execute();

  // Trigram tokens match inside Norwegian compounds: "vannmål" finds "Smarte vannmålere".
  if (isPostgres(db)) {
    // PostgreSQL: trigrams too (pg_trgm), a GIN index on the searchable text (decision record 024).
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index proposal_search on proposal using gin ((${POSTGRES_SEARCH_TEXT}) gin_trgm_ops)`.execute(
      db,
    );
    await sql`create index proposal_search_title on proposal using gin (title gin_trgm_ops)`.execute(db);
    return;
  }
  await sql`create virtual table proposal_fts using fts5(title, body, tokenize = 'trigram remove_diacritics 1')`.execute(
    db,
  );
  const body = sql.raw(
    "coalesce(new.background,'') || ' ' || coalesce(new.problem,'') || ' ' || coalesce(new.solution,'') || ' ' || coalesce(new.benefits,'')",
  );
  await sql`create trigger proposal_fts_insert after insert on proposal begin
    insert into proposal_fts(rowid, title, body) values (new.id, new.title, ${body});
  end`.execute(db);
  await sql`create trigger proposal_fts_update after update of title, background, problem, solution, benefits on proposal begin
    delete from proposal_fts where rowid = old.id;
    insert into proposal_fts(rowid, title, body) values (new.id, new.title, ${body});
  end`.execute(db);
  await sql`create trigger proposal_fts_delete after delete on proposal begin
    delete from proposal_fts where rowid = old.id;
  end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "proposal_fts",
    "attachment",
    "proposal_municipality",
    "proposal",
    "login_attempt",
    "session",
    "membership",
    "user",
    "body_name",
    "body",
    "municipality",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
