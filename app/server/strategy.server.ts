import type { Executor } from "#db/connection";
import { caseLabel } from "~/domain/texts/meetings";
import { meetingDate } from "#db/repositories/meeting.repository";
import { getBody } from "#db/repositories/organisation.repository";
import {
  boardProtocolItems,
  currentStrategy,
  getStrategy,
  goalsOfStrategy,
  linksOfStrategy,
  listStrategies,
  protocolItemWithMeeting,
} from "#db/repositories/strategy.repository";
import { thisYear } from "#workflows/dates";
import { compareGoalNumbers, goalCoverage, stateGroups, strategyStanding } from "#workflows/report";
import { formatDate } from "~/domain/texts";
import { bodyMidSentence } from "~/domain/texts/report";
import { strategyTexts as S } from "~/domain/texts/strategy";
import type { CurrentUser } from "./auth.server";
import { mayManageStrategies } from "#workflows/policy";
import { bodyNames, stateLabel } from "./process.server";

/** How a strategy's approval reads: "Godkjent i Sak 30/2021 i styret (8.12.2021)." */
async function approvalText(
  db: Executor,
  s: { approved_item_id: number | null; approved_at: string | null },
) {
  if (s.approved_item_id) {
    const item = await protocolItemWithMeeting(db, s.approved_item_id);
    if (item) {
      const date = meetingDate(item.starts_at);
      const body = await getBody(db, item.body_id, date);
      const text = S.approvedIn(
        caseLabel(item.number, item.number_year) ?? item.title,
        body ? bodyMidSentence(body.kind, body.name) : null,
        formatDate(date),
      );
      return { text, meetingId: item.meeting_id, itemId: item.id };
    }
  }
  return s.approved_at
    ? { text: S.approvedOn(formatDate(s.approved_at)), meetingId: null, itemId: null }
    : null;
}

/**
 * The goal view of a strategy (the one in force when no id is given): per main goal and
 * sub-goal the linked proposals by state group and the gaps, with the other strategies to
 * switch to. Drafts are shown to those who manage strategies only; undefined otherwise.
 */
export async function strategyView(db: Executor, user: CurrentUser, id?: number, now = new Date()) {
  const manager = mayManageStrategies(user);
  const year = thisYear(now);
  const strategy = id === undefined ? await currentStrategy(db, year) : await getStrategy(db, id);
  const all = (await listStrategies(db)).filter((s) => manager || s.status !== "draft");
  const others = all
    .filter((s) => s.id !== strategy?.id)
    .map((s) => ({ id: s.id, name: s.name, status: s.status, period: S.period(s.period_from, s.period_to) }));
  if (!strategy || (strategy.status === "draft" && !manager)) {
    return id === undefined ? { strategy: null, others, manager } : undefined;
  }
  const [goals, links, names] = await Promise.all([
    goalsOfStrategy(db, strategy.id),
    linksOfStrategy(db, strategy.id),
    bodyNames(),
  ]);
  const coverage = goalCoverage(
    goals.map((g) => ({
      id: g.id,
      parentId: g.parent_id,
      number: g.number,
      title: g.title,
      description: g.description,
    })),
    links.map((l) => ({ goalId: l.goal_id, proposalId: l.proposal_id, title: l.title, state: l.state })),
  );
  const withLabels = coverage.map((main) => ({
    ...main,
    subGoals: main.subGoals.map((sub) => ({
      ...sub,
      groups: stateGroups
        .filter((g) => sub.proposals[g].length > 0)
        .map((g) => ({
          group: g,
          label: S.groupLabels[g],
          proposals: sub.proposals[g].map((p) => ({ ...p, stateLabel: stateLabel(p.state, names) })),
        })),
    })),
  }));
  const replacedBy = strategy.replaced_by_id ? await getStrategy(db, strategy.replaced_by_id) : undefined;
  return {
    strategy: {
      id: strategy.id,
      name: strategy.name,
      status: strategy.status,
      period: S.period(strategy.period_from, strategy.period_to),
      approval: await approvalText(db, strategy),
      replacedBy: replacedBy ? { id: replacedBy.id, name: replacedBy.name } : null,
      // An approved strategy past its period is not the one in force: the page says so.
      expiredNotice:
        strategy.status === "approved" && strategyStanding(strategy, year) === "expired"
          ? S.expiredNotice(S.period(strategy.period_from, strategy.period_to), year)
          : null,
    },
    coverage: withLabels,
    gaps: coverage.flatMap((m) =>
      m.subGoals
        .filter((s) => s.gaps.length > 0)
        .map((s) => ({
          id: s.id,
          number: s.number,
          title: s.title,
          gaps: s.gaps.map((g) => S.gapLabels[g]),
        })),
    ),
    others,
    manager,
  };
}

/** What the draft editor needs: the strategy, its goals in order, and board items to link the approval to. */
export async function strategyEditor(db: Executor, id: number) {
  const strategy = await getStrategy(db, id);
  if (!strategy) return undefined;
  const [goals, items] = await Promise.all([goalsOfStrategy(db, id), boardProtocolItems(db)]);
  const sorted = [...goals].sort((a, b) => compareGoalNumbers(a.number, b.number));
  const itemOptions = items.map((i) => ({
    value: i.id,
    label: `${caseLabel(i.number, i.number_year)} – ${i.title} (${formatDate(meetingDate(i.starts_at))})`,
  }));
  return {
    strategy: {
      id: strategy.id,
      name: strategy.name,
      status: strategy.status,
      version: strategy.version,
      periodFrom: strategy.period_from,
      periodTo: strategy.period_to,
    },
    mainGoals: sorted
      .filter((g) => g.parent_id === null)
      .map((m) => ({
        id: m.id,
        number: m.number,
        title: m.title,
        description: m.description,
        subGoals: sorted
          .filter((g) => g.parent_id === m.id)
          .map((s) => ({ id: s.id, number: s.number, title: s.title, description: s.description })),
      })),
    itemOptions,
  };
}
