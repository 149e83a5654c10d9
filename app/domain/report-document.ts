import {
  stateGroups,
  strategyStanding,
  type Gap,
  type GroupCounts,
  type MainGoalCounts,
  type StateGroup,
} from "#workflows/report";
import {
  changesOf,
  type GroupActivity,
  type OrganisationChange,
  type Service,
} from "#workflows/report-organisation";
import { formatDate, listNb } from "./texts";
import {
  governanceSentence,
  groupActivitySentence,
  municipalitiesPhrase,
  organisationChangeSentence,
  reportTexts as R,
  serviceLine,
} from "./texts/report";
import { strategyTexts as S } from "./texts/strategy";

/**
 * The annual report draft as a document: a list of blocks (numbered headings, paragraphs,
 * initiatives, tables) composed once from the year's figures, then rendered as the page, as
 * Markdown and as Word, so the three always say the same. Pure and browser-safe; a final report
 * is stored as this JSON.
 */

export type ReportBlock =
  | { kind: "heading"; level: 1 | 2 | 3 | 4; number: string; text: string }
  | { kind: "paragraph"; text: string; placeholder?: boolean }
  | {
      kind: "entry";
      proposalId: number;
      /** The initiative's name in the report: its title up to a dash ("Digisos – digital søknad …" → "Digisos"). */
      title: string;
      municipalities: string;
      state: string;
      text: string;
    }
  | { kind: "table"; caption: string; head: string[]; rows: string[][] }
  | { kind: "list"; items: string[] };

export interface GovernanceFigure {
  bodyId: number;
  kind: string;
  name: string;
  meetings: number;
  items: number;
}

export interface ActivityEntry {
  proposalId: number;
  title: string;
  municipalities: string[];
  stateLabel: string;
  reportText: string;
}

export interface StrategyProgress {
  id: number;
  name: string;
  periodFrom: number;
  periodTo: number;
  /** Set when the approval happened in the report's year. */
  approval: { date: string; bodyName: string; itemLabel: string | null } | null;
  coverage: MainGoalCounts[];
  /** Distinct proposals linked to a sub-goal, by state group at the year's end. */
  linked: GroupCounts;
}

/** Who sat in a body through the report's year. */
export interface BodyComposition {
  bodyId: number;
  kind: string;
  /** The body's name in the year. */
  name: string;
  members: Service[];
}

export interface GroupFigures extends BodyComposition {
  activity: GroupActivity;
}

/** The board, the committee and the groups through the year, and how the organisation changed. */
export interface OrganisationFigures {
  board: BodyComposition | null;
  committee: BodyComposition | null;
  groups: GroupFigures[];
  changes: OrganisationChange[];
}

/** Everything the report states, computed from the year's records. */
export interface ReportFigures {
  year: number;
  /** The running year's report speaks of the year so far: its last day ("per 30.11.2026"). */
  asOf?: string | null;
  /** Absent in reports frozen before the organisation sections existed. */
  organisation?: OrganisationFigures;
  received: number;
  byMunicipality: { name: string; count: number }[];
  byGroup: { name: string; count: number }[];
  decided: number;
  approved: number;
  rejected: number;
  started: number;
  completed: number;
  medianDays: number | null;
  /** Proposals submitted by the end of the year, by their state group then. */
  stateAtEnd: GroupCounts;
  governance: GovernanceFigure[];
  activities: { groupId: number | null; groupName: string; entries: ActivityEntry[] }[];
  strategies: StrategyProgress[];
}

export interface ReportModel {
  /** Bumped when the shape changes, so an old frozen copy is recognised. */
  modelVersion: 1;
  year: number;
  generatedAt: string;
  title: string;
  blocks: ReportBlock[];
  figures: ReportFigures;
  /** The basis data: the proposals' table, then (`more`) the organisation's tables. */
  csv: CsvTable & { more?: CsvTable[] };
}

export interface CsvTable {
  header: string[];
  rows: string[][];
}

export const REPORT_MODEL_VERSION = 1;

/** Numbers headings like the annual report: chapter 2 first, "2.2.3.1" at the fourth level. */
class Numbering {
  private counters = [1, 0, 0, 0];
  next(level: 1 | 2 | 3 | 4): string {
    this.counters[level - 1]! += 1;
    for (let i = level; i < 4; i++) this.counters[i] = 0;
    return this.counters.slice(0, level).join(".");
  }
}

const goalLabel = (g: { number: string; title: string }) => `${g.number} ${g.title}`;

function groupParts(counts: GroupCounts): string {
  return listNb(
    stateGroups.filter((g) => counts[g] > 0).map((g) => `${counts[g]} ${S.groupLabels[g].toLowerCase()}`),
  );
}

function strategyBlocks(
  year: number,
  asOf: string | null,
  strategies: StrategyProgress[],
  board: string,
): ReportBlock[] {
  if (strategies.length === 0) return [{ kind: "paragraph", text: R.noStrategy(year) }];
  return strategies.flatMap((s): ReportBlock[] => {
    const blocks: ReportBlock[] = [
      {
        kind: "paragraph",
        text: s.approval
          ? R.strategyApproved(s.approval.bodyName || board, s.name, s.approval.date, s.approval.itemLabel)
          : strategyStanding({ period_from: s.periodFrom, period_to: s.periodTo }, year) === "expired"
            ? R.strategyExpired(s.name, s.periodFrom, s.periodTo)
            : R.strategyInForce(s.name, s.periodFrom, s.periodTo),
      },
    ];
    const linked = stateGroups.reduce((sum, g) => sum + s.linked[g], 0);
    blocks.push({
      kind: "paragraph",
      text: R.strategySummary(year, asOf, linked, groupParts(s.linked)),
    });
    const row = (label: string, counts: GroupCounts) => [label, ...stateGroups.map((g) => String(counts[g]))];
    blocks.push({
      kind: "table",
      caption: R.strategyTableCaption(s.name, asOf),
      head: [R.goalColumn, ...stateGroups.map((g) => S.groupLabels[g])],
      rows: s.coverage.flatMap((main) => [
        row(`${S.mainGoal} ${goalLabel(main)}`, main.counts),
        ...main.subGoals.map((sub) => row(goalLabel(sub), sub.counts)),
      ]),
    });
    const subs = s.coverage.flatMap((m) => m.subGoals);
    const withGap = (gap: Gap) => subs.filter((sub) => sub.gaps.includes(gap)).map(goalLabel);
    const noneProposed = withGap("noneProposed");
    const noneUnderway = withGap("noneUnderway").filter((l) => !noneProposed.includes(l));
    if (noneProposed.length === 0 && noneUnderway.length === 0)
      blocks.push({ kind: "paragraph", text: R.noGaps });
    if (noneProposed.length > 0)
      blocks.push({ kind: "paragraph", text: R.gapsNoneProposed(listNb(noneProposed)) });
    if (noneUnderway.length > 0)
      blocks.push({ kind: "paragraph", text: R.gapsNoneUnderway(listNb(noneUnderway)) });
    return blocks;
  });
}

function processBlocks(f: ReportFigures, stateLabels: Record<StateGroup, string>): ReportBlock[] {
  const summary = [
    R.received(f.year, f.received),
    R.decided(f.decided, f.approved, f.rejected),
    R.startedCompleted(f.started, f.completed),
    R.leadTime(f.medianDays),
  ]
    .filter(Boolean)
    .join(" ");
  const blocks: ReportBlock[] = [{ kind: "paragraph", text: summary }];
  if (f.received > 0) {
    blocks.push({
      kind: "table",
      caption: R.byMunicipalityCaption(f.year),
      head: [R.municipality, R.count],
      rows: f.byMunicipality.map((m) => [m.name, String(m.count)]),
    });
    blocks.push({ kind: "paragraph", text: R.wholeYearNote });
    blocks.push({
      kind: "table",
      caption: R.byGroupCaption(f.year),
      head: [R.group, R.count],
      rows: f.byGroup.map((g) => [g.name, String(g.count)]),
    });
  }
  if (stateGroups.some((g) => f.stateAtEnd[g] > 0)) {
    blocks.push({
      kind: "table",
      caption: R.byStateCaption(f.year, f.asOf ?? null),
      head: [R.state, R.count],
      rows: stateGroups.map((g) => [stateLabels[g], String(f.stateAtEnd[g])]),
    });
  }
  return blocks;
}

/** 2.1.1: who left and who joined the board in the year, or one sentence that nobody did. */
function boardChangeBlocks(year: number, board: BodyComposition | null): ReportBlock[] {
  if (!board) return [{ kind: "paragraph", text: R.noBoard(year) }];
  const { left, joined } = changesOf(board.members);
  if (left.length === 0 && joined.length === 0)
    return [{ kind: "paragraph", text: R.noMemberChanges(board.kind, board.name, year) }];
  const blocks: ReportBlock[] = [];
  if (left.length > 0)
    blocks.push(
      { kind: "paragraph", text: R.membersLeft(board.kind, board.name, year) },
      { kind: "list", items: left.map((s) => serviceLine(s, board)) },
    );
  if (joined.length > 0)
    blocks.push(
      { kind: "paragraph", text: R.membersJoined(board.kind, board.name, year) },
      { kind: "list", items: joined.map((s) => serviceLine(s, board)) },
    );
  return blocks;
}

/** 2.1.2: renames, new and closed bodies, municipalities joining or leaving, in words. */
function organisationChangeBlocks(year: number, changes: OrganisationChange[]): ReportBlock[] {
  if (changes.length === 0) return [{ kind: "paragraph", text: R.noOrganisationChanges(year) }];
  return [{ kind: "paragraph", text: changes.map(organisationChangeSentence).join(" ") }];
}

/** A body's members through the year, as the annual report's 3.1 lists the board. */
function compositionBlocks(year: number, body: BodyComposition, intro: boolean): ReportBlock[] {
  if (body.members.length === 0)
    return [{ kind: "paragraph", text: R.noMembers(body.kind, body.name, year) }];
  const list: ReportBlock = { kind: "list", items: body.members.map((s) => serviceLine(s, body)) };
  return intro ? [{ kind: "paragraph", text: R.composition(body.name, year) }, list] : [list];
}

/** The specialist groups: a table of what each did with proposals, then each group's members. */
function groupBlocks(
  year: number,
  groups: GroupFigures[],
  h: (level: 1 | 2 | 3 | 4, text: string) => ReportBlock,
): ReportBlock[] {
  if (groups.length === 0) return [{ kind: "paragraph", text: R.noGroups(year) }];
  const C = R.groupColumns;
  const blocks: ReportBlock[] = [
    { kind: "paragraph", text: R.groupsIntro(year) },
    {
      kind: "table",
      caption: R.groupsTableCaption(year),
      head: [C.group, C.received, C.assessed, C.recommended, C.medianDays],
      rows: groups.map((g) => [
        g.name,
        String(g.activity.received),
        String(g.activity.assessed),
        String(g.activity.recommended),
        g.activity.medianDays === null ? R.noneValue : dayCount(g.activity.medianDays),
      ]),
    },
  ];
  for (const g of groups) {
    blocks.push(h(4, g.name));
    blocks.push(...compositionBlocks(year, g, false));
    blocks.push({ kind: "paragraph", text: groupActivitySentence(g.activity, year) });
  }
  return blocks;
}

/** A number of days as a table shows it: "12", "12,5". */
const dayCount = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1).replace(".", ","));

/**
 * What each initiative is called in the report: the part of its title before " – " where that
 * names it alone, the whole title where two initiatives of the report would share the short
 * name ("Digisos – innsyn" and "Digisos – dialog" stay apart).
 */
export function entryNames(titles: readonly string[]): Map<string, string> {
  const distinctTitles = [...new Set(titles)];
  const titlesByShort = new Map<string, number>();
  for (const title of distinctTitles) {
    const short = shortName(title);
    titlesByShort.set(short, (titlesByShort.get(short) ?? 0) + 1);
  }
  return new Map(
    distinctTitles.map((title) => {
      const short = shortName(title);
      return [title, titlesByShort.get(short)! > 1 ? title : short];
    }),
  );
}

/**
 * Composes the report's blocks from its figures, in the annual report's order and numbering:
 * 2 Status (2.1 overall: strategy and the proposal process; 2.2 departments, with 2.2.3 service
 * development per specialist field) and 3 Organisation (meetings of each body).
 */
export function composeReport(
  figures: ReportFigures,
  opts: { generatedAt: string; csv: ReportModel["csv"]; boardName: string },
): ReportModel {
  const year = figures.year;
  const n = new Numbering();
  const h = (level: 1 | 2 | 3 | 4, text: string): ReportBlock => ({
    kind: "heading",
    level,
    number: n.next(level),
    text,
  });
  const blocks: ReportBlock[] = [];
  const nothing =
    figures.received === 0 &&
    figures.decided === 0 &&
    figures.started === 0 &&
    figures.completed === 0 &&
    figures.governance.every((g) => g.meetings === 0);
  if (nothing) blocks.push({ kind: "paragraph", text: R.empty(year) });

  const asOf = figures.asOf ?? null;
  const organisation = figures.organisation;
  blocks.push(h(1, R.chapter2(year)));
  blocks.push(h(2, R.overall(year)));
  if (organisation) {
    const board = organisation.board;
    blocks.push(h(3, R.newMembersHeading("board", board?.name ?? opts.boardName)));
    blocks.push(...boardChangeBlocks(year, board));
    blocks.push(h(3, R.organisationHeading));
    blocks.push(...organisationChangeBlocks(year, organisation.changes));
  }
  blocks.push(h(3, R.strategyHeading));
  blocks.push(...strategyBlocks(year, asOf, figures.strategies, opts.boardName));
  if (organisation) {
    blocks.push(h(3, R.groupsHeading));
    blocks.push(...groupBlocks(year, organisation.groups, h));
  }
  blocks.push(h(3, R.processHeading));
  blocks.push(...processBlocks(figures, S.groupLabels));

  blocks.push(h(2, R.departments(year)));
  blocks.push(h(3, R.customerService));
  blocks.push({ kind: "paragraph", text: R.departmentPlaceholder, placeholder: true });
  blocks.push(h(3, R.operations));
  blocks.push({ kind: "paragraph", text: R.departmentPlaceholder, placeholder: true });
  blocks.push(h(3, R.serviceDevelopment));
  const withEntries = figures.activities.filter((a) => a.entries.length > 0);
  blocks.push({
    kind: "paragraph",
    text: withEntries.length > 0 ? R.serviceDevelopmentIntro(year) : R.noActivities(year),
  });
  const names = entryNames(withEntries.flatMap((f) => f.entries.map((e) => e.title)));
  for (const field of withEntries) {
    blocks.push(h(4, field.groupName));
    for (const e of field.entries) {
      blocks.push({
        kind: "entry",
        proposalId: e.proposalId,
        title: names.get(e.title) ?? e.title,
        municipalities: municipalitiesPhrase(e.municipalities),
        state: R.entryState(e.stateLabel, asOf),
        text: e.reportText.trim() || R.noReportText,
      });
    }
  }

  blocks.push(h(1, R.chapter3));
  if (figures.governance.length === 0) blocks.push({ kind: "paragraph", text: R.noMeetingsBody });
  const composed = [organisation?.board, organisation?.committee].filter(
    (b): b is BodyComposition => b !== null && b !== undefined,
  );
  for (const g of figures.governance) {
    blocks.push(h(2, g.name));
    const body = composed.find((b) => b.bodyId === g.bodyId);
    if (body) blocks.push(...compositionBlocks(year, body, true));
    blocks.push({ kind: "paragraph", text: governanceSentence({ ...g, year }) });
  }

  return {
    modelVersion: 1,
    year,
    generatedAt: opts.generatedAt,
    title: R.title(year),
    blocks,
    figures,
    csv: opts.csv,
  };
}

/** Whether a stored JSON is a report of this shape (an older frozen copy is not). */
export function isReportModel(value: unknown): value is ReportModel {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { modelVersion?: unknown }).modelVersion === REPORT_MODEL_VERSION &&
    Array.isArray((value as { blocks?: unknown }).blocks)
  );
}

/**
 * The name an initiative goes by in the report: a title's part before " – " (the report names
 * "Digisos", not "Digisos – digital søknad om økonomisk sosialhjelp"), or the whole title.
 */
export function shortName(title: string): string {
  const [name] = title.split(" – ");
  return name!.trim() || title;
}

/** The heading line of an initiative: "Digisos – Rauma, Vestnes, Aukra og Molde kommune". */
export function entryHeading(e: { title: string; municipalities: string }): string {
  return e.municipalities ? `${e.title} – ${e.municipalities}` : e.title;
}

const mdEscape = (text: string) =>
  text
    .replace(/([\\`*_[\]<>|#])/g, "\\$1")
    .replace(/^(\s*)(\d+)\.(\s)/gm, "$1$2\\.$3")
    .replace(/^(\s*)([-+])(\s)/gm, "$1\\$2$3");

/** The report as Markdown: headings with their numbers, tables as pipe tables. */
export function reportMarkdown(model: ReportModel, status: "draft" | "final"): string {
  const out: string[] = [`# ${mdEscape(status === "final" ? R.finalTitle(model.year) : model.title)}`, ""];
  if (status === "draft") out.push(`_${mdEscape(R.draftNotice(formatDate(model.generatedAt)))}_`, "");
  for (const b of model.blocks) {
    switch (b.kind) {
      case "heading":
        out.push(`${"#".repeat(b.level + 1)} ${b.number} ${mdEscape(b.text)}`, "");
        break;
      case "paragraph":
        out.push(b.placeholder ? `_${mdEscape(b.text)}_` : mdEscape(b.text), "");
        break;
      case "entry":
        out.push(`**${mdEscape(entryHeading(b))}**`, "", `_${mdEscape(b.state)}_`, "");
        for (const para of b.text.split(/\n\s*\n/)) out.push(mdEscape(para.trim()), "");
        break;
      case "list":
        for (const item of b.items) out.push(`- ${mdEscape(item)}`);
        out.push("");
        break;
      case "table": {
        const cell = (s: string) => mdEscape(s).replace(/\n/g, " ");
        out.push(`_${mdEscape(b.caption)}_`, "");
        out.push(`| ${b.head.map(cell).join(" | ")} |`);
        out.push(`| ${b.head.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`);
        for (const row of b.rows) out.push(`| ${row.map(cell).join(" | ")} |`);
        out.push("");
        break;
      }
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}
