import { submissionYears } from "#db/repositories/proposal.repository";
import type { Executor } from "#db/connection";
import { listBodies } from "#db/repositories/organisation.repository";
import {
  historiesOf,
  submissionsPerPeriod,
  submittedByGroup,
  submittedByMunicipality,
  submittedByState,
  submittedIds,
} from "#db/repositories/report.repository";
import { finalStates, proposalStates } from "#workflows/proposal.machine";
import { median, timeInStates } from "#workflows/report";
import { statisticsTexts as T } from "~/domain/texts/report";
import { bodyNames, stateLabel } from "./process.server";

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/**
 * The statistics of submitted proposals, for a year or for all years: submissions per month
 * (per year without a year), by state now, by municipality and group, and the days spent in
 * each state from the histories.
 */
export async function statistics(db: Executor, year: number | undefined, now = new Date()) {
  const [periods, states, municipalities, groups, bodies, names, ids] = await Promise.all([
    submissionsPerPeriod(db, year),
    submittedByState(db, year),
    submittedByMunicipality(db, year),
    submittedByGroup(db, year),
    listBodies(db, { kind: "group" }),
    bodyNames(),
    submittedIds(db, year),
  ]);
  const count = new Map(periods.map((p) => [p.period, p.count]));
  let perPeriod: { label: string; name: string; value: number }[];
  if (year !== undefined) {
    perPeriod = T.months.map((m, i) => {
      const key = `${year}-${String(i + 1).padStart(2, "0")}`;
      return { label: m, name: `${T.monthNames[i]} ${year}`, value: count.get(key) ?? 0 };
    });
  } else {
    const years = periods.map((p) => Number(p.period));
    const first = Math.min(...years);
    const last = Math.max(...years);
    perPeriod =
      years.length === 0
        ? []
        : Array.from({ length: last - first + 1 }, (_, i) => ({
            label: String(first + i),
            name: String(first + i),
            value: count.get(String(first + i)) ?? 0,
          }));
  }
  const stateCount = new Map(states.map((s) => [s.state, s.count]));
  const groupName = new Map(bodies.map((b) => [b.id, b.name]));
  const histories = await historiesOf(db, ids);
  const spans = timeInStates([...histories.values()], finalStates, now.toISOString());
  return {
    perPeriod,
    byState: proposalStates
      .filter((s) => (stateCount.get(s) ?? 0) > 0)
      .map((s) => ({ label: stateLabel(s, names), value: stateCount.get(s)! })),
    byMunicipality: municipalities.map((m) => ({ label: m.name, value: m.count })),
    byGroup: groups
      .map((g) => ({
        label: g.groupId === null ? T.notAssigned : (groupName.get(g.groupId) ?? ""),
        value: g.count,
      }))
      .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, "nb")),
    timeInState: proposalStates
      .filter((s) => spans[s]?.length)
      .map((s) => {
        const days = spans[s]!;
        return {
          label: stateLabel(s, names),
          average: oneDecimal(days.reduce((a, b) => a + b, 0) / days.length),
          median: oneDecimal(median(days)!),
          periods: days.length,
        };
      }),
  };
}

/** The years with submissions, newest first, for the year filter: the same list as /innspill's. */
export function statisticsYears(db: Executor): Promise<number[]> {
  return submissionYears(db);
}
