import { sql, type Expression, type ExpressionBuilder, type QueryCreator, type SqlBool } from "kysely";
import type { Executor } from "../connection";
import { isPostgres, likeIgnoringCase, postgresFoldedContains } from "../dialect";
import type { Database, NewProposal, Proposal } from "../schema";

export interface ProposalTexts {
  title: string;
  background: string;
  problem: string;
  solution: string;
  benefits: string;
  affected: string;
  resources: string;
}

export async function createProposal(
  db: Executor,
  input: ProposalTexts & {
    authorId: number;
    municipalityIds: number[];
    suggestedGroupId: number | null;
    state: string;
    now: string;
  },
): Promise<number> {
  const values: NewProposal = {
    title: input.title,
    background: input.background,
    problem: input.problem,
    solution: input.solution,
    benefits: input.benefits,
    affected: input.affected,
    resources: input.resources,
    suggested_group_id: input.suggestedGroupId,
    group_id: null,
    state: input.state,
    author_id: input.authorId,
    merged_into_id: null,
    created_at: input.now,
    submitted_at: null,
    state_changed_at: input.now,
    decided_at: null,
  };
  const { id } = await db.insertInto("proposal").values(values).returning("id").executeTakeFirstOrThrow();
  await setMunicipalities(db, id, input.municipalityIds);
  return id;
}

/** Rewrites a draft's texts and municipalities, only if nobody changed it since `version`. */
export async function updateDraft(
  db: Executor,
  id: number,
  version: number,
  input: ProposalTexts & { municipalityIds: number[]; suggestedGroupId: number | null },
): Promise<boolean> {
  const result = await db
    .updateTable("proposal")
    .set({
      title: input.title,
      background: input.background,
      problem: input.problem,
      solution: input.solution,
      benefits: input.benefits,
      affected: input.affected,
      resources: input.resources,
      suggested_group_id: input.suggestedGroupId,
      version: sql`version + 1`,
    })
    .where("id", "=", id)
    .where("version", "=", version)
    .where("state", "=", "draft")
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await setMunicipalities(db, id, input.municipalityIds);
  return true;
}

async function setMunicipalities(db: Executor, proposalId: number, municipalityIds: number[]) {
  await db.deleteFrom("proposal_municipality").where("proposal_id", "=", proposalId).execute();
  if (municipalityIds.length === 0) return;
  await db
    .insertInto("proposal_municipality")
    .values(
      [...new Set(municipalityIds)].map((municipality_id) => ({ proposal_id: proposalId, municipality_id })),
    )
    .execute();
}

/**
 * Deletes an author's own draft with its history, municipalities and attachment records (the
 * history of a draft may be deleted: the trigger allows it while the proposal is a draft). Run it
 * in a transaction; the caller removes the files named by attachmentsOfProposal afterwards.
 */
export async function deleteDraft(db: Executor, id: number, authorId: number): Promise<boolean> {
  const draft = await db
    .selectFrom("proposal")
    .select("id")
    .where("id", "=", id)
    .where("author_id", "=", authorId)
    .where("state", "=", "draft")
    .executeTakeFirst();
  if (!draft) return false;
  await db.deleteFrom("proposal_history").where("proposal_id", "=", id).execute();
  const result = await db
    .deleteFrom("proposal")
    .where("id", "=", id)
    .where("author_id", "=", authorId)
    .where("state", "=", "draft")
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** A proposal with its author; undefined when missing or a draft the viewer did not write. */
export async function getProposalForViewer(
  db: Executor,
  id: number,
  viewerId: number,
): Promise<(Proposal & { author_name: string; author_email: string }) | undefined> {
  // A plain statement: every page about a proposal reads it, and the builder took longer to build it
  // than SQLite to run it (as for the hot statements of decision 026).
  const { rows } = await sql<Proposal & { author_name: string; author_email: string }>`
    select proposal.*, author.name as author_name, author.email as author_email
    from proposal
    join "user" as author on author.id = proposal.author_id
    where proposal.id = ${id} and (proposal.state != 'draft' or proposal.author_id = ${viewerId})
  `.execute(db);
  return rows[0];
}

export function getProposal(db: Executor, id: number) {
  return db.selectFrom("proposal").selectAll().where("id", "=", id).executeTakeFirst();
}

export function municipalitiesOfProposal(db: Executor, proposalId: number) {
  return db
    .selectFrom("proposal_municipality")
    .innerJoin("municipality", "municipality.id", "proposal_municipality.municipality_id")
    .select(["municipality.id", "municipality.name"])
    .where("proposal_municipality.proposal_id", "=", proposalId)
    .orderBy("municipality.name")
    .execute();
}

/** Proposals merged into this one, with their submitters and municipalities. */
export async function mergedInto(db: Executor, proposalId: number) {
  const rows = await db
    .selectFrom("proposal")
    .innerJoin("user", "user.id", "proposal.author_id")
    .select(["proposal.id", "proposal.title", "user.name as author_name"])
    .where("proposal.merged_into_id", "=", proposalId)
    .orderBy("proposal.id")
    .execute();
  return Promise.all(
    rows.map(async (r) => ({ ...r, municipalities: await municipalitiesOfProposal(db, r.id) })),
  );
}

export interface ProposalFilters {
  viewerId: number;
  states?: string[];
  groupId?: number;
  municipalityId?: number;
  year?: number;
  authorId?: number;
  q?: string;
  /** "relevance" (the default with words to search) shows at most `searchCap` hits. */
  sort?: "newest" | "oldest" | "relevance";
  page?: number;
  pageSize?: number;
  /** The most hits a relevance search counts; more is shown as "more than". */
  searchCap?: number;
}

/** A search by relevance counts this many hits at most: a common word's 20,000 are not counted. */
export const SEARCH_CAP = 1000;

/** The words of free text the full-text index can find: three letters or more (four for "similar"). */
function searchWords(text: string, mode: "all" | "any"): string[] {
  return (
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      // For "similar", short and common words would match nearly everything: only the telling ones count.
      .filter((w) => [...w].length >= (mode === "any" ? 4 : 3) && (mode === "all" || !commonWords.has(w)))
      .slice(0, 12)
  );
}

/** Turns free text into an FTS5 query: each word of three letters or more must occur, as a substring. */
export function ftsQuery(text: string, mode: "all" | "any" = "all"): string | null {
  return phrases(searchWords(text, mode), mode);
}

function phrases(words: string[], mode: "all" | "any"): string | null {
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"`).join(mode === "all" ? " AND " : " OR ");
}

/** Words too common in proposal titles to say anything about likeness. */
const commonWords = new Set([
  "eller",
  "ikke",
  // eslint-disable-next-line local/no-norwegian-literals -- a search stop word, not a text
  "også",
  "etter",
  "under",
  "over",
  "mellom",
  "alle",
  "denne",
  "dette",
  "disse",
  "digital",
  "digitalt",
  "digitale",
  "kommune",
  "kommunen",
  "kommunene",
  "innbyggere",
  "ansatte",
  "system",
  // eslint-disable-next-line local/no-norwegian-literals -- a search stop word, not a text
  "løsning",
  "ny",
  "nytt",
]);

/**
 * When a proposal was listed: submitted, or written for drafts. The list sorts and filters by
 * year on it, through the index on this very expression (migration 2026-11-26-005-indexes).
 */
const listedAt = sql<string>`coalesce(proposal.submitted_at, proposal.created_at)`;

function visibleTo(viewerId: number) {
  return (eb: ExpressionBuilder<Database, "proposal">) =>
    eb.or([eb("proposal.state", "!=", "draft"), eb("proposal.author_id", "=", viewerId)]);
}

/** The columns of a row in the proposal list, the same whether the list is filtered or searched. */
const listRowColumns = [
  "proposal.id",
  "proposal.title",
  "proposal.state",
  "proposal.group_id",
  "proposal.created_at",
  "proposal.submitted_at",
  "proposal.state_changed_at",
  "proposal.author_id",
  "author.name as author_name",
] as const;

/**
 * The list's queries, newest submitted first; drafts only for their author. `rows` is the page,
 * each row carrying the total count too; `count` is that count alone, for a page past the end.
 * `listProposals` runs them; tests/integration/query-plans.test.ts checks their plans.
 */
export function listProposalsQueries(db: Executor, filters: ProposalFilters) {
  const pageSize = filters.pageSize ?? 20;
  const page = Math.max(1, filters.page ?? 1);
  const match = filters.q ? ftsQuery(filters.q) : null;
  // The viewer's rows, or (for the counts below) other parts of the visibility rule. "exists":
  // each proposal checked against its municipalities, for a few proposals (one person's drafts)
  // instead of a municipality's hundreds looked up; "walked": the statement walks the
  // municipality's links itself (the page below).
  const conditions = (
    eb: ExpressionBuilder<Database, "proposal">,
    visibility: Expression<SqlBool> = visibleTo(filters.viewerId)(eb),
    municipality: "in" | "exists" | "walked" = "in",
  ) => {
    const all = [visibility];
    if (filters.states && filters.states.length > 0) all.push(eb("proposal.state", "in", filters.states));
    if (filters.groupId) all.push(eb("proposal.group_id", "=", filters.groupId));
    if (filters.authorId) all.push(eb("proposal.author_id", "=", filters.authorId));
    if (filters.municipalityId && municipality === "exists") {
      all.push(
        eb.exists(
          eb
            .selectFrom("proposal_municipality as pm")
            .select("pm.proposal_id")
            .whereRef("pm.proposal_id", "=", "proposal.id")
            .where("pm.municipality_id", "=", filters.municipalityId),
        ),
      );
    } else if (filters.municipalityId && municipality === "in") {
      all.push(
        eb(
          "proposal.id",
          "in",
          eb
            .selectFrom("proposal_municipality as pm")
            .select("pm.proposal_id")
            .where("pm.municipality_id", "=", filters.municipalityId),
        ),
      );
    }
    if (filters.year) {
      all.push(eb(listedAt, ">=", `${filters.year}-01-01`), eb(listedAt, "<", `${filters.year + 1}-01-01`));
    }
    if (filters.q && !match) {
      all.push(eb("proposal.title", likeIgnoringCase(db), `%${filters.q.replace(/[%_\\]/g, "\\$&")}%`));
    }
    return eb.and(all);
  };
  if (match && (filters.sort ?? "relevance") === "relevance") {
    return relevanceQueries(db, {
      conditions,
      match,
      words: searchWords(filters.q ?? "", "all"),
      cap: filters.searchCap ?? SEARCH_CAP,
      page,
      pageSize,
    });
  }
  // The search's hits are found once per statement (a materialized CTE), for the count and the page
  // alike: with a common word that is most of the search's time.
  const statement: QueryCreator<Database> = match
    ? (db.with(
        (cte) => cte("hits").materialized(),
        (qc) =>
          isPostgres(db)
            ? postgresSearchHits(qc, searchWords(filters.q ?? "", "all"))
            : qc
                .selectFrom(sql`proposal_fts`.as("fts"))
                .select(sql<number>`rowid`.as("id"))
                .where(sql<SqlBool>`proposal_fts match ${match}`),
      ) as unknown as QueryCreator<Database>)
    : db;
  const inHits = sql<SqlBool>`proposal.id in (select id from hits)`;
  const filtered = (from: QueryCreator<Database>) => {
    const q = from.selectFrom("proposal").where(conditions);
    return match ? q.where(inHits) : q;
  };
  // Unfiltered, the total is every proposal but other people's drafts: SQLite counts a whole table
  // from its b-tree's pages (0.04 ms at 100,000 proposals) where the visibility test read every
  // index entry (6 ms), and the drafts are few and found by the (state, author_id) index.
  const unfiltered =
    !match &&
    !filters.q &&
    !filters.states?.length &&
    !filters.groupId &&
    !filters.authorId &&
    !filters.municipalityId &&
    !filters.year;
  const total = (from: QueryCreator<Database>) =>
    unfiltered
      ? sql<number>`${db.selectFrom("proposal").select((eb) => eb.fn.countAll().as("n"))} - ${db
          .selectFrom("proposal")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("proposal.state", "=", "draft")
          .where("proposal.author_id", "!=", filters.viewerId)}`
      : filtered(from).select((eb) => eb.fn.countAll<number>().as("n"));
  // A filter's total, on SQLite, is what every viewer sees (no drafts) plus the viewer's own drafts:
  // the first is the same for everyone until the data changes, so the page may keep it
  // (listProposals' `keep`); the second is an index range of the (state, author_id) index. Not for
  // words (their hits are found once for the page and the count), nor "my own" (one viewer's).
  // Unfiltered, everyone's part is every proposal less all drafts, as `total` counts above.
  const counted =
    !filters.q && !filters.authorId && !isPostgres(db)
      ? {
          key: JSON.stringify([
            filters.states ?? null,
            filters.groupId ?? null,
            filters.municipalityId ?? null,
            filters.year ?? null,
          ]),
          shared: unfiltered
            ? db.selectNoFrom(() =>
                sql<number>`${db.selectFrom("proposal").select((eb) => eb.fn.countAll().as("n"))} - ${db
                  .selectFrom("proposal")
                  .select((eb) => eb.fn.countAll().as("n"))
                  .where("proposal.state", "=", "draft")}`.as("n"),
              )
            : db
                .selectFrom("proposal")
                .where((eb) => conditions(eb, eb("proposal.state", "!=", "draft")))
                .select((eb) => eb.fn.countAll<number>().as("n")),
          ownDrafts: db
            .selectFrom("proposal")
            .where((eb) =>
              conditions(
                eb,
                eb.and([eb("proposal.state", "=", "draft"), eb("proposal.author_id", "=", filters.viewerId)]),
                "exists",
              ),
            )
            .select((eb) => eb.fn.countAll<number>().as("n")),
        }
      : null;
  const direction = filters.sort === "oldest" ? "asc" : "desc";
  // The page's ids first, from the indexes alone; only those rows are then read from the table,
  // whose rows carry the long texts (a late row lookup: sorting thousands of hits reads no text).
  const pageIds = filters.municipalityId
    ? // By municipality: its links in date order (each carries its proposal's listing date,
      // migration 2026-11-30-h15t-001), each checked against the other filters, up to the page's
      // end, instead of every one of the municipality's proposals sorted. CROSS JOIN: SQLite keeps
      // the links as the outer loop, so no more than the municipality's links are ever walked.
      db
        .selectFrom("proposal_municipality as pm")
        .crossJoin("proposal")
        .select("proposal.id")
        .whereRef("proposal.id", "=", "pm.proposal_id")
        .where("pm.municipality_id", "=", filters.municipalityId)
        .where((eb) =>
          conditions(eb as unknown as ExpressionBuilder<Database, "proposal">, undefined, "walked"),
        )
        .$if(match !== null, (qb) => qb.where(inHits))
        .orderBy("pm.listed_at", direction)
        .orderBy("pm.proposal_id", direction)
        .limit(pageSize)
        .offset((page - 1) * pageSize)
    : filtered(db)
        .select("proposal.id")
        .orderBy(listedAt, direction)
        .orderBy("proposal.id", direction)
        .limit(pageSize)
        .offset((page - 1) * pageSize);
  return {
    page,
    pageSize,
    counted,
    count: unfiltered
      ? db.selectNoFrom(() => total(db).as("total"))
      : filtered(statement).select((eb) => eb.fn.countAll<number>().as("total")),
    rows: statement
      .selectFrom("proposal")
      .innerJoin("user as author", "author.id", "proposal.author_id")
      .select(listRowColumns)
      .$if(!counted, (qb) => qb.select(() => total(db).as("total")))
      .where("proposal.id", "in", pageIds)
      .orderBy(listedAt, direction)
      .orderBy("proposal.id", direction),
  };
}

/** One hit of a search by relevance: a proposal, and how many of the words its title holds. */
export interface SearchHit {
  id: number;
  score: number;
}

/**
 * A search by relevance, on SQLite: the full-text index (FTS5, trigram) walked from the newest
 * proposal down, each hit checked against the filters, until `cap + 1` hits; those are ordered by
 * how many of the words their title holds, then newest first. It never counts or ranks a common
 * word's every hit: FTS5's bm25 would (it counts each word's documents over the whole index
 * first, twice the time of finding the hits). This is the one SQLite-specific search statement;
 * another engine's search sits beside it.
 *
 * Two statements: `hits` (the walk: ids and scores, no page), then `rowsOf` the page's ids. The
 * hits are the same for every page of a search, so a caller may keep them (`listProposals`' keep).
 */
function relevanceQueries(
  db: Executor,
  opts: {
    conditions: (
      eb: ExpressionBuilder<Database, "proposal">,
    ) => ReturnType<ExpressionBuilder<Database, "proposal">["and"]>;
    match: string;
    words: string[];
    cap: number;
    page: number;
    pageSize: number;
  },
) {
  const titleHas = opts.words.map(
    (w) => sql<number>`(proposal.title like ${`%${w.replace(/[%_\\]/g, "\\$&")}%`} escape '\\')`,
  );
  const score = titleHas.length > 0 ? sql.join(titleHas, sql` + `) : sql`0`;
  const hits = isPostgres(db)
    ? postgresRelevanceHits(db, opts)
    : db
        .selectFrom(sql`proposal_fts`.as("fts"))
        // CROSS JOIN: SQLite keeps the full-text index as the outer loop, so the walk stops at the cap.
        .crossJoin("proposal")
        .select(["proposal.id", sql<number>`${score}`.as("score")])
        .where(sql<SqlBool>`proposal.id = fts.rowid`)
        .where(sql<SqlBool>`proposal_fts match ${opts.match}`)
        .where((eb) => opts.conditions(eb as unknown as ExpressionBuilder<Database, "proposal">))
        .orderBy(sql`fts.rowid`, "desc")
        .limit(opts.cap + 1);
  return {
    page: opts.page,
    pageSize: opts.pageSize,
    cap: opts.cap,
    /** The newest `cap + 1` hits, newest first; the one past the cap only tells that there are more. */
    hits,
    /** The list's rows of the page's ids (in no particular order). */
    rowsOf: (ids: readonly number[]) =>
      db
        .selectFrom("proposal")
        .innerJoin("user as author", "author.id", "proposal.author_id")
        .select(listRowColumns)
        .where("proposal.id", "in", ids.length > 0 ? ids : [-1]),
  };
}

/**
 * The page of a search by relevance from its hits: the first `cap` hits (newest first) ordered by
 * score, then newest first; the page's ids, in that order. Sorting 1,000 hits in JavaScript costs
 * about 0.1 ms, and keeps the walk one statement a caller can keep for every page.
 */
function pageOfHits(hits: readonly SearchHit[], cap: number, page: number, pageSize: number): number[] {
  return hits
    .slice(0, cap)
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice((page - 1) * pageSize, page * pageSize)
    .map((h) => h.id);
}

/**
 * Merges the full-text index's segments into one (SQLite; PostgreSQL's trigram index needs no
 * such care). An index filled by many separate writes (a national import, years of use) holds many
 * segments, and every search reads each word's entries from each of them: merged, the national
 * search "velferdsteknologi" walked its 1,001 newest hits in 1.8 ms instead of 4.0 ms, its first 21
 * in 0.2 ms instead of 2.3 ms. Run at start-up, before the server listens: about 3 s at 100,000
 * proposals when the index is fragmented, under 1 ms when it is merged already.
 */
export async function compactSearchIndex(db: Executor): Promise<void> {
  if (isPostgres(db)) return;
  await sql`insert into proposal_fts(proposal_fts) values('optimize')`.execute(db);
}

/**
 * Keeps a read for as long as the database has not changed (the server's `keptUntilChange`), by a
 * key naming everything the read depends on. The repository only says what may be kept.
 */
export type KeepUntilChange = <T>(key: string, read: () => Promise<T>) => Promise<T>;

/**
 * The filtered, paginated list, newest submitted first; drafts only for their author. A search by
 * relevance walks up to `cap + 1` hits before any page can be picked (1.7–2.6 ms at national
 * scale), the same walk for every page and every repeat: with `keep`, the walk's hits are kept by
 * the filters that make its statement (the words, the filters, the viewer; not the page) until the
 * database changes, and only the page's rows are read.
 */
export async function listProposals(db: Executor, filters: ProposalFilters, keep?: KeepUntilChange) {
  const queries = listProposalsQueries(db, filters);
  if ("hits" in queries) {
    const { hits, rowsOf, cap, page, pageSize } = queries;
    const read = () => hits.execute() as Promise<SearchHit[]>;
    let found: SearchHit[];
    if (keep) {
      // The walk is made of the filters alone, whatever the page (compiling it for a key: 0.2 ms).
      const { page: _page, pageSize: _pageSize, ...walk } = filters;
      found = await keep(`search:${isPostgres(db)}:${JSON.stringify(walk)}`, read);
    } else {
      found = await read();
    }
    const ids = pageOfHits(found, cap, page, pageSize);
    const rows = await rowsOf(ids).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return {
      rows: ids.flatMap((id) => byId.get(id) ?? []),
      total: Math.min(found.length, cap),
      more: found.length > cap,
      page,
      pageSize,
    };
  }
  const { count, rows, page, pageSize } = queries;
  let total: number;
  let found: Awaited<ReturnType<typeof rows.execute>>;
  const counted = "counted" in queries ? queries.counted : null;
  if (counted) {
    const readShared = async () => Number((await counted.shared.executeTakeFirstOrThrow()).n);
    const [rowsFound, shared, ownDrafts] = await Promise.all([
      rows.execute(),
      keep ? keep(`list-total:${counted.key}`, readShared) : readShared(),
      counted.ownDrafts.executeTakeFirstOrThrow(),
    ]);
    found = rowsFound;
    total = shared + Number(ownDrafts.n);
  } else {
    found = await rows.execute();
    total = Number(found.length > 0 ? found[0]!.total : (await count.executeTakeFirstOrThrow()).total);
  }
  return {
    rows: found.map(({ total: _total, ...row }) => row),
    total,
    more: false,
    page,
    pageSize,
  };
}

/** Municipality names for many proposals at once. */
export async function municipalityNamesFor(db: Executor, proposalIds: number[]) {
  if (proposalIds.length === 0) return new Map<number, string[]>();
  // In chunks: SQLite limits the bound parameters of one statement (32,766), and a year's report
  // at national scale asks for more proposals than that.
  const rows: { proposal_id: number; name: string }[] = [];
  for (let i = 0; i < proposalIds.length; i += 5000) {
    rows.push(
      ...(await db
        .selectFrom("proposal_municipality")
        .innerJoin("municipality", "municipality.id", "proposal_municipality.municipality_id")
        .select(["proposal_municipality.proposal_id", "municipality.name"])
        .where("proposal_municipality.proposal_id", "in", proposalIds.slice(i, i + 5000))
        .execute()),
    );
  }
  // By name, as SQLite's binary collation orders them (code point order).
  rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const map = new Map<number, string[]>();
  for (const r of rows) {
    const names = map.get(r.proposal_id);
    if (names) names.push(r.name);
    else map.set(r.proposal_id, [r.name]);
  }
  return map;
}

/**
 * The five submitted proposals most like a text (full-text ranking), excluding one. Only the
 * text's telling words count: a word found in many proposals (more than one in 200, and at
 * least 50) says nothing about likeness, and ranking its thousands of hits is what made a
 * proposal page take seconds at national scale.
 */
export async function similarProposals(
  db: Executor,
  text: string,
  opts: { excludeId?: number; limit?: number } = {},
) {
  const words = await rareWords(db, searchWords(text, "any"));
  if (isPostgres(db)) return similarProposalsPostgres(db, words, opts);
  const match = phrases(words, "any");
  if (!match) return [];
  const rows = await sql<{ id: number; title: string; state: string }>`
    select p.id, p.title, p.state
    from proposal_fts
    join proposal p on p.id = proposal_fts.rowid
    where proposal_fts match ${match}
      and p.state != 'draft'
      and p.id != ${opts.excludeId ?? -1}
    order by bm25(proposal_fts, 5.0, 1.0)
    limit ${opts.limit ?? 5}
  `.execute(db);
  return rows.rows;
}

// ---------------------------------------------------------------------------------------------
// Search on PostgreSQL: the siblings of the FTS5 statements above (decision record 024). The same
// contract: every word (three letters or more) must occur in the title or the texts as a
// substring, whatever its case and accents, so "vannmal" finds "Smarte vannmålere". The texts are
// read from `proposal_search`, PostgreSQL's counterpart of `proposal_fts`: each proposal's title
// and searchable text folded as SQLite's tokenizer folds them, kept by a trigger, its text under a
// pg_trgm GIN index (migration 2026-11-30-h15v-001).

const foldedText = sql<string>`s.text`;
const foldedTitle = sql<string>`s.title`;

/** Whether the folded text holds every word ("and") or any of them ("or"). */
const textHas = (words: string[], join: "and" | "or") =>
  sql<SqlBool>`(${sql.join(
    words.map((w) => postgresFoldedContains(foldedText, w)),
    sql.raw(` ${join} `),
  )})`;

/** The ids of proposals containing every word: what the list's `hits` holds on PostgreSQL. */
function postgresSearchHits(qc: QueryCreator<Database>, words: string[]) {
  return qc
    .selectFrom(sql`proposal_search`.as("s"))
    .select(sql<number>`s.proposal_id`.as("id"))
    .where(() => textHas(words, "and"));
}

/**
 * A search by relevance on PostgreSQL, as relevanceQueries' hits on SQLite: the newest `cap + 1`
 * proposals containing every word and passing the filters, scored by how many words their title holds.
 */
function postgresRelevanceHits(
  qc: QueryCreator<Database>,
  opts: {
    conditions: (
      eb: ExpressionBuilder<Database, "proposal">,
    ) => ReturnType<ExpressionBuilder<Database, "proposal">["and"]>;
    words: string[];
    cap: number;
  },
) {
  const titleHas = opts.words.map(
    (w) => sql<number>`(case when ${postgresFoldedContains(foldedTitle, w)} then 1 else 0 end)`,
  );
  const score = titleHas.length > 0 ? sql.join(titleHas, sql` + `) : sql`0`;
  return qc
    .selectFrom("proposal")
    .innerJoin(sql`proposal_search`.as("s"), (join) => join.on(sql<SqlBool>`s.proposal_id = proposal.id`))
    .select(["proposal.id", sql<number>`${score}`.as("score")])
    .where(() => textHas(opts.words, "and"))
    .where((eb) => opts.conditions(eb))
    .orderBy("proposal.id", "desc")
    .limit(opts.cap + 1);
}

/**
 * Proposals containing any of the words, most alike first: as bm25(title 5, texts 1) on SQLite, a
 * word in the title weighs five times one in the texts (PostgreSQL has no bm25 for substrings).
 */
async function similarProposalsPostgres(
  db: Executor,
  words: string[],
  opts: { excludeId?: number; limit?: number },
) {
  if (words.length === 0) return [];
  const score = sql.join(
    words.map(
      (w) =>
        sql`(case when ${postgresFoldedContains(foldedTitle, w)} then 5 else 0 end + case when ${postgresFoldedContains(foldedText, w)} then 1 else 0 end)`,
    ),
    sql` + `,
  );
  return db
    .selectFrom("proposal")
    .innerJoin(sql`proposal_search`.as("s"), (join) => join.on(sql<SqlBool>`s.proposal_id = proposal.id`))
    .select(["proposal.id", "proposal.title", "proposal.state"])
    .where(() => textHas(words, "or"))
    .where("proposal.state", "!=", "draft")
    .where("proposal.id", "!=", opts.excludeId ?? -1)
    .orderBy(sql`${score}`, "desc")
    .orderBy("proposal.id", "desc")
    .limit(opts.limit ?? 5)
    .execute();
}

/**
 * How long a word's verdict (rare or common) is kept: how often a word is used changes slowly, and
 * walking a common word's 500 hits cost a proposal page ~5 ms of CPU at national scale, on every view.
 */
const WORD_VERDICT_MS = 10 * 60_000;
const WORD_VERDICTS_KEPT = 10_000;
/** Per database (tests open many in one process): word → whether it is rare, and until when that holds. */
const wordVerdicts = new WeakMap<Executor, Map<string, { rare: boolean; until: number }>>();

/**
 * The words found in few proposals: each word's hits (in the full-text index on SQLite, the
 * trigram index on PostgreSQL) are walked only up to the limit, so a common word costs as little
 * as a rare one. The same words count as telling on both engines. A verdict is kept for a while
 * (`WORD_VERDICT_MS`), so a page viewed again, or a title sharing words, asks nothing.
 */
async function rareWords(db: Executor, words: string[]): Promise<string[]> {
  if (words.length === 0) return [];
  let verdicts = wordVerdicts.get(db);
  if (!verdicts) wordVerdicts.set(db, (verdicts = new Map()));
  const now = Date.now();
  const unknown = words.filter((w) => (verdicts.get(w)?.until ?? 0) <= now);
  if (unknown.length > 0) {
    const newest = await db
      .selectFrom("proposal")
      .select((eb) => eb.fn.max("id").as("id"))
      .executeTakeFirst();
    // The highest id stands for the number of proposals: counting them would cost more than it tells.
    const limit = Math.max(50, Math.round(Number(newest?.id ?? 0) / 200));
    if (verdicts.size + unknown.length > WORD_VERDICTS_KEPT) verdicts.clear();
    for (const word of unknown) {
      const hits = isPostgres(db)
        ? sql`select 1 from proposal_search s where ${postgresFoldedContains(foldedText, word)}`
        : sql`select 1 from proposal_fts where proposal_fts match ${`"${word}"`}`;
      const { rows } = await sql<{ n: number }>`
        select count(*) as n from (${hits} limit ${limit + 1}) as hits
      `.execute(db);
      verdicts.set(word, { rare: Number(rows[0]?.n ?? 0) <= limit, until: now + WORD_VERDICT_MS });
    }
  }
  return words.filter((w) => verdicts.get(w)!.rare);
}

export async function addAttachment(
  db: Executor,
  input: {
    proposalId: number;
    fileName: string;
    contentType: string;
    size: number;
    storageKey: string;
    uploadedBy: number;
    now: string;
  },
) {
  const { id } = await db
    .insertInto("attachment")
    .values({
      proposal_id: input.proposalId,
      file_name: input.fileName,
      content_type: input.contentType,
      size: input.size,
      storage_key: input.storageKey,
      uploaded_by: input.uploadedBy,
      created_at: input.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export function attachmentsOfProposal(db: Executor, proposalId: number) {
  return db
    .selectFrom("attachment")
    .selectAll()
    .where("proposal_id", "=", proposalId)
    .orderBy("id")
    .execute();
}

export async function countAttachments(db: Executor, proposalId: number): Promise<number> {
  const row = await db
    .selectFrom("attachment")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("proposal_id", "=", proposalId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function getAttachment(db: Executor, id: number) {
  return db.selectFrom("attachment").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function countProposals(db: Executor) {
  const { n } = await db
    .selectFrom("proposal")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Proposals waiting in some states (optionally for some groups or one author), longest-waiting first. */
export function waitingProposals(
  db: Executor,
  opts: { states: string[]; groupIds?: number[]; authorId?: number; limit?: number },
) {
  let ids = db.selectFrom("proposal").select("id").where("state", "in", opts.states);
  if (opts.groupIds) ids = ids.where("group_id", "in", opts.groupIds.length ? opts.groupIds : [-1]);
  if (opts.authorId) ids = ids.where("author_id", "=", opts.authorId);
  // The ids from the index first (proposal_waiting), then only those rows: with several states
  // the waiting ones are sorted, and sorting thousands of whole rows would read all their texts.
  return db
    .selectFrom("proposal")
    .select(["id", "title", "state", "group_id", "state_changed_at"])
    .where("id", "in", ids.orderBy("state_changed_at", "asc").limit(opts.limit ?? 50))
    .orderBy("state_changed_at", "asc")
    .execute();
}

/** The author's latest proposals, drafts included. */
export function latestOfAuthor(db: Executor, authorId: number, limit = 5) {
  return db
    .selectFrom("proposal")
    .select(["id", "title", "state", "created_at", "submitted_at"])
    .where("author_id", "=", authorId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/**
 * The years in which proposals were submitted, newest first: the one list of years for every
 * year filter (/innspill, /statistikk). One index seek per year (the list's date index), so it
 * costs the same for ten proposals or a hundred thousand.
 */
export async function submissionYears(db: Executor): Promise<number[]> {
  const listed = sql.raw("coalesce(submitted_at, created_at)");
  const { rows } = await sql<{ year: string }>`
    with recursive y(year) as (
      select (select substr(${listed}, 1, 4) from proposal where state != 'draft' order by ${listed} limit 1)
      union all
      select (
        select substr(${listed}, 1, 4) from proposal
        where state != 'draft' and ${listed} >= (cast(y.year as integer) + 1) || '-01-01'
        order by ${listed} limit 1
      )
      from y where y.year is not null
    )
    select year from y where year is not null`.execute(db);
  return rows.map((r) => Number(r.year)).sort((a, b) => b - a);
}
