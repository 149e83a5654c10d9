import { listBodies, listMunicipalities } from "#db/repositories/organisation.repository";
import {
  listProposals,
  municipalityNamesFor,
  similarProposals,
  submissionYears,
  type ProposalFilters,
} from "#db/repositories/proposal.repository";
import { finalStates, proposalStates } from "#workflows/proposal.machine";
import { filtersQuery, type ProposalListFilters } from "~/domain/proposal-filters";
import { formatDate, t } from "~/domain/texts";
import { exportTexts as X } from "~/domain/texts/report";
import type { CurrentUser } from "./auth.server";
import { toCsv } from "./csv.server";
import { db } from "./db.server";
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

/** The repository's filters for the list's filters, as the list page applies them. */
export function listFilters(f: ProposalListFilters, viewerId: number): ProposalFilters {
  return {
    viewerId,
    q: f.q,
    states: statesFor(f.status),
    groupId: f.groupId,
    municipalityId: f.municipalityId,
    year: f.year,
    authorId: f.mineOnly ? viewerId : undefined,
    sort: f.sort ?? "newest",
    page: f.page,
  };
}

/** The proposals a user's filters select, with each row's group and municipalities named. */
async function namedRows(user: CurrentUser, f: ProposalListFilters, extra: Partial<ProposalFilters> = {}) {
  const [result, groups, names] = await Promise.all([
    listProposals(db(), { ...listFilters(f, user.id), ...extra }),
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

/** The list page: one page of proposals and the filter form's choices. */
export async function proposalListPage(user: CurrentUser, f: ProposalListFilters) {
  const [{ result, groups, names, rows }, municipalities, years] = await Promise.all([
    namedRows(user, f),
    listMunicipalities(db()),
    submissionYears(db()),
  ]);
  const support = await supportLines(rows.map((r) => r.id));
  return {
    query: filtersQuery(f),
    total: result.total,
    page: result.page,
    pages: Math.max(1, Math.ceil(result.total / result.pageSize)),
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
    municipalities: municipalities.map((m) => ({ id: m.id, name: m.name })),
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
