import { listBodies, listMunicipalities } from "#db/repositories/organisation.repository";
import {
  listProposals,
  municipalityNamesFor,
  similarProposals,
  submissionYears,
  type KeepUntilChange,
  type ProposalFilters,
} from "#db/repositories/proposal.repository";
import { finalStates, proposalStates } from "#workflows/proposal.machine";
import { filterParams, filtersQuery, type ProposalListFilters } from "~/domain/proposal-filters";
import { formatDate, t } from "~/domain/texts";
import { exportTexts as X } from "~/domain/texts/report";
import type { CurrentUser } from "./auth.server";
import { toCsv } from "./csv.server";
import { db } from "./db.server";
import { keptUntilChange } from "./kept-until-change.server";
import { bodyNames, stateLabel } from "./process.server";
import { supportLines } from "./support.server";

/** The rows of an export: every page of the list at once, up to this many. */
const MAX_ROWS = 50_000;

/**
 * "closed" selects every closed outcome at once; "open" every open state past the draft.
 */
export function statesFor(status: string | undefined): string[] | undefined {
  if (!status) return undefined;
  if (status === "closed") return finalStates.filter((s) => s !== "completed");
  if (status === "open") return proposalStates.filter((s) => s !== "draft" && !finalStates.includes(s));
  return (proposalStates as string[]).includes(status) ? [status] : undefined;
}

/** The municipality filter's outcome: one municipality, or the names that matched (none or several). */
export type MunicipalityChoice =
  | { kind: "none" }
  | { kind: "one"; id: number; name: string }
  | { kind: "unresolved"; text: string; candidates: string[] };

const MAX_CANDIDATES = 10;

/**
 * The municipality a typed text names, matched without regard to case: the one whose whole name
 * it is, else the only one whose name starts with it, else the only one containing it. An id
 * (the links made before the field was a text) names its municipality. Several of the same name
 * (a municipality re-created after a merger) resolve to the newest.
 */
export function matchMunicipality(
  text: string | undefined,
  municipalities: readonly { id: number; name: string; valid_from: string }[],
): MunicipalityChoice {
  const typed = text?.trim() ?? "";
  if (typed === "") return { kind: "none" };
  if (/^\d+$/.test(typed)) {
    const byId = municipalities.find((m) => m.id === Number(typed));
    return byId
      ? { kind: "one", id: byId.id, name: byId.name }
      : { kind: "unresolved", text: typed, candidates: [] };
  }
  const key = (s: string) => s.toLocaleLowerCase("nb");
  const wanted = key(typed);
  const newestFirst = [...municipalities].sort((a, b) => (a.valid_from < b.valid_from ? 1 : -1));
  for (const matches of [
    (name: string) => name === wanted,
    (name: string) => name.startsWith(wanted),
    (name: string) => name.includes(wanted),
  ]) {
    const found = newestFirst.filter((m) => matches(key(m.name)));
    const names = [...new Set(found.map((m) => m.name))].sort((a, b) => a.localeCompare(b, "nb"));
    if (names.length === 1) return { kind: "one", id: found[0]!.id, name: found[0]!.name };
    if (names.length > 1)
      return { kind: "unresolved", text: typed, candidates: names.slice(0, MAX_CANDIDATES) };
  }
  return { kind: "unresolved", text: typed, candidates: [] };
}

/** The municipality filter of the list's filters, looked up only when there is one. */
async function municipalityChoice(f: ProposalListFilters): Promise<MunicipalityChoice> {
  if (!f.municipality) return { kind: "none" };
  return matchMunicipality(f.municipality, await listMunicipalities(db()));
}

/** The repository's filters for the list's filters, as the list page applies them. */
export function listFilters(
  f: ProposalListFilters,
  viewerId: number,
  municipality: MunicipalityChoice = { kind: "none" },
): ProposalFilters {
  return {
    viewerId,
    q: f.q,
    states: statesFor(f.status),
    groupId: f.groupId,
    municipalityId: municipality.kind === "one" ? municipality.id : undefined,
    year: f.year,
    authorId: f.mineOnly ? viewerId : undefined,
    // Words to search: the most relevant first, unless a date order is asked for.
    sort: f.sort ?? (f.q ? "relevance" : "newest"),
    page: f.page,
  };
}

/** The proposals a user's filters select, with each row's group and municipalities named. */
async function namedRows(user: CurrentUser, f: ProposalListFilters, extra: Partial<ProposalFilters> = {}) {
  const municipality = await municipalityChoice(f);
  // A municipality the text does not name selects nothing: the page says so and offers the candidates.
  const [result, groups, names] = await Promise.all([
    municipality.kind === "unresolved"
      ? Promise.resolve(noProposals)
      : listProposals(db(), { ...listFilters(f, user.id, municipality), ...extra }, keepSearchHits),
    listBodies(db(), { kind: "group" }),
    bodyNames(),
  ]);
  const municipalities = await municipalityNamesFor(
    db(),
    result.rows.map((r) => r.id),
  );
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  return {
    result,
    municipality,
    groups,
    names,
    rows: result.rows.map((r) => ({
      ...r,
      stateLabel: stateLabel(r.state, names),
      groupName: r.group_id ? (groupName.get(r.group_id) ?? "") : "",
      municipalities: municipalities.get(r.id) ?? [],
    })),
  };
}

/**
 * A search's walk of its hits, kept until the database changes (decision 028, Round 3): the next
 * page, a repeat or the CSV of the same search reads only its rows. Exact: any commit, by any
 * process, reads the hits again; PostgreSQL reads them every time.
 */
const keepSearchHits: KeepUntilChange = (key, read) => keptUntilChange(key, () => read());

const noProposals: Awaited<ReturnType<typeof listProposals>> = {
  rows: [],
  total: 0,
  more: false,
  page: 1,
  pageSize: 20,
};

/** The list page: one page of proposals and the filter form's choices. */
export async function proposalListPage(user: CurrentUser, f: ProposalListFilters) {
  const [{ result, municipality, groups, names, rows }, years] = await Promise.all([
    namedRows(user, f),
    submissionYears(db()),
  ]);
  const support = await supportLines(rows.map((r) => r.id));
  const query = filtersQuery(f);
  // The field shows the municipality's name, also when the link named it by id.
  if (municipality.kind === "one") query[filterParams.municipality] = municipality.name;
  return {
    query,
    total: result.total,
    /** The search found more than the list counts: the total is a lower bound. */
    more: result.more,
    page: result.page,
    pages: Math.max(1, Math.ceil(result.total / result.pageSize)),
    municipalityCandidates: municipality.kind === "unresolved" ? municipality.candidates : null,
    rows: rows.map((r) => ({
      id: r.id,
      title: r.title,
      state: r.state,
      stateLabel: r.stateLabel,
      groupName: r.groupName,
      authorName: r.author_name,
      date: formatDate(r.submitted_at ?? r.created_at),
      municipalities: r.municipalities,
      support: support.get(r.id) ?? null,
    })),
    stateOptions: [
      { value: filtersQuery({ status: "open" }).status!, label: t.proposal.allOpen },
      ...proposalStates.map((s) => ({ value: s, label: stateLabel(s, names) })),
      { value: filtersQuery({ status: "closed" }).status!, label: t.proposal.allClosed },
    ],
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    // Only years with submissions: the same list as /statistikk's.
    years,
  };
}

/** The list as CSV, filtered exactly as the list page: every page at once. */
export async function proposalListCsv(user: CurrentUser, f: ProposalListFilters): Promise<string> {
  const { rows } = await namedRows(user, f, { page: 1, pageSize: MAX_ROWS });
  const C = X.columns;
  return toCsv(
    [C.id, C.title, C.state, C.group, C.municipalities, C.author, C.submitted, C.created, C.stateChanged],
    rows.map((r) => [
      r.id,
      r.title,
      r.stateLabel,
      r.groupName,
      r.municipalities.join(", "),
      r.author_name,
      formatDate(r.submitted_at),
      formatDate(r.created_at),
      formatDate(r.state_changed_at),
    ]),
  );
}

/** Similar submitted proposals for a title being typed on the intake form. */
export async function similarToTitle(title: string) {
  const [rows, names] = await Promise.all([similarProposals(db(), title), bodyNames()]);
  return rows.map((r) => ({ id: r.id, title: r.title, stateLabel: stateLabel(r.state, names) }));
}
