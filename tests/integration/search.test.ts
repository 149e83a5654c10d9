import Database from "better-sqlite3";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { isPostgres } from "#db/dialect";
import {
  compactSearchIndex,
  createProposal,
  deleteDraft,
  listProposals,
  similarProposals,
  updateDraft,
  type KeepUntilChange,
} from "#db/repositories/proposal.repository";
import { applyProposalEvent } from "~/server/commands/apply-proposal-event.server";
import { currentUser, makeWorld, testDb, type World } from "../support/db";

/**
 * The search's contract, the same on both engines (FTS5 trigrams on SQLite, pg_trgm on
 * PostgreSQL: this file runs in the unit and the integration-pg projects): every word of three
 * letters or more occurs, as a substring of a compound too, whatever its case and accents (as
 * SQLite's `remove_diacritics 1` folds them: å is a, ø is not o); drafts only for their author;
 * "similar" ranks a word in the title above one in the texts.
 */
describe("search", () => {
  let db: DB;
  let world: World;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    db = await testDb();
    world = await makeWorld(db);
    const add = async (key: string, title: string, extra: Partial<ProposalTexts>, state = "submitted") => {
      ids[key] = await addProposal(db, world, title, extra, state);
    };
    await add("meters", "Smarte vannmålere", { problem: "Manuell avlesning hvert år." });
    await add("leaks", "Varsling av lekkasjer", {
      solution: "Sensorer som melder fra om vannmåler viser lekkasje.",
    });
    await add("post", "Digital post til innbyggere", { benefits: "Mindre papir." });
    await add("draft", "Utkast om vannmålere", {}, "draft");
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const titles = async (q: string, viewerId = world.users.employee2) =>
    (await listProposals(db, { viewerId, q })).rows.map((r) => r.title).sort();

  it('finds "Smarte vannmålere" by "vannmål", in title or texts, whatever the case', async () => {
    expect(await titles("vannmål")).toEqual(["Smarte vannmålere", "Varsling av lekkasjer"]);
    expect(await titles("VANNMÅL")).toEqual(["Smarte vannmålere", "Varsling av lekkasjer"]);
    expect(await titles("avlesning")).toEqual(["Smarte vannmålere"]);
  });

  it("wants every word, and counts what it finds", async () => {
    expect(await titles("vannmål lekkasje")).toEqual(["Varsling av lekkasjer"]);
    expect(await titles("vannmål papir")).toEqual([]);
    const found = await listProposals(db, { viewerId: world.users.employee2, q: "vannmål" });
    expect(found.total).toBe(2);
  });

  it("shows a draft only to its author", async () => {
    expect(await titles("vannmål", world.users.employee)).toEqual([
      "Smarte vannmålere",
      "Utkast om vannmålere",
      "Varsling av lekkasjer",
    ]);
  });

  it("finds the same after the search index is merged (as at start-up)", async () => {
    const before = await titles("vannmål");
    await compactSearchIndex(db);
    await compactSearchIndex(db);
    expect(await titles("vannmål")).toEqual(before);
    expect(before).toEqual(["Smarte vannmålere", "Varsling av lekkasjer"]);
  });

  it("counts the unfiltered list as each viewer sees it: their own drafts, nobody else's", async () => {
    // The unfiltered total is counted as every proposal less other people's drafts (decision 028).
    for (const [viewerId, expected] of [
      [world.users.employee2, 3],
      [world.users.employee, 4],
    ] as const) {
      const first = await listProposals(db, { viewerId });
      expect(first.total).toBe(expected);
      expect(first.rows).toHaveLength(expected);
      // A page past the end counts with the count query alone.
      const past = await listProposals(db, { viewerId, page: 9 });
      expect(past).toMatchObject({ total: expected, rows: [] });
    }
  });

  it("counts a filtered list as each viewer sees it, also when the count everyone shares is kept", async () => {
    // A filter's total is everyone's (no drafts) plus the viewer's own drafts; the first may be kept
    // between requests (decision 028, round 3): one read serves both viewers, and both totals are exact.
    const kept = new Map<string, Promise<unknown>>();
    const reads: string[] = [];
    const keep: KeepUntilChange = <T>(key: string, read: () => Promise<T>) => {
      if (!kept.has(key)) {
        reads.push(key);
        kept.set(key, read());
      }
      return kept.get(key) as Promise<T>;
    };
    for (const filters of [
      {},
      { municipalityId: world.municipalities.Nordby },
      { year: 2024 },
      { states: ["draft", "submitted"] },
    ]) {
      for (const [viewerId, expected] of [
        [world.users.employee2, 3],
        [world.users.employee, 4],
      ] as const) {
        for (const keeping of [undefined, keep]) {
          const list = await listProposals(db, { viewerId, ...filters }, keeping);
          expect(list.total, JSON.stringify(filters)).toBe(expected);
          expect(list.rows).toHaveLength(expected);
        }
      }
    }
    // On PostgreSQL the list counts in its page's statement and keeps nothing.
    expect(reads).toHaveLength(isPostgres(db) ? 0 : 4);
  });

  it("ranks a proposal with the words in its title first among the similar, never drafts or the excluded one", async () => {
    const similar = await similarProposals(db, "Vannmåler med fjernavlesning");
    expect(similar.map((s) => s.title)).toEqual(["Smarte vannmålere", "Varsling av lekkasjer"]);
    const without = await similarProposals(db, "Vannmåler med fjernavlesning", { excludeId: ids.meters });
    expect(without.map((s) => s.title)).toEqual(["Varsling av lekkasjer"]);
  });
});

/**
 * The list by municipality walks the municipality's links in date order, each carrying a copy of
 * when its proposal was listed (migration 2026-11-30-h15t-001, kept by the database): the copy
 * follows every write, so the list is ordered as the proposals' own dates order it.
 */
describe("the list by municipality", () => {
  let db: DB;
  let world: World;
  beforeAll(async () => {
    db = await testDb();
    world = await makeWorld(db);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("is newest first by when each was listed, also after a draft is submitted or its municipalities change", async () => {
    const { Vestøy: west, Østdal: east } = world.municipalities as Record<string, number>;
    const texts = { background: "b", problem: "p", solution: "s", benefits: "", affected: "", resources: "" };
    const draft = (title: string, municipalityIds: number[], now: string) =>
      createProposal(db, {
        ...texts,
        title,
        authorId: world.users.employee,
        municipalityIds,
        suggestedGroupId: null,
        state: "draft",
        now,
      });
    const a = await draft("A", [west!], "2024-01-01T10:00:00.000Z");
    const b = await draft("B", [west!, east!], "2024-02-01T10:00:00.000Z");
    const c = await draft("C", [west!], "2024-03-01T10:00:00.000Z");
    const author = await currentUser(db, world.users.employee);
    for (const [id, at] of [
      [a, "2024-06-01T10:00:00.000Z"],
      [c, "2024-04-01T10:00:00.000Z"],
    ] as const) {
      const submitted = await applyProposalEvent(db, {
        proposalId: id,
        expectedVersion: 1,
        user: author,
        type: "SUBMIT",
        payload: {},
        now: new Date(at),
      });
      expect(submitted).toMatchObject({ ok: true });
    }
    // B, still a draft, leaves Østdal: its links are written anew.
    expect(
      await updateDraft(db, b, 1, { ...texts, title: "B", municipalityIds: [west!], suggestedGroupId: null }),
    ).toBe(true);

    const ids = async (viewerId: number, municipalityId: number, more: Record<string, unknown> = {}) =>
      (await listProposals(db, { viewerId, municipalityId, ...more })).rows.map((r) => r.id);
    // A submitted in June, C in April, then B's draft of February (its author's alone).
    expect(await ids(world.users.employee2, west!)).toEqual([a, c]);
    expect(await ids(world.users.employee, west!)).toEqual([a, c, b]);
    expect(await ids(world.users.employee, west!, { sort: "oldest" })).toEqual([b, c, a]);
    expect(await ids(world.users.employee, west!, { pageSize: 1, page: 2 })).toEqual([c]);
    expect(await ids(world.users.employee, west!, { states: ["submitted"] })).toEqual([a, c]);
    expect(await ids(world.users.employee, east!)).toEqual([]);
    const page = await listProposals(db, {
      viewerId: world.users.employee,
      municipalityId: west!,
      pageSize: 2,
    });
    expect(page.total).toBe(3);
  });
});

const texts = { background: "", problem: "", solution: "", benefits: "", affected: "", resources: "" };
type ProposalTexts = typeof texts;

/** A proposal by the world's employee in Nordby, submitted (listed) on 1 March 2024 unless a draft. */
async function addProposal(
  db: DB,
  world: World,
  title: string,
  extra: Partial<ProposalTexts>,
  state = "submitted",
) {
  const id = await createProposal(db, {
    ...texts,
    ...extra,
    title,
    authorId: world.users.employee,
    municipalityIds: [world.municipalities.Nordby],
    suggestedGroupId: null,
    state,
    now: "2024-03-01T10:00:00.000Z",
  });
  if (state !== "draft")
    await db
      .updateTable("proposal")
      .set({ submitted_at: "2024-03-01T10:00:00.000Z" })
      .where("id", "=", id)
      .execute();
  return id;
}

/**
 * Letters are folded as SQLite's FTS5 `trigram remove_diacritics 1` folds them, on both engines
 * (PostgreSQL: migration 2026-11-30-h15v-001's innspill_search_fold): a user who types without
 * å, é or ü finds the same proposals on either; ø, æ and the other letters SQLite keeps are kept.
 */
describe("search folds letters as SQLite does", () => {
  let db: DB;
  let world: World;

  beforeAll(async () => {
    db = await testDb();
    world = await makeWorld(db);
    await addProposal(db, world, "Smarte vannmålere", { problem: "Manuell avlesning hvert år." });
    await addProposal(db, world, "Varsling av lekkasjer", {
      solution: "Sensorer som melder fra om vannmåler viser lekkasje.",
    });
    await addProposal(db, world, "Kafé for eldre", { background: "Grønn omstilling i Ærlig kommune." });
    await addProposal(db, world, "Bokstaver", { background: letterTokens().text });
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const titles = async (q: string) =>
    (await listProposals(db, { viewerId: world.users.employee2, q })).rows.map((r) => r.title).sort();

  it('finds "Smarte vannmålere" by "vannmal" and "Kafé" by "kafe": accents and rings fold on both engines', async () => {
    expect(await titles("vannmal")).toEqual(["Smarte vannmålere", "Varsling av lekkasjer"]);
    expect(await titles("VANNMALER")).toEqual(["Smarte vannmålere", "Varsling av lekkasjer"]);
    expect(await titles("kafe")).toEqual(["Kafé for eldre"]);
    expect(await titles("KAFÈ")).toEqual(["Kafé for eldre"]);
    expect(await titles("vannmal kafe")).toEqual([]);
    const similar = await similarProposals(db, "Vannmaler med fjernavlesning");
    expect(similar.map((s) => s.title)).toEqual(["Smarte vannmålere", "Varsling av lekkasjer"]);
  });

  it('keeps ø and æ letters of their own, as SQLite does: "gronn" and "aerlig" find nothing', async () => {
    expect(await titles("grønn")).toEqual(["Kafé for eldre"]);
    expect(await titles("GRØNN ÆRLIG")).toEqual(["Kafé for eldre"]);
    expect(await titles("gronn")).toEqual([]);
    expect(await titles("aerlig")).toEqual([]);
    expect(await titles("arlig")).toEqual([]);
  });

  it("follows a draft's edit and its deletion, as the triggers keep the search's texts", async () => {
    const mine = async (q: string) =>
      (await listProposals(db, { viewerId: world.users.employee, q })).rows.map((r) => r.title);
    const id = await addProposal(db, world, "Sykkelparkering ved skolen", {}, "draft");
    expect(await mine("sykkelparkering")).toEqual(["Sykkelparkering ved skolen"]);
    const { version } = await db
      .selectFrom("proposal")
      .select("version")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const edited = await updateDraft(db, id, version, {
      ...texts,
      title: "Bysykler på Ås",
      problem: "Få ledige sykler på stasjonen.",
      municipalityIds: [world.municipalities.Nordby],
      suggestedGroupId: null,
    });
    expect(edited).toBe(true);
    expect(await mine("sykkelparkering")).toEqual([]);
    expect(await mine("bysykler stasjonen")).toEqual(["Bysykler på Ås"]);
    expect(await mine("ledige")).toEqual(["Bysykler på Ås"]);
    expect(await db.transaction().execute((trx) => deleteDraft(trx, id, world.users.employee))).toBe(true);
    expect(await mine("bysykler")).toEqual([]);
  });

  it("folds each letter of the Latin blocks and each combining mark on PostgreSQL as SQLite's tokenizer does", async (ctx) => {
    // SQLite is the reference: on SQLite the search is that tokenizer (the letters above check it).
    if (!isPostgres(db)) ctx.skip();
    const codePoints = [...range(0xc0, 0x24f), ...range(0x300, 0x33f), ...range(0x1e00, 0x1eff)];
    const expected = sqliteFolds(codePoints);
    const { rows } = await sql<{ c: number; folded: string }>`
      select c, innspill_search_fold(chr(c)) as folded from unnest(${codePoints}::int[]) as c
    `.execute(db);
    const differing = rows
      .filter((r) => r.folded !== expected.get(r.c))
      .map(
        (r) =>
          `U+${r.c.toString(16)} ${String.fromCodePoint(r.c)}: ${r.folded} (SQLite: ${expected.get(r.c)})`,
      );
    expect(differing).toEqual([]);
    expect(rows).toHaveLength(codePoints.length);
  });

  it("folds every letter of Latin-1 and Latin Extended-A as SQLite's trigram tokenizer does", async () => {
    // A token per letter in one proposal's text; each is searched with the letter SQLite folds it to
    // (and, for a letter kept as it is, with the ASCII letter it is not), so both engines must agree.
    const found: string[] = [];
    const wrong: string[] = [];
    for (const { letter, token, searchedAs, kept } of letterTokens().tokens) {
      const hits = (await listProposals(db, { viewerId: world.users.employee2, q: searchedAs })).total;
      if (hits === 1) found.push(letter);
      else wrong.push(`${letter} as ${searchedAs} (${token}): ${hits}`);
      if (kept) {
        const ascii = searchedAs.replace(kept.letter, kept.notAs);
        const none = (await listProposals(db, { viewerId: world.users.employee2, q: ascii })).total;
        if (none !== 0) wrong.push(`${letter} found as ${ascii}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(found.length).toBe(letterTokens().tokens.length);
  });
});

/** Latin letters SQLite's `trigram remove_diacritics 1` folds to an ASCII letter (measured on SQLite). */
const FOLDED: Record<string, string> = {
  a: "ÀÁÂÃÄÅàáâãäåĀāĂăĄą",
  c: "ÇçĆćĈĉĊċČč",
  d: "Ďď",
  e: "ÈÉÊËèéêëĒēĔĕĖėĘęĚě",
  g: "ĜĝĞğĠġĢģ",
  h: "Ĥĥ",
  i: "ÌÍÎÏìíîïĨĩĪīĬĭĮįİ",
  j: "Ĵĵ",
  k: "Ķķ",
  l: "ĹĺĻļĽľ",
  n: "ÑñŃńŅņŇň",
  o: "ÒÓÔÕÖòóôõöŌōŎŏŐő",
  r: "ŔŕŖŗŘř",
  s: "ŚśŜŝŞşŠšſ",
  t: "ŢţŤť",
  u: "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų",
  w: "Ŵŵ",
  y: "ÝýÿŶŷŸ",
  z: "ŹźŻżŽž",
};

/**
 * Latin-1 and Extended-A letters SQLite keeps (case folded only), each with an ASCII letter a user
 * might type for it, which must not find it.
 */
const KEPT: Record<string, string> = {
  Æ: "a",
  æ: "a",
  Ð: "d",
  ð: "d",
  Ø: "o",
  ø: "o",
  Þ: "t",
  þ: "t",
  ß: "s",
  Đ: "d",
  đ: "d",
  Ħ: "h",
  ħ: "h",
  ı: "i",
  Ĳ: "i",
  ĳ: "i",
  ĸ: "k",
  Ŀ: "l",
  ŀ: "l",
  Ł: "l",
  ł: "l",
  Ŋ: "n",
  ŋ: "n",
  Œ: "o",
  œ: "o",
  Ŧ: "t",
  ŧ: "t",
};

/** One token per letter ("kx", a two-letter code, the letter, "q") and what finds it. */
function letterTokens() {
  const letters = [
    ...Object.entries(FOLDED).flatMap(([to, from]) => [...from].map((letter) => ({ letter, to }))),
    ...Object.keys(KEPT).map((letter) => ({ letter, to: letter.toLowerCase() })),
  ];
  const code = (i: number) => String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26));
  const tokens = letters.map(({ letter, to }, i) => ({
    letter,
    token: `kx${code(i)}${letter}q`,
    searchedAs: `kx${code(i)}${to}q`,
    kept: KEPT[letter] ? { letter: to, notAs: KEPT[letter] } : null,
  }));
  return { tokens, text: tokens.map((t) => t.token).join(" ") };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * What SQLite's `trigram remove_diacritics 1` makes of each character: a document "qq" + the
 * character per row, read back as its one trigram (an empty string when SQLite drops it).
 */
function sqliteFolds(codePoints: number[]): Map<number, string> {
  const sqlite = new Database(":memory:");
  try {
    sqlite.exec(`create virtual table t using fts5(x, tokenize = 'trigram remove_diacritics 1');
      create virtual table v using fts5vocab(t, 'instance')`);
    const insert = sqlite.prepare("insert into t(rowid, x) values (?, ?)");
    for (const c of codePoints) insert.run(c, `qq${String.fromCodePoint(c)}`);
    const folds = new Map(codePoints.map((c) => [c, ""]));
    for (const { doc, term } of sqlite.prepare("select doc, term from v").all() as {
      doc: number;
      term: string;
    }[])
      folds.set(doc, term.slice(2));
    return folds;
  } finally {
    sqlite.close();
  }
}
