import { sql, type Kysely } from "kysely";
import { isPostgres } from "../dialect";

/**
 * PostgreSQL's search folds letters as SQLite's does (decisions 001 and 024): SQLite's FTS5 table
 * uses `trigram remove_diacritics 1`, so "vannmal" finds "Smarte vannmålere"; PostgreSQL's ILIKE on
 * the raw text did not. Now PostgreSQL keeps, like SQLite's `proposal_fts`, a table of each
 * proposal's searchable text, folded once when the proposal is written (by a trigger), with the
 * trigram index on it; a query folds its words with the same function and matches with LIKE.
 *
 * The fold (`innspill_search_fold`, immutable, so it may feed an index) is what SQLite's tokenizer
 * does, measured letter by letter (tests/integration/search.test.ts compares them): lower case; a
 * Latin letter with accents, rings, diaereses, cedillas, … becomes its ASCII base letter (å → a, é → e, ü → u,
 * ç → c, ñ → n; not ǡ, as SQLite); æ, ø, ß, ð, þ, ł, œ stay as they are (ø is a letter of its own,
 * not o with a mark, so "gronn" does not find "grønn" on either engine); SQLite's own case folds of
 * ſ, µ and a few Greek letter forms. It works by Unicode decomposition (NFD), dropping the marks
 * SQLite drops after an ASCII letter, and recomposing (NFC): a `translate()` with the 270 letters
 * spelled out gives the same, at 23 times the cost (it scans its list for every character).
 *
 * A stored folded text instead of an index on the folded expression: a trigram index is lossy, so
 * PostgreSQL re-checks every candidate row, and folding 20,000 rows' texts for a common word would
 * take seconds. SQLite is unchanged.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql.raw(FOLD_FUNCTION).execute(db);
  // The old indexes on the raw text go; the title's stays for a short word (under three letters),
  // which matches the title as SQLite's LIKE does, without folding.
  await sql`drop index proposal_search`.execute(db);
  await sql`create table proposal_search (
    proposal_id integer primary key references proposal(id) on delete cascade,
    title text not null,
    text text not null
  )`.execute(db);
  await sql`create function innspill_proposal_search_sync() returns trigger language plpgsql as $$
    begin
      insert into proposal_search (proposal_id, title, text)
      values (
        new.id,
        innspill_search_fold(new.title),
        innspill_search_fold(new.title || ' ' || coalesce(new.background, '') || ' ' || coalesce(new.problem, '')
          || ' ' || coalesce(new.solution, '') || ' ' || coalesce(new.benefits, ''))
      )
      on conflict (proposal_id) do update set title = excluded.title, text = excluded.text;
      return null;
    end $$`.execute(db);
  await sql`create trigger proposal_search_sync
    after insert or update of title, background, problem, solution, benefits on proposal
    for each row execute function innspill_proposal_search_sync()`.execute(db);
  await sql`insert into proposal_search (proposal_id, title, text)
    select id, innspill_search_fold(title), innspill_search_fold(title || ' ' || coalesce(background, '') || ' '
      || coalesce(problem, '') || ' ' || coalesce(solution, '') || ' ' || coalesce(benefits, ''))
    from proposal`.execute(db);
  await sql`create index proposal_search_text on proposal_search using gin (text gin_trgm_ops)`.execute(db);
  await sql`analyze proposal_search`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop trigger proposal_search_sync on proposal`.execute(db);
  await sql`drop function innspill_proposal_search_sync()`.execute(db);
  await sql`drop table proposal_search`.execute(db);
  await sql`drop function innspill_search_fold(text)`.execute(db);
  await sql`create index proposal_search on proposal using gin ((title || ' ' || background || ' ' || problem
    || ' ' || solution || ' ' || benefits) gin_trgm_ops)`.execute(db);
}

/** The combining marks SQLite's `remove_diacritics 1` drops (its others, and other scripts', it keeps). */
const MARKS =
  "[\\u0300-\\u0304\\u0306-\\u030c\\u030f\\u0311\\u031b\\u0323-\\u0328\\u032d\\u032e\\u0330\\u0331]";

/**
 * lower(); the marks that stand alone (no letter they could be part of) dropped, as SQLite drops
 * them; decomposed (NFD), the marks after an ASCII letter dropped (not ǡ's, as SQLite), so that
 * Greek and Cyrillic letters keep theirs as on SQLite; recomposed (NFC); SQLite's case folds that
 * lower() does not make.
 */
const FOLD_FUNCTION = `create function innspill_search_fold(t text) returns text
  language sql immutable strict parallel safe as $$
  select translate(
    normalize(
      regexp_replace(
        normalize(regexp_replace(lower(t), '${MARKS}+', '', 'g'), nfd),
        '([b-z]|a(?!\\u0307\\u0304))${MARKS}+',
        '\\1',
        'g'
      ),
      nfc
    ),
    'ſẛµςϐϑϕϖϰϱϵͅ',
    'ssμσβθφπκρει'
  )
$$`;
