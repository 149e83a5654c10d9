import { daysBetween, thisYear } from "./dates";
import type { ProposalEventType, ProposalState } from "./proposal.machine";

/**
 * The rules behind the strategy view, the follow-up of decided work and the annual report:
 * how process states are summarised, what a gap in the strategy is, what a year's figures
 * count and who may change a report text when. Pure: no I/O.
 */

/** How the strategy view and the report group the process states. */
export type StateGroup =
  "proposed" | "underConsideration" | "decided" | "inProgress" | "completed" | "rejected";

export const stateGroups: readonly StateGroup[] = [
  "proposed",
  "underConsideration",
  "decided",
  "inProgress",
  "completed",
  "rejected",
];

/**
 * Every state of the machine, placed in a group (exhaustive: a new state does not compile until
 * it is placed). Drafts are nobody's business but the author's: no group. Every way a proposal
 * ends without being carried out counts as "rejected" (avslått eller avsluttet).
 */
const groupOfState: Record<ProposalState, StateGroup | null> = {
  draft: null,
  submitted: "proposed",
  groupReview: "proposed",
  awaitingSubmitter: "proposed",
  committeeReview: "underConsideration",
  boardReview: "underConsideration",
  approved: "decided",
  inProgress: "inProgress",
  completed: "completed",
  rejected: "rejected",
  withdrawn: "rejected",
  merged: "rejected",
  redirected: "rejected",
  cancelled: "rejected",
};

/** The group a state belongs to (null for drafts and unknown states). */
export function stateGroupOf(state: string): StateGroup | null {
  return (groupOfState as Record<string, StateGroup | null>)[state] ?? null;
}

export type GroupCounts = Record<StateGroup, number>;

export function emptyCounts(): GroupCounts {
  return { proposed: 0, underConsideration: 0, decided: 0, inProgress: 0, completed: 0, rejected: 0 };
}

/** Counts states by group (drafts and unknown states are left out). */
export function countByGroup(states: readonly string[]): GroupCounts {
  const counts = emptyCounts();
  for (const state of states) {
    const group = stateGroupOf(state);
    if (group) counts[group] += 1;
  }
  return counts;
}

/** Counts by group from a count per state (drafts, unknown states and empty counts are left out). */
export function countByGroupOf(perState: ReadonlyMap<string, number>): GroupCounts {
  const counts = emptyCounts();
  for (const [state, n] of perState) {
    const group = stateGroupOf(state);
    if (group) counts[group] += n;
  }
  return counts;
}

export type Gap = "noneProposed" | "noneUnderway";

/**
 * The gaps of a sub-goal: nothing proposed (no linked proposal that is still alive or done), or
 * nothing underway (no linked proposal decided or in progress). A sub-goal whose work is all
 * completed still counts as having nothing underway: the strategy runs for years.
 */
export function gapsOf(counts: GroupCounts): Gap[] {
  const alive =
    counts.proposed + counts.underConsideration + counts.decided + counts.inProgress + counts.completed;
  if (alive === 0) return ["noneProposed", "noneUnderway"];
  return counts.decided + counts.inProgress === 0 ? ["noneUnderway"] : [];
}

export interface GoalInput {
  id: number;
  parentId: number | null;
  number: string;
  title: string;
  description: string;
}

export interface LinkedProposal {
  goalId: number;
  proposalId: number;
  title: string;
  state: string;
}

export interface SubGoalCoverage {
  id: number;
  number: string;
  title: string;
  description: string;
  counts: GroupCounts;
  gaps: Gap[];
  proposals: Record<StateGroup, { id: number; title: string; state: string }[]>;
}

export interface MainGoalCoverage {
  id: number;
  number: string;
  title: string;
  description: string;
  /** Distinct proposals linked to any of its sub-goals. */
  counts: GroupCounts;
  subGoals: SubGoalCoverage[];
}

/** Orders goal numbers as numbers ("1.10" after "1.9"). */
export function compareGoalNumbers(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Per main goal and sub-goal: the linked proposals by state group, and the sub-goals' gaps.
 * `links` carry each proposal's state as it should be shown (today's, or at a year's end).
 */
export function goalCoverage(
  goals: readonly GoalInput[],
  links: readonly LinkedProposal[],
): MainGoalCoverage[] {
  const sorted = [...goals].sort((a, b) => compareGoalNumbers(a.number, b.number));
  // Grouped once: a national year links a hundred thousand proposals to a few dozen goals.
  const byGoal = new Map<number, LinkedProposal[]>();
  for (const l of links) {
    const own = byGoal.get(l.goalId);
    if (own) own.push(l);
    else byGoal.set(l.goalId, [l]);
  }
  return sorted
    .filter((g) => g.parentId === null)
    .map((main) => {
      const subGoals = sorted
        .filter((g) => g.parentId === main.id)
        .map((sub): SubGoalCoverage => {
          const own = (byGoal.get(sub.id) ?? []).filter((l) => stateGroupOf(l.state) !== null);
          const counts = countByGroup(own.map((l) => l.state));
          const proposals = Object.fromEntries(
            stateGroups.map((g) => [g, [] as SubGoalCoverage["proposals"][StateGroup]]),
          ) as SubGoalCoverage["proposals"];
          for (const l of own)
            proposals[stateGroupOf(l.state)!].push({ id: l.proposalId, title: l.title, state: l.state });
          return {
            id: sub.id,
            number: sub.number,
            title: sub.title,
            description: sub.description,
            counts,
            gaps: gapsOf(counts),
            proposals,
          };
        });
      const distinct = new Map<number, string>();
      for (const sub of subGoals)
        for (const l of byGoal.get(sub.id) ?? []) distinct.set(l.proposalId, l.state);
      return {
        id: main.id,
        number: main.number,
        title: main.title,
        description: main.description,
        counts: countByGroup([...distinct.values()]),
        subGoals,
      };
    });
}

/** A sub-goal's coverage as the annual report shows it: counts only, no proposals listed. */
export type SubGoalCounts = Omit<SubGoalCoverage, "proposals">;

/** A main goal's coverage as the annual report shows it. */
export interface MainGoalCounts extends Omit<MainGoalCoverage, "subGoals"> {
  subGoals: SubGoalCounts[];
}

/**
 * `goalCoverage` from counts instead of links, as the annual report needs it (it counts a national
 * year's hundred thousand links, never lists them): `perGoal` holds each sub-goal's linked
 * proposals per state, `perMainGoal` each main goal's distinct linked proposals per state (across
 * its sub-goals). States are those to be shown (at the year's end).
 */
export function goalCoverageCounts(
  goals: readonly GoalInput[],
  perGoal: ReadonlyMap<number, ReadonlyMap<string, number>>,
  perMainGoal: ReadonlyMap<number, ReadonlyMap<string, number>>,
): MainGoalCounts[] {
  const none = new Map<string, number>();
  const sorted = [...goals].sort((a, b) => compareGoalNumbers(a.number, b.number));
  return sorted
    .filter((g) => g.parentId === null)
    .map((main) => ({
      id: main.id,
      number: main.number,
      title: main.title,
      description: main.description,
      counts: countByGroupOf(perMainGoal.get(main.id) ?? none),
      subGoals: sorted
        .filter((g) => g.parentId === main.id)
        .map((sub) => {
          const counts = countByGroupOf(perGoal.get(sub.id) ?? none);
          return {
            id: sub.id,
            number: sub.number,
            title: sub.title,
            description: sub.description,
            counts,
            gaps: gapsOf(counts),
          };
        }),
    }));
}

/**
 * Where a strategy's period stands in a year: not begun, running, or over. An approved strategy
 * whose period is over is no longer the one in force, even while no newer one is approved.
 */
export function strategyStanding(
  strategy: { period_from: number; period_to: number },
  year: number,
): "future" | "current" | "expired" {
  if (year < strategy.period_from) return "future";
  return year > strategy.period_to ? "expired" : "current";
}

/** The next free number for a new main goal ("3") or a sub-goal of `parentNumber` ("3.2"). */
export function nextGoalNumber(existing: readonly string[], parentNumber: string | null): string {
  const prefix = parentNumber === null ? "" : `${parentNumber}.`;
  const depth = parentNumber === null ? 1 : parentNumber.split(".").length + 1;
  const taken = existing
    .filter((n) => n.startsWith(prefix) && n.split(".").length === depth)
    .map((n) => Number(n.split(".").at(-1)));
  return `${prefix}${taken.length === 0 ? 1 : Math.max(...taken) + 1}`;
}

/**
 * New numbers after a goal is removed from a draft: main goals 1..n in order, each sub-goal
 * "main.k" in order. Returns only the goals whose number changes.
 */
export function renumberGoals(goals: readonly { id: number; parentId: number | null; number: string }[]) {
  const changes: { id: number; number: string }[] = [];
  const mains = goals
    .filter((g) => g.parentId === null)
    .sort((a, b) => compareGoalNumbers(a.number, b.number));
  mains.forEach((main, i) => {
    const mainNumber = String(i + 1);
    if (main.number !== mainNumber) changes.push({ id: main.id, number: mainNumber });
    goals
      .filter((g) => g.parentId === main.id)
      .sort((a, b) => compareGoalNumbers(a.number, b.number))
      .forEach((sub, k) => {
        const subNumber = `${mainNumber}.${k + 1}`;
        if (sub.number !== subNumber) changes.push({ id: sub.id, number: subNumber });
      });
  });
  return changes;
}

// ---------------------------------------------------------------------------------------------
// A proposal's history, read for a year

export interface HistoryStep {
  from_state: string | null;
  to_state: string;
  event: string;
  at: string;
  group_id: number | null;
}

/** The state a proposal was in just before `before` (an ISO timestamp or date); null if it did not exist yet. */
export function stateBefore(history: readonly HistoryStep[], before: string): string | null {
  let state: string | null = null;
  for (const step of history) {
    if (step.at >= before) break;
    state = step.to_state;
  }
  return state;
}

/** The group a proposal was with just before `before`, from the history's recorded groups. */
export function groupBefore(history: readonly HistoryStep[], before: string): number | null {
  let group: number | null = null;
  for (const step of history) {
    if (step.at >= before) break;
    if (step.group_id !== null) group = step.group_id;
  }
  return group;
}

/** The median of numbers (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The steps that make a proposal one of a year's activities (besides being submitted in it): a
 * final decision, approved (to be carried out) or rejected, and a start, completion or cancellation.
 */
export const yearActivitySteps = {
  toStates: ["approved", "rejected"] satisfies ProposalState[],
  events: ["START", "COMPLETE", "CANCEL"] satisfies ProposalEventType[],
} as const;

/** A final decision ends the handling of a proposal: approved (to be carried out) or rejected. */
export function isFinalDecision(step: HistoryStep): boolean {
  return (yearActivitySteps.toStates as readonly string[]).includes(step.to_state);
}

export interface YearActivity {
  /** Submitted in the year. */
  received: boolean;
  /** Approved or rejected in the year (the last such decision in the year). */
  decision: { to: "approved" | "rejected"; at: string } | null;
  started: string | null;
  completed: string | null;
  cancelled: string | null;
  /** State at the end of the year (or now, for the running year). */
  stateAtEnd: string | null;
  groupAtEnd: number | null;
}

/** What happened to one proposal within a year, from its history. */
export function activityInYear(
  proposal: { submitted_at: string | null },
  history: readonly HistoryStep[],
  year: number,
): YearActivity {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  return activityOfSteps(
    proposal,
    history.filter((h) => h.at >= from && h.at < to),
    { state: stateBefore(history, to), group: groupBefore(history, to) },
    year,
  );
}

/**
 * What happened to one proposal within a year, from its steps in the year (those that
 * `yearActivitySteps` names are enough) and its state and group at the year's end. The annual
 * report reads only these at national scale; `activityInYear` is the same from a whole history.
 */
export function activityOfSteps(
  proposal: { submitted_at: string | null },
  inYear: readonly HistoryStep[],
  atEnd: { state: string | null; group: number | null },
  year: number,
): YearActivity {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const lastOf = (event: string) => inYear.filter((h) => h.event === event).at(-1)?.at ?? null;
  const decision = inYear.filter(isFinalDecision).at(-1);
  return {
    received: proposal.submitted_at !== null && proposal.submitted_at >= from && proposal.submitted_at < to,
    decision: decision ? { to: decision.to_state as "approved" | "rejected", at: decision.at } : null,
    started: lastOf("START"),
    completed: lastOf("COMPLETE"),
    cancelled: lastOf("CANCEL"),
    stateAtEnd: atEnd.state,
    groupAtEnd: atEnd.group,
  };
}

/** An initiative belongs in the year's activities if it was approved, started or completed then. */
export function isActivityOfYear(activity: YearActivity): boolean {
  return activity.decision?.to === "approved" || activity.started !== null || activity.completed !== null;
}

/**
 * Days from submission to the final decision, for proposals finally decided in the year;
 * the report gives their median.
 */
export function leadTimes(
  items: readonly { submitted_at: string | null; activity: YearActivity }[],
): number[] {
  return items.flatMap(({ submitted_at, activity }) =>
    submitted_at && activity.decision ? [daysBetween(submitted_at, activity.decision.at)] : [],
  );
}

/**
 * Time spent in each state, in days, from histories: each step lasts until the next one; the
 * current state of an open proposal lasts until `now`. Final states and drafts are left out.
 */
export function timeInStates(
  histories: readonly (readonly HistoryStep[])[],
  finalStates: readonly string[],
  now: string,
): Record<string, number[]> {
  const spans: Record<string, number[]> = {};
  for (const history of histories) {
    history.forEach((step, i) => {
      const state = step.to_state;
      if (state === "draft" || finalStates.includes(state)) return;
      const end = history[i + 1]?.at ?? now;
      const days = (Date.parse(end) - Date.parse(step.at)) / 86_400_000;
      (spans[state] ??= []).push(Math.max(0, days));
    });
  }
  return spans;
}

/**
 * The year whose report a follow-up's text belongs to for good: the year it was completed.
 * Work still in progress belongs to every year it runs, so its text stays editable (a final
 * report keeps its own frozen copy).
 */
export function lockingYear(followup: { completed_on: string | null }): number | null {
  return followup.completed_on ? Number(followup.completed_on.slice(0, 4)) : null;
}

/** Whether the text is locked, given the years whose reports are final. */
export function isReportTextLocked(
  followup: { completed_on: string | null },
  finalYears: readonly number[],
): boolean {
  const year = lockingYear(followup);
  return year !== null && finalYears.includes(year);
}

/**
 * The year of a report page from its URL: four digits, from 2000 up to the running year.
 * Anything else (a future year, a word) is not a report: null, and the route answers 404.
 */
export function reportYear(param: string | undefined, now: Date = new Date()): number | null {
  if (!param || !/^\d{4}$/.test(param)) return null;
  const year = Number(param);
  return year >= 2000 && year <= thisYear(now) ? year : null;
}
