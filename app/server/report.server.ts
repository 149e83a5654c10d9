import { thisYear, today } from "#workflows/dates";
import type { Executor } from "#db/connection";
import { meetingDate, meetingFigures } from "#db/repositories/meeting.repository";
import { listBodies, listMunicipalities, type BodyOnDate } from "#db/repositories/organisation.repository";
import { municipalityNamesFor } from "#db/repositories/proposal.repository";
import {
  approvalsOfReport,
  reportTextsOf,
  getAnnualReport,
  allGoals,
  goalLinksOf,
  goalSetsSubmittedBefore,
  groupFlowInPeriod,
  membershipsInPeriod,
  nonDraftStrategies,
  proposalsActiveIn,
  proposalsChangedSince,
  recommendationsInPeriod,
  renamesInPeriod,
  reportStatuses,
  stepsInYear,
  yearsWithData,
} from "#db/repositories/report.repository";
import { goalsOfStrategy, protocolItemWithMeeting } from "#db/repositories/strategy.repository";
import {
  bodyText,
  stateMeta,
  isProposalState,
  proposalStates,
  type BodyNames,
} from "#workflows/proposal.machine";
import {
  activityOfSteps,
  countByGroupOf,
  goalCoverageCounts,
  isActivityOfYear,
  leadTimes,
  median,
  yearActivitySteps,
  type YearActivity,
} from "#workflows/report";
import {
  bodyInPeriod,
  groupActivity,
  organisationChanges,
  reportPeriod,
  servicesOf,
  type PeriodBody,
  type ReportPeriod,
} from "#workflows/report-organisation";
import {
  composeReport,
  isReportModel,
  type ActivityEntry,
  type CsvTable,
  type GovernanceFigure,
  type OrganisationFigures,
  type ReportFigures,
  type ReportModel,
  type StrategyProgress,
} from "~/domain/report-document";
import { bodyKindLabels, formatDate, formatDateTime } from "~/domain/texts";
import { recordTexts } from "~/domain/texts/records";
import { organisationChangeSentence, reportTexts as R, roleNoun } from "~/domain/texts/report";

/** The last day of a year whose names count: the year's end, or today for the running year. */
function namesDate(period: ReportPeriod): string {
  return period.asOf ?? `${period.year}-12-31`;
}

const activeIn = (b: { valid_from: string; valid_to: string | null }, year: number) =>
  b.valid_from <= `${year}-12-31` && (b.valid_to === null || b.valid_to > `${year}-01-01`);

function stateLabelOn(state: string | null, names: BodyNames): string {
  if (!state || !isProposalState(state)) return state ?? "";
  return bodyText(stateMeta(state).label, names);
}

/** `stateLabelOn` for one set of names, each label made once (a national year labels thousands of rows). */
function stateLabeller(names: BodyNames) {
  const labels = new Map<string | null, string>();
  return (state: string | null) => {
    let label = labels.get(state);
    if (label === undefined) labels.set(state, (label = stateLabelOn(state, names)));
    return label;
  };
}

/** Why work was cancelled in the year, for an initiative that has no report text of its own. */
function cancelReason(
  history: readonly { event: string; at: string; reason: string | null }[] | undefined,
  year: number,
) {
  const cancel = history?.filter((h) => h.event === "CANCEL" && h.at.startsWith(String(year))).at(-1);
  return cancel?.reason ? R.cancelledBecause(cancel.reason) : "";
}

const dateOnly = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : "");

/**
 * The figures of a year, from its records: submissions, decisions, starts and completions read
 * from the proposals' histories (states as they were at the year's end), the meetings held, the
 * strategy's coverage then, and the bodies and groups under the names they had that year.
 */
export async function reportFigures(
  db: Executor,
  year: number,
  now = new Date(),
  { basisData = true }: ReportParts = {},
): Promise<{
  figures: ReportFigures;
  csv: ReportModel["csv"];
  boardName: string;
}> {
  const period = reportPeriod(year, today(now));
  const on = namesDate(period);
  const yearEnd = `${year + 1}-01-01`;
  // Only the proposals the year speaks of one by one are read, with their steps of the year that
  // count. A proposal's row holds its state and group since its last step (the command writes both
  // together), so only those that moved after the year's end need their state and group then (read
  // from their histories in SQL). Every other proposal submitted by then, with its goal links, is
  // counted in SQL by its state now and its set of goals; those that moved since are corrected below.
  const [steps, changed, goalSets, allGoalRows, bodies, municipalities, meetings, organisationRecords] =
    await Promise.all([
      stepsInYear(db, year, yearActivitySteps),
      proposalsChangedSince(db, yearEnd, proposalStates),
      goalSetsSubmittedBefore(db, yearEnd),
      allGoals(db),
      listBodies(db, { on }),
      listMunicipalities(db),
      meetingFigures(db, year),
      Promise.all([
        membershipsInPeriod(db, period.from, period.to),
        renamesInPeriod(db, period.from, period.to),
        groupFlowInPeriod(db, period.from, period.to),
        recommendationsInPeriod(db, period.from, period.to),
      ]),
    ]);
  const proposals = await proposalsActiveIn(db, year, steps.keys());
  const ids = proposals.map((p) => p.id);
  const [reportTexts, municipalityNames, strategies, goalLinks] = await Promise.all([
    reportTextsOf(db, ids),
    municipalityNamesFor(db, ids),
    nonDraftStrategies(db),
    // The links of those that moved since, to count them by their state then; the basis data
    // shows every listed proposal's goals too.
    goalLinksOf(
      db,
      basisData ? [...new Set([...ids, ...changed.map((c) => c.id)])] : changed.map((c) => c.id),
    ),
  ]);
  const changedById = new Map(changed.map((c) => [c.id, c]));
  const atYearEnd = (p: { id: number; state: string; group_id: number | null }) => {
    const then = changedById.get(p.id);
    // One that had no step before the year's end counts as it is (as before: no history, no change).
    return then && then.stateThen !== null
      ? { state: then.stateThen, group: then.groupThen }
      : { state: p.state, group: p.group_id };
  };
  const bodyById = new Map(bodies.map((b) => [b.id, b]));
  const board = bodies.find((b) => b.kind === "board" && activeIn(b, year));
  const committee = bodies.find((b) => b.kind === "committee" && activeIn(b, year));
  const names: BodyNames = { board: board?.name ?? "Styret", committee: committee?.name ?? "Utvalget" };
  const stateLabel = stateLabeller(names);

  const records = proposals.map((p) => ({
    ...p,
    municipalities: municipalityNames.get(p.id) ?? [],
    activity: activityOfSteps(p, steps.get(p.id) ?? [], atYearEnd(p), year) as YearActivity,
  }));
  const received = records.filter((r) => r.activity.received);
  const decided = records.filter((r) => r.activity.decision !== null);
  const groupName = (id: number | null) =>
    id === null ? R.notAssigned : (bodyById.get(id)?.name ?? R.notAssigned);

  // Every municipality and group of the year is listed, with zero where nothing came in.
  const municipalityCounts = new Map<string, number>(
    municipalities.filter((m) => activeIn(m, year)).map((m) => [m.name, 0]),
  );
  for (const r of received)
    for (const m of r.municipalities) municipalityCounts.set(m, (municipalityCounts.get(m) ?? 0) + 1);
  const groups = bodies.filter((b) => b.kind === "group" && activeIn(b, year)).sort((a, b) => a.id - b.id);
  const groupCounts = new Map<number | null, number>(groups.map((g) => [g.id, 0]));
  for (const r of received)
    groupCounts.set(r.activity.groupAtEnd, (groupCounts.get(r.activity.groupAtEnd) ?? 0) + 1);

  const governance: GovernanceFigure[] = [];
  const governed: BodyOnDate[] = [
    ...bodies.filter((b) => b.kind === "board" && activeIn(b, year)),
    ...bodies.filter((b) => b.kind === "committee" && activeIn(b, year)),
    ...bodies
      .filter((b) => b.kind === "group" && meetings.some((m) => m.bodyId === b.id))
      .sort((a, b) => a.id - b.id),
  ];
  for (const m of meetings) {
    const body = bodyById.get(m.bodyId);
    if (body && !governed.includes(body)) governed.push(body);
  }
  for (const body of governed) {
    const f = meetings.find((m) => m.bodyId === body.id);
    governance.push({
      bodyId: body.id,
      kind: body.kind,
      name: body.name,
      meetings: f?.meetings ?? 0,
      items: f?.items ?? 0,
    });
  }

  const activityGroups = new Map<number | null, ActivityEntry[]>();
  for (const r of records.filter((x) => isActivityOfYear(x.activity))) {
    const groupId = r.activity.groupAtEnd ?? r.group_id;
    const entries = activityGroups.get(groupId) ?? [];
    entries.push({
      proposalId: r.id,
      title: r.title,
      municipalities: r.municipalities,
      stateLabel: stateLabel(r.activity.stateAtEnd),
      reportText: reportTexts.get(r.id) || cancelReason(steps.get(r.id), year),
    });
    activityGroups.set(groupId, entries);
  }
  const activities = [...activityGroups.entries()]
    .sort(([a], [b]) => (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER))
    .map(([groupId, entries]) => ({
      groupId,
      groupName: groupId === null ? R.noGroup : groupName(groupId),
      entries,
    }));

  // The state at the year's end of the proposals that moved since; any other is in it still. The
  // goal links (of proposals submitted by the year's end) are counted per sub-goal, per main goal
  // (distinct proposals across its sub-goals) and per strategy (distinct proposals linked to a
  // sub-goal of a main goal), by that state.
  const goalById = new Map(allGoalRows.map((g) => [g.id, g]));
  const endStates = new Map<string, number>();
  const perGoal = new Map<number, Map<string, number>>();
  const perMainGoal = new Map<number, Map<string, number>>();
  const perStrategy = new Map<number, Map<string, number>>();
  const linkedPerStrategy = new Map<number, number>();
  const add = (counts: Map<number, Map<string, number>>, key: number, state: string, n: number) => {
    let own = counts.get(key);
    if (!own) counts.set(key, (own = new Map()));
    own.set(state, (own.get(state) ?? 0) + n);
  };
  const count = (goalIds: readonly number[], state: string, n: number) => {
    endStates.set(state, (endStates.get(state) ?? 0) + n);
    const mainGoals = new Set<number>();
    const strategiesOfLinks = new Set<number>();
    for (const goalId of goalIds) {
      const goal = goalById.get(goalId);
      if (!goal) continue;
      add(perGoal, goalId, state, n);
      linkedPerStrategy.set(goal.strategy_id, (linkedPerStrategy.get(goal.strategy_id) ?? 0) + n);
      if (goal.parent_id === null) continue;
      mainGoals.add(goal.parent_id);
      if (goalById.get(goal.parent_id)?.parent_id === null) strategiesOfLinks.add(goal.strategy_id);
    }
    for (const id of mainGoals) add(perMainGoal, id, state, n);
    for (const id of strategiesOfLinks) add(perStrategy, id, state, n);
  };
  for (const set of goalSets) count(set.goalIds, set.state, set.count);
  for (const p of changed) {
    const then = atYearEnd({ ...p, group_id: null }).state;
    if (then === p.state) continue;
    const goalIds = goalLinks.get(p.id) ?? [];
    count(goalIds, p.state, -1);
    count(goalIds, then, 1);
  }

  const strategyProgress: StrategyProgress[] = [];
  for (const s of strategies) {
    const approvalItem = s.approved_item_id
      ? await protocolItemWithMeeting(db, s.approved_item_id)
      : undefined;
    const approvedOn = approvalItem ? meetingDate(approvalItem.starts_at) : dateOnly(s.approved_at);
    const approvedThisYear = approvedOn.startsWith(String(year));
    const inPeriod = s.period_from <= year && year <= s.period_to;
    // A strategy approved after the year is not yet the year's, even if proposals link to it now.
    if (approvedOn > `${year}-12-31`) continue;
    if (!inPeriod && !approvedThisYear && !linkedPerStrategy.get(s.id)) continue;
    const goals = await goalsOfStrategy(db, s.id);
    const approvalBody = approvalItem
      ? (await listBodies(db, { on: approvedOn })).find((b) => b.id === approvalItem.body_id)
      : undefined;
    strategyProgress.push({
      id: s.id,
      name: s.name,
      periodFrom: s.period_from,
      periodTo: s.period_to,
      approval: approvedThisYear
        ? {
            date: formatDate(approvedOn),
            bodyName: approvalBody?.name ?? names.board,
            // The report speaks of several bodies' cases: each carries its body's code ("SR-sak 1/2026").
            itemLabel:
              approvalItem && approvalItem.number !== null && approvalItem.number_year !== null
                ? recordTexts.cases.reference(
                    approvalBody?.code ?? "",
                    approvalItem.number,
                    approvalItem.number_year,
                  )
                : null,
          }
        : null,
      coverage: goalCoverageCounts(
        goals.map((g) => ({
          id: g.id,
          parentId: g.parent_id,
          number: g.number,
          title: g.title,
          description: g.description,
        })),
        perGoal,
        perMainGoal,
      ),
      linked: countByGroupOf(perStrategy.get(s.id) ?? new Map()),
    });
  }

  const organisation = organisationFigures(period, bodies, municipalities, organisationRecords);

  const figures: ReportFigures = {
    year,
    asOf: period.asOf,
    organisation,
    received: received.length,
    byMunicipality: [...municipalityCounts.entries()].map(([name, count]) => ({ name, count })),
    byGroup: [...groupCounts.entries()].map(([id, count]) => ({ name: groupName(id), count })),
    decided: decided.length,
    approved: decided.filter((r) => r.activity.decision?.to === "approved").length,
    rejected: decided.filter((r) => r.activity.decision?.to === "rejected").length,
    started: records.filter((r) => r.activity.started !== null).length,
    completed: records.filter((r) => r.activity.completed !== null).length,
    medianDays: median(leadTimes(decided)),
    stateAtEnd: countByGroupOf(endStates),
    governance,
    activities,
    strategies: strategyProgress,
  };

  // In the goals' order (their numbers in code point order, as SQLite's binary collation sorts).
  if (!basisData) return { figures, csv: { header: [], rows: [] }, boardName: names.board };

  const goalNumbers = (id: number) =>
    (goalLinks.get(id) ?? [])
      .flatMap((goalId) => goalById.get(goalId) ?? [])
      .sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : a.id - b.id))
      .map((g) => g.number)
      .join(", ");
  const C = R.csvColumns;
  const touched = records.filter(
    (r) =>
      r.activity.received ||
      r.activity.decision ||
      r.activity.started ||
      r.activity.completed ||
      r.activity.cancelled,
  );
  const csv: ReportModel["csv"] = {
    header: [
      C.id,
      C.title,
      C.group,
      C.municipalities,
      C.submitted,
      C.receivedInYear,
      C.decision,
      C.decidedOn,
      C.daysToDecision,
      C.started,
      C.completed,
      C.stateAtEnd(period.asOf),
      C.goals,
      C.reportText,
    ],
    rows: touched.map((r) => {
      const lead = leadTimes([r]);
      return [
        String(r.id),
        r.title,
        groupName(r.activity.groupAtEnd),
        r.municipalities.join(", "),
        dateOnly(r.submitted_at),
        r.activity.received ? R.yes : R.no,
        r.activity.decision ? (r.activity.decision.to === "approved" ? R.approvedWord : R.rejectedWord) : "",
        dateOnly(r.activity.decision?.at),
        lead.length ? String(lead[0]) : "",
        dateOnly(r.activity.started),
        dateOnly(r.activity.completed),
        stateLabel(r.activity.stateAtEnd),
        goalNumbers(r.id),
        reportTexts.get(r.id) ?? "",
      ];
    }),
    more: organisationCsv(organisation),
  };
  return { figures, csv, boardName: names.board };
}

/**
 * The board, the committee and the groups through the period, with what each group did with
 * proposals and how the organisation changed: from the records read for the period (memberships,
 * renames and the groups' counts from SQL), put together by the pure rules of
 * workflows/report-organisation.ts. Bodies carry the names they had in the year.
 */
function organisationFigures(
  period: ReportPeriod,
  bodies: readonly BodyOnDate[],
  municipalities: readonly { name: string; valid_from: string; valid_to: string | null }[],
  [memberships, renames, flow, recommendations]: [
    Awaited<ReturnType<typeof membershipsInPeriod>>,
    Awaited<ReturnType<typeof renamesInPeriod>>,
    Awaited<ReturnType<typeof groupFlowInPeriod>>,
    Awaited<ReturnType<typeof recommendationsInPeriod>>,
  ],
): OrganisationFigures {
  // In the order they were made, so "Faggruppene Økonomi, Lønn og personal og Microsoft365" reads as established.
  const periodBodies: PeriodBody[] = [...bodies]
    .sort((a, b) => a.id - b.id)
    .map((b) => ({
      id: b.id,
      kind: b.kind,
      name: b.name,
      validFrom: b.valid_from,
      validTo: b.valid_to,
    }));
  const seats = memberships.map((m) => ({
    bodyId: m.body_id,
    role: m.role,
    person: m.person,
    municipality: m.municipality,
    validFrom: m.valid_from,
    validTo: m.valid_to,
  }));
  const active = periodBodies.filter((b) => bodyInPeriod(b, period));
  const composition = (b: PeriodBody) => ({
    bodyId: b.id,
    kind: b.kind,
    name: b.name,
    members: servicesOf(b, seats, period),
  });
  const board = active.find((b) => b.kind === "board");
  const committee = active.find((b) => b.kind === "committee");
  return {
    board: board ? composition(board) : null,
    committee: committee ? composition(committee) : null,
    groups: active
      .filter((b) => b.kind === "group")
      .sort((a, b) => a.id - b.id)
      .map((g) => ({ ...composition(g), activity: groupActivity(g.id, flow, recommendations) })),
    changes: organisationChanges({
      period,
      bodies: periodBodies,
      renames: renames.map((r) => ({
        bodyId: r.body_id,
        on: r.valid_from,
        previous: r.previous,
        name: r.name,
      })),
      municipalities: municipalities.map((m) => ({
        name: m.name,
        validFrom: m.valid_from,
        validTo: m.valid_to,
      })),
    }),
  };
}

/** The organisation's part of the basis data: who served where, the groups' figures, the changes. */
function organisationCsv(o: OrganisationFigures): CsvTable[] {
  const O = R.csvOrganisation;
  const G = R.groupColumns;
  const bodies = [o.board, o.committee, ...o.groups].filter((b) => b !== null);
  return [
    {
      header: [O.body, O.bodyKind, O.person, O.role, O.municipality, O.from, O.until],
      rows: bodies.flatMap((b) =>
        b.members.map((s) => [
          b.name,
          bodyKindLabels[b.kind as keyof typeof bodyKindLabels] ?? b.kind,
          s.person,
          roleNoun(b.kind, b.name, s.role),
          s.municipality ?? "",
          s.from ?? "",
          s.until ?? "",
        ]),
      ),
    },
    {
      header: [G.group, G.received, G.assessed, G.recommended, G.medianDays],
      rows: o.groups.map((g) => [
        g.name,
        String(g.activity.received),
        String(g.activity.assessed),
        String(g.activity.recommended),
        g.activity.medianDays === null ? "" : String(g.activity.medianDays),
      ]),
    },
    {
      header: [R.csvChanges.date, R.csvChanges.change],
      rows: o.changes.map((c) => [c.on, organisationChangeSentence(c)]),
    },
  ];
}

/**
 * Which parts of a report to compose. `basisData: false` leaves the basis data (the CSV's tables, a
 * row per proposal of the year) empty: the page and the Word file never show it, and a national
 * year's rows cost a tenth of the report's time and tens of megabytes. A report marked final, and
 * the CSV file, are always composed whole.
 */
export interface ReportParts {
  basisData?: boolean;
}

/** The year's report as it is now, composed from the records. */
export async function liveReport(
  db: Executor,
  year: number,
  now = new Date(),
  parts: ReportParts = {},
): Promise<ReportModel> {
  const { figures, csv, boardName } = await reportFigures(db, year, now, parts);
  return composeReport(figures, { generatedAt: now.toISOString(), csv, boardName });
}

export interface YearReport {
  model: ReportModel;
  status: "draft" | "final";
  finalisedAt: string | null;
  /** A final report whose frozen copy could not be read is shown live, and says so. */
  live: boolean;
}

/** The year's report: the frozen copy once final, otherwise composed now. */
export async function yearReport(
  db: Executor,
  year: number,
  now = new Date(),
  parts: ReportParts = {},
): Promise<YearReport> {
  const stored = await getAnnualReport(db, year);
  if (stored?.status === "final" && stored.snapshot) {
    try {
      const parsed: unknown = JSON.parse(stored.snapshot);
      if (isReportModel(parsed))
        return { model: parsed, status: "final", finalisedAt: stored.finalised_at, live: false };
    } catch {
      // Fall through to the live report, with a notice.
    }
    return {
      model: await liveReport(db, year, now, parts),
      status: "final",
      finalisedAt: stored.finalised_at,
      live: true,
    };
  }
  return { model: await liveReport(db, year, now, parts), status: "draft", finalisedAt: null, live: false };
}

/** The years that have a report (2000 up to the running year, with data), each with its status. */
export async function reportYears(db: Executor) {
  const running = thisYear();
  const [years, statuses] = await Promise.all([yearsWithData(db), reportStatuses(db)]);
  return years
    .filter((y) => y >= 2000 && y <= running)
    .map((year) => ({ year, status: statuses.get(year) ?? ("draft" as const) }));
}

export interface ReportApprovalLine {
  municipality: string;
  text: string;
  approved: boolean;
}

/** Chapter 7 "Godkjenning": each member municipality's approval of the final report, or that it is pending. */
export async function reportApprovalLines(db: Executor, year: number): Promise<ReportApprovalLine[]> {
  const [members, approvals] = await Promise.all([
    listMunicipalities(db, { activeOn: `${year}-12-31` }),
    approvalsOfReport(db, year),
  ]);
  const A = recordTexts.reportApproval;
  return members.map((m) => {
    const a = approvals.find((x) => x.municipality_id === m.id);
    return {
      municipality: m.name,
      approved: a !== undefined,
      text: a
        ? A.approved(m.name, a.approver_name, a.approver_title, formatDateTime(a.approved_at))
        : A.pending(m.name),
    };
  });
}

/** The approvals as the Markdown file's last section, like the Word file's "Godkjenning". */
export function reportApprovalMarkdown(status: "draft" | "final", lines: ReportApprovalLine[]): string {
  const A = recordTexts.reportApproval;
  return [
    `## ${A.heading}`,
    status === "final" ? A.intro : A.pendingIntro,
    ...lines.map((l) => `- ${l.text}`),
  ].join("\n\n");
}
