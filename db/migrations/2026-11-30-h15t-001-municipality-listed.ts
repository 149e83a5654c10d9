import { sql, type Kysely } from "kysely";
import { isPostgres } from "../dialect";

/**
 * The list filtered by municipality, newest first, as a range read: each link between a proposal
 * and a municipality carries a copy of when its proposal was listed (`coalesce(submitted_at,
 * created_at)`, the list's sort key), indexed after the municipality, so a page is the first
 * twenty visible entries of that index instead of a sort of the municipality's every proposal.
 *
 * The copy is kept by the database, on every write from anywhere (the app, imports, the bench's
 * generator, `db:copy`): a new link takes its proposal's date, and a proposal whose dates change
 * (its submission) moves its links with it. Both triggers fire only for those writes: a process
 * event that does not submit leaves the links alone.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("proposal_municipality")
    .addColumn("listed_at", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await sql`update proposal_municipality set listed_at = (
      select coalesce(p.submitted_at, p.created_at) from proposal p where p.id = proposal_municipality.proposal_id)`.execute(
    db,
  );
  if (isPostgres(db)) {
    await sql`create or replace function innspill_link_listed_at() returns trigger
      language plpgsql as $$ begin
        new.listed_at := (select coalesce(p.submitted_at, p.created_at) from proposal p where p.id = new.proposal_id);
        return new;
      end $$`.execute(db);
    await sql`create trigger proposal_municipality_listed_at before insert on proposal_municipality
      for each row execute function innspill_link_listed_at()`.execute(db);
    await sql`create or replace function innspill_proposal_listed_at() returns trigger
      language plpgsql as $$ begin
        update proposal_municipality set listed_at = coalesce(new.submitted_at, new.created_at)
          where proposal_id = new.id;
        return null;
      end $$`.execute(db);
    await sql`create trigger proposal_listed_at after update of submitted_at, created_at on proposal
      for each row execute function innspill_proposal_listed_at()`.execute(db);
  } else {
    await sql`create trigger proposal_municipality_listed_at after insert on proposal_municipality begin
      update proposal_municipality
        set listed_at = (select coalesce(p.submitted_at, p.created_at) from proposal p where p.id = new.proposal_id)
        where rowid = new.rowid;
    end`.execute(db);
    await sql`create trigger proposal_listed_at after update of submitted_at, created_at on proposal begin
      update proposal_municipality set listed_at = coalesce(new.submitted_at, new.created_at)
        where proposal_id = new.id;
    end`.execute(db);
  }
  await db.schema
    .createIndex("proposal_municipality_listed")
    .on("proposal_municipality")
    .columns(["municipality_id", "listed_at", "proposal_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("proposal_municipality_listed").execute();
  if (isPostgres(db)) {
    await sql`drop trigger proposal_listed_at on proposal`.execute(db);
    await sql`drop trigger proposal_municipality_listed_at on proposal_municipality`.execute(db);
    await sql`drop function innspill_proposal_listed_at()`.execute(db);
    await sql`drop function innspill_link_listed_at()`.execute(db);
  } else {
    await sql`drop trigger proposal_listed_at`.execute(db);
    await sql`drop trigger proposal_municipality_listed_at`.execute(db);
  }
  await db.schema.alterTable("proposal_municipality").dropColumn("listed_at").execute();
}
