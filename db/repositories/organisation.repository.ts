import { today } from "#workflows/dates";
import { sql, type CompiledQuery } from "kysely";
import type { Executor } from "../connection";
import { engineOf } from "../dialect";
import type { BodyKind, MembershipRole, SigningRule } from "../schema";

/** A body as it was named and constituted on a given date. */
export interface BodyOnDate {
  id: number;
  kind: BodyKind;
  name: string;
  /** The short code of the name valid on the date ("SR"); "" when the name has none. */
  code: string;
  valid_from: string;
  valid_to: string | null;
  signing_rule: SigningRule | null;
}

/** Whether a validity period [from, to) contains the date. */
const validOn = (date: string) =>
  sql<boolean>`valid_from <= ${date} and (valid_to is null or valid_to > ${date})`;

export function listMunicipalities(db: Executor, opts: { activeOn?: string } = {}) {
  let q = db.selectFrom("municipality").selectAll().orderBy("name");
  if (opts.activeOn) q = q.where(validOn(opts.activeOn));
  return q.execute();
}

export async function createMunicipality(db: Executor, input: { name: string; validFrom: string }) {
  const row = await db
    .insertInto("municipality")
    .values({ name: input.name, valid_from: input.validFrom, valid_to: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function endMunicipality(db: Executor, id: number, validTo: string) {
  await db.updateTable("municipality").set({ valid_to: validTo }).where("id", "=", id).execute();
}

/**
 * The name (or short code) of a body valid on a date, "" when it has none: the latest rename on or
 * before it (or its first name). Written as one SQL fragment rather than with the query builder:
 * building the two nested subqueries cost 0.3–0.4 ms of CPU per query, a hundred times running them,
 * and every page that names a body asks (decision 029).
 */
function nameOn(date: string, column: "name" | "short_code" = "name") {
  return sql<string>`coalesce((
    select body_name.${sql.ref(column)} from body_name
    where body_name.body_id = body.id
      and (body_name.valid_from <= ${date}
        or body_name.valid_from = (select min(earliest.valid_from) from body_name as earliest where earliest.body_id = body.id))
    order by body_name.valid_from desc
    limit 1
  ), '')`;
}

/**
 * listBodies' statements, compiled once per engine, kind, date and flag: building and compiling
 * the name subqueries with Kysely took about 1 ms of CPU per call (the query itself 0.05 ms), and
 * every logged-in page asks for bodies (the state labels name the committee and the board).
 * Only the SQL is kept, never a result: each call reads the bodies as they are now.
 */
const compiledBodyQueries = new Map<string, CompiledQuery>();

/**
 * Bodies with the names they had on `on` (default today). `activeOnly` keeps those constituted
 * on that date.
 */
export async function listBodies(
  db: Executor,
  opts: { kind?: BodyKind; on?: string; activeOnly?: boolean } = {},
): Promise<BodyOnDate[]> {
  const on = opts.on ?? today();
  const key = JSON.stringify([engineOf(db), opts.kind ?? null, on, opts.activeOnly === true]);
  let compiled = compiledBodyQueries.get(key);
  if (!compiled) {
    if (compiledBodyQueries.size >= 100) compiledBodyQueries.clear();
    compiled = bodiesQuery(db, { ...opts, on }).compile();
    compiledBodyQueries.set(key, compiled);
  }
  return (await db.executeQuery(compiled)).rows as BodyOnDate[];
}

function bodiesQuery(db: Executor, opts: { kind?: BodyKind; on: string; activeOnly?: boolean }) {
  const on = opts.on;
  let q = db
    .selectFrom("body")
    .select(["body.id", "body.kind", "body.valid_from", "body.valid_to", "body.signing_rule"])
    .select(nameOn(on).as("name"))
    .select(nameOn(on, "short_code").as("code"));
  if (opts.kind) q = q.where("body.kind", "=", opts.kind);
  if (opts.activeOnly) q = q.where(validOn(on));
  return q.orderBy("body.kind").orderBy("name");
}

export async function getBody(db: Executor, id: number, on = today()): Promise<BodyOnDate | undefined> {
  const row = await db
    .selectFrom("body")
    .select(["body.id", "body.kind", "body.valid_from", "body.valid_to", "body.signing_rule"])
    .select(nameOn(on).as("name"))
    .select(nameOn(on, "short_code").as("code"))
    .where("body.id", "=", id)
    .executeTakeFirst();
  return row as BodyOnDate | undefined;
}

/** A body's kind and end, without its names: what a command checks before it assigns a group. */
export function getBodyKind(db: Executor, id: number) {
  return db.selectFrom("body").select(["id", "kind", "valid_to"]).where("id", "=", id).executeTakeFirst();
}

/** The body of a kind (committee, board) constituted on a date. */
export async function bodyOfKind(db: Executor, kind: BodyKind, on = today()) {
  const [body] = await listBodies(db, { kind, on, activeOnly: true });
  return body;
}

export async function createBody(
  db: Executor,
  input: {
    kind: BodyKind;
    name: string;
    validFrom: string;
    shortCode?: string | null;
    signingRule?: SigningRule | null;
  },
) {
  const { id } = await db
    .insertInto("body")
    .values({
      kind: input.kind,
      valid_from: input.validFrom,
      valid_to: null,
      signing_rule: input.signingRule ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("body_name")
    .values({
      body_id: id,
      name: input.name,
      valid_from: input.validFrom,
      short_code: input.shortCode ?? null,
    })
    .execute();
  return id;
}

/**
 * Renames from a date on; earlier dates keep the earlier name. A rename on the same date replaces it.
 * Without a short code the new name keeps the code the body had on that date.
 */
export async function renameBody(
  db: Executor,
  input: { bodyId: number; name: string; validFrom: string; shortCode?: string | null },
) {
  const shortCode = input.shortCode ?? ((await getBody(db, input.bodyId, input.validFrom))?.code || null);
  await db
    .insertInto("body_name")
    .values({ body_id: input.bodyId, name: input.name, valid_from: input.validFrom, short_code: shortCode })
    .onConflict((oc) =>
      oc.columns(["body_id", "valid_from"]).doUpdateSet({ name: input.name, short_code: shortCode }),
    )
    .execute();
}

/** Sets the rule by which a body's protocols are signed (null: the default for its kind). */
export async function setSigningRule(db: Executor, bodyId: number, rule: SigningRule | null) {
  await db.updateTable("body").set({ signing_rule: rule }).where("id", "=", bodyId).execute();
}

/**
 * Sets the short code of the body's name valid on a date (the latest on or before it, or its first
 * name). Answers whether a name row was changed.
 */
export async function setShortCodeOn(db: Executor, bodyId: number, shortCode: string, on = today()) {
  const names = await listBodyNames(db, bodyId);
  const begun = names.filter((n) => n.valid_from <= on);
  const current = begun[begun.length - 1] ?? names[0];
  if (!current) return false;
  await db.updateTable("body_name").set({ short_code: shortCode }).where("id", "=", current.id).execute();
  return true;
}

export function listBodyNames(db: Executor, bodyId: number) {
  return db.selectFrom("body_name").selectAll().where("body_id", "=", bodyId).orderBy("valid_from").execute();
}

/** The name histories of several bodies in one query (oldest name first per body). */
export function listBodyNamesOf(db: Executor, bodyIds: readonly number[]) {
  if (bodyIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("body_name")
    .selectAll()
    .where("body_id", "in", bodyIds)
    .orderBy("body_id")
    .orderBy("valid_from")
    .execute();
}

export async function closeBody(db: Executor, bodyId: number, validTo: string) {
  await db.updateTable("body").set({ valid_to: validTo }).where("id", "=", bodyId).execute();
}

export interface MembershipRow {
  id: number;
  user_id: number;
  user_name: string;
  body_id: number;
  role: MembershipRole;
  municipality_id: number | null;
  municipality_name: string | null;
  vote_weight: number;
  valid_from: string;
  valid_to: string | null;
}

function membershipQuery(db: Executor) {
  return db
    .selectFrom("membership")
    .innerJoin("user", "user.id", "membership.user_id")
    .leftJoin("municipality", "municipality.id", "membership.municipality_id")
    .select([
      "membership.id",
      "membership.user_id",
      "user.name as user_name",
      "membership.body_id",
      "membership.role",
      "membership.municipality_id",
      "municipality.name as municipality_name",
      "membership.vote_weight",
      "membership.valid_from",
      "membership.valid_to",
    ]);
}

/** Memberships of a body; with `on`, only those valid that day. */
export function listMembershipsOfBody(
  db: Executor,
  bodyId: number,
  opts: { on?: string } = {},
): Promise<MembershipRow[]> {
  let q = membershipQuery(db).where("membership.body_id", "=", bodyId);
  if (opts.on) {
    const on = opts.on;
    q = q
      .where("membership.valid_from", "<=", on)
      .where((eb) => eb.or([eb("membership.valid_to", "is", null), eb("membership.valid_to", ">", on)]));
  }
  return q
    .orderBy("membership.valid_to", (ob) => ob.desc().nullsLast())
    .orderBy("user.name")
    .execute();
}

/**
 * One user's memberships of one body valid on a date: the rows of `listMembershipsOfBody` for that
 * user, without reading the whole body (a council has hundreds of members).
 */
export function membershipsInBody(db: Executor, userId: number, bodyId: number, on: string) {
  return db
    .selectFrom("membership")
    .select(["membership.user_id", "membership.role"])
    .where("membership.user_id", "=", userId)
    .where("membership.body_id", "=", bodyId)
    .where("membership.valid_from", "<=", on)
    .where((eb) => eb.or([eb("membership.valid_to", "is", null), eb("membership.valid_to", ">", on)]))
    .execute();
}

/** A user's memberships valid on a date, with the body kind. */
export function membershipsOfUser(db: Executor, userId: number, on = today()) {
  return db
    .selectFrom("membership")
    .innerJoin("body", "body.id", "membership.body_id")
    .select([
      "membership.id",
      "membership.body_id",
      "membership.role",
      "membership.municipality_id",
      "membership.vote_weight",
      "body.kind",
    ])
    .where("membership.user_id", "=", userId)
    .where("membership.valid_from", "<=", on)
    .where((eb) => eb.or([eb("membership.valid_to", "is", null), eb("membership.valid_to", ">", on)]))
    .where("body.valid_from", "<=", on)
    .where((eb) => eb.or([eb("body.valid_to", "is", null), eb("body.valid_to", ">", on)]))
    .execute();
}

export async function addMembership(
  db: Executor,
  input: {
    userId: number;
    bodyId: number;
    role: MembershipRole;
    municipalityId: number | null;
    voteWeight: number;
    validFrom: string;
    validTo?: string | null;
  },
) {
  const { id } = await db
    .insertInto("membership")
    .values({
      user_id: input.userId,
      body_id: input.bodyId,
      role: input.role,
      municipality_id: input.municipalityId,
      vote_weight: input.voteWeight,
      valid_from: input.validFrom,
      valid_to: input.validTo ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function endMembership(db: Executor, id: number, validTo: string) {
  await db.updateTable("membership").set({ valid_to: validTo }).where("id", "=", id).execute();
}

export function getMembership(db: Executor, id: number) {
  return db.selectFrom("membership").selectAll().where("id", "=", id).executeTakeFirst();
}

export function getMunicipality(db: Executor, id: number) {
  return db.selectFrom("municipality").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findMunicipalityByName(db: Executor, name: string) {
  return db.selectFrom("municipality").selectAll().where("name", "=", name).executeTakeFirst();
}

/** Every name every body has had, oldest first per body: the admin page shows the history. */
export function listAllBodyNames(db: Executor) {
  return db.selectFrom("body_name").selectAll().orderBy("body_id").orderBy("valid_from").execute();
}

/** A user's memberships over all time, with the body's name on the day each began. */
export function listMembershipsOfUser(db: Executor, userId: number) {
  return db
    .selectFrom("membership")
    .innerJoin("body", "body.id", "membership.body_id")
    .leftJoin("municipality", "municipality.id", "membership.municipality_id")
    .select([
      "membership.id",
      "membership.body_id",
      "membership.role",
      "membership.vote_weight",
      "membership.valid_from",
      "membership.valid_to",
      "body.kind",
      "municipality.name as municipality_name",
    ])
    .select((eb) =>
      eb
        .selectFrom("body_name")
        .select("body_name.name")
        .whereRef("body_name.body_id", "=", "membership.body_id")
        .orderBy(sql`body_name.valid_from <= membership.valid_from`, "desc")
        .orderBy(
          sql`case when body_name.valid_from <= membership.valid_from then body_name.valid_from end`,
          // NULLs last, as SQLite sorts them descending (PostgreSQL would put them first).
          (ob) => ob.desc().nullsLast(),
        )
        .orderBy("body_name.valid_from")
        .limit(1)
        .as("body_name"),
    )
    .where("membership.user_id", "=", userId)
    .orderBy("membership.valid_from", "desc")
    .execute();
}
