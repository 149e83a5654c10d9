import type { DB, Executor } from "#db/connection";
import { makeBody, makeMembership, makeMunicipalities, makeUser } from "#db/factories";
import { insertAssessment, linkAssessmentGoals } from "#db/repositories/assessment.repository";
import { createSignInRule } from "#db/repositories/identity.repository";
import { renameBody } from "#db/repositories/organisation.repository";
import {
  appendHistory,
  getAssessment,
  linkedGoalIds,
  moveProposal,
} from "#db/repositories/process.repository";
import { settleSeededNotifications } from "#db/repositories/notification.repository";
import { fanOutNotificationEvents } from "../notifications/emit.server";
import { countProposals, createProposal, getProposal } from "#db/repositories/proposal.repository";
import {
  addGoal,
  addPriorityBand,
  createStrategy,
  currentStrategy,
  setApprovalItem,
} from "#db/repositories/strategy.repository";
import { calendarMeeting } from "#db/seed-data/meetings-calendar";
import {
  board,
  committee,
  groupEstablished,
  groups2021,
  groupsValidFrom,
  memberships,
  membershipHoldsOn,
  membershipValidFrom,
  municipalities,
  signInDomains,
  people,
} from "#db/seed-data/organisation";
import { demoProposals, type DemoProposal, type DemoStep } from "#db/seed-data/proposals";
import { priorityBands, strategy2022 } from "#db/seed-data/strategy";
import { seedFollowups } from "./followups.server";
import { seedNotifications } from "./notifications.server";
import { createMeetingSeeder, type MeetingSeeder } from "./meetings.server";
import { isAssessmentComplete } from "#workflows/assessment";
import { payloadSchema } from "~/domain/proposal-event.schema";
import {
  decide,
  isDecision,
  isProposalState,
  type ProcessActor,
  type ProposalEvent,
  type ProposalFacts,
} from "#workflows/proposal.machine";

/** Every demo account's e-mail is in this domain (production mode refuses a database holding one). */
export const DEMO_EMAIL_DOMAIN = "innspill.test";

/** True when nothing has been created yet: the only time the demo is seeded. */
export async function isEmpty(db: Executor): Promise<boolean> {
  const user = await db.selectFrom("user").select("id").limit(1).executeTakeFirst();
  return user === undefined && (await countProposals(db)) === 0;
}

export interface SeedOptions {
  /** One scrypt hash of "demo1234", shared by every demo account. */
  passwordHash: string;
  /** Replaces the demo proposals (tests use it to check that the replay refuses a bad history). */
  proposals?: DemoProposal[];
}

/**
 * The demo world of 2021: organisation, people, the strategy and priority bands, and proposals
 * whose histories are replayed through the process machine. One transaction: a history the
 * machine refuses fails the whole seed.
 */
export async function seedDemo(db: DB, options: SeedOptions): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const municipalityIds = await makeMunicipalities(trx, municipalities);
    for (const [domain, name] of Object.entries(signInDomains)) {
      await createSignInRule(trx, {
        kind: "domain",
        value: domain,
        municipalityId: municipalityIds[name]!,
        at: "2021-01-01T00:00:00.000Z",
      });
    }
    const bodyIds: Record<string, number> = {};
    for (const name of groups2021) {
      bodyIds[name] = await makeBody(trx, "group", name, groupEstablished[name] ?? groupsValidFrom);
    }
    bodyIds[committee.name] = await makeBody(
      trx,
      "committee",
      committee.name,
      committee.validFrom,
      committee.shortCode,
    );
    await renameBody(trx, { bodyId: bodyIds[committee.name]!, ...committee.renamed });
    bodyIds[board.name] = await makeBody(trx, "board", board.name, board.validFrom, board.shortCode);
    await renameBody(trx, { bodyId: bodyIds[board.name]!, ...board.renamed });

    const userIds: Record<string, number> = {};
    for (const p of people) {
      userIds[p.key] = await makeUser(trx, {
        passwordHash: options.passwordHash,
        name: p.name,
        email: p.email,
        isAdmin: p.isAdmin,
        isCoordinator: p.isCoordinator,
        municipalityId: p.municipality ? municipalityIds[p.municipality] : null,
        active: p.active !== false,
      });
    }
    for (const m of memberships) {
      await makeMembership(trx, {
        userId: userIds[m.person]!,
        bodyId: bodyIds[m.body]!,
        role: m.role,
        municipalityId: m.municipality ? municipalityIds[m.municipality] : null,
        voteWeight: m.voteWeight ?? 0,
        validFrom: membershipValidFrom(m),
        validTo: m.validTo ?? null,
      });
    }

    for (const band of priorityBands) await addPriorityBand(trx, band);
    const goalIds = await seedStrategy(trx);

    const meetings = await createMeetingSeeder(trx, { bodyIds, userIds });
    const ids: Ids = { municipalityIds, bodyIds, userIds, proposalIds: {}, goalIds, meetings };
    for (const spec of options.proposals ?? demoProposals) {
      ids.proposalIds[spec.key] = await seedProposal(trx, spec, ids);
    }
    await seedFollowups(trx, options.proposals ?? demoProposals, ids.proposalIds);
    await seedNotifications(trx, ids);
    // The meetings are held after every decision is on an agenda; the strategy points at its approval.
    const { strategyItemId } = await meetings.finish();
    const strategy = await currentStrategy(trx);
    if (strategy) await setApprovalItem(trx, strategy.id, strategyItemId);
    // The seeded past went through the commands, which notify: its events are fanned out here (in
    // the seed's transaction), and its e-mails are history, not news.
    await fanOutNotificationEvents(trx);
    await settleSeededNotifications(trx, new Date().toISOString());
  });
}

/** The strategy the demo proposals are linked to; returns goal ids by number ("1.2"). */
async function seedStrategy(trx: Executor): Promise<Record<string, number>> {
  const strategyId = await createStrategy(trx, {
    name: strategy2022.name,
    periodFrom: strategy2022.periodFrom,
    periodTo: strategy2022.periodTo,
    status: strategy2022.status,
    // Linked to the board's protocol item of 8.12.2021 when the meetings are held (seedDemo).
    approvedItemId: null,
  });
  const goalIds: Record<string, number> = {};
  for (const main of strategy2022.goals) {
    const mainId = await addGoal(trx, { strategyId, parentId: null, ...main });
    goalIds[main.number] = mainId;
    for (const sub of main.subGoals) {
      goalIds[sub.number] = await addGoal(trx, { strategyId, parentId: mainId, ...sub });
    }
  }
  return goalIds;
}

interface Ids {
  municipalityIds: Record<string, number>;
  bodyIds: Record<string, number>;
  userIds: Record<string, number>;
  proposalIds: Record<string, number>;
  goalIds: Record<string, number>;
  meetings: MeetingSeeder;
}

const isCommitteeEvent = (step: DemoStep) => step.event.startsWith("COMMITTEE_");
const isBoardEvent = (step: DemoStep) => step.event.startsWith("BOARD_");

/** Who the person is in the process for a proposal in this group, as the server would compute it. */
function demoActor(step: DemoStep, spec: DemoProposal, groupName: string | null): ProcessActor {
  const person = people.find((p) => p.key === step.by);
  if (!person) throw new Error(`Demo proposal ${spec.key}: unknown person "${step.by}"`);
  // Only memberships valid on the day of the step count, as the server would see them then.
  const own = memberships.filter((m) => m.person === step.by && membershipHoldsOn(m, step.on));
  const inGroup = own.filter((m) => m.body === groupName);
  return {
    userId: 0,
    isSubmitter: step.by === spec.author,
    isCoordinator: person.isCoordinator === true,
    isAnyGroupLeader: own.some((m) => m.role === "leader" && groups2021.includes(m.body)),
    groupRole: inGroup.some((m) => m.role === "leader") ? "leader" : inGroup.length > 0 ? "member" : null,
    // The protocol item is filled in by the replay; the machine only asks which body.
    meeting: isCommitteeEvent(step)
      ? { body: "committee", protocolItemId: 0 }
      : isBoardEvent(step)
        ? { body: "board", protocolItemId: 0 }
        : null,
  };
}

/** Checks what the machine cannot: dates in order, meetings on the calendar, groups that existed. */
function checkStep(spec: DemoProposal, step: DemoStep, index: number, previousDate: string) {
  const where = `Demo proposal ${spec.key}: step ${index} ${step.event}`;
  if (step.on < previousDate) throw new Error(`${where} is dated before the step before it`);
  const body = isCommitteeEvent(step) ? "committee" : isBoardEvent(step) ? "board" : null;
  if (body === null) {
    if (step.meeting) throw new Error(`${where} is not a meeting decision but names a meeting`);
  } else {
    const meeting = step.meeting ? calendarMeeting(step.meeting) : undefined;
    if (!meeting) throw new Error(`${where} needs a meeting from the calendar`);
    if (meeting.body !== body) throw new Error(`${where} names a meeting of the wrong body`);
    if (meeting.date !== step.on) throw new Error(`${where} is not dated on its meeting's date`);
  }
  if (step.group && (groupEstablished[step.group] ?? groupsValidFrom) > step.on) {
    throw new Error(`${where}: the group ${step.group} did not exist yet`);
  }
}

/** Creates a demo proposal and replays its history through the machine, so the demo obeys the process. */
async function seedProposal(trx: Executor, spec: DemoProposal, ids: Ids): Promise<number> {
  const id = await createProposal(trx, {
    title: spec.title,
    background: spec.background,
    problem: spec.problem,
    solution: spec.solution,
    benefits: spec.benefits,
    affected: spec.affected,
    resources: spec.resources,
    authorId: ids.userIds[spec.author]!,
    municipalityIds: spec.municipalities.map((m) => ids.municipalityIds[m]!),
    suggestedGroupId: spec.suggestedGroup ? ids.bodyIds[spec.suggestedGroup]! : null,
    state: "draft",
    now: `${spec.created}T08:00:00.000Z`,
  });
  await appendHistory(trx, {
    proposalId: id,
    from: null,
    to: "draft",
    event: "CREATE",
    actorId: ids.userIds[spec.author]!,
    at: `${spec.created}T08:00:00.000Z`,
  });
  const groupNames = new Map(Object.entries(ids.bodyIds).map(([name, bodyId]) => [bodyId, name]));
  const stepsOnDay = new Map<string, number>();
  let previousDate = spec.created;
  let assessed = false;

  const writeAssessment = async () => {
    const a = spec.assessment!;
    const proposal = (await getProposal(trx, id))!;
    const groupName = proposal.group_id !== null ? (groupNames.get(proposal.group_id) ?? null) : null;
    if (groupName === null || !["groupReview", "awaitingSubmitter"].includes(proposal.state)) {
      throw new Error(`Demo proposal ${spec.key}: assessed on ${a.on} while not with a group`);
    }
    const by = a.by ?? memberships.find((m) => m.body === groupName && m.role === "leader")?.person;
    if (by === undefined) throw new Error(`Demo proposal ${spec.key}: nobody to write the assessment`);
    const goalIds = a.goals.map((number) => {
      const goalId = ids.goalIds[number];
      if (goalId === undefined || !number.includes(".")) {
        throw new Error(`Demo proposal ${spec.key}: "${number}" is not a sub-goal of the strategy`);
      }
      return goalId;
    });
    await insertAssessment(trx, {
      proposalId: id,
      strategic_value: a.strategic_value,
      service_quality: a.service_quality,
      economic_benefit: a.economic_benefit,
      necessity: a.necessity,
      risk: a.risk,
      adjustment: a.adjustment ?? 0,
      adjustmentReason: a.adjustment_reason,
      benefits_plan: a.benefits_plan,
      cost_once: a.cost_once,
      cost_yearly: a.cost_yearly,
      updatedBy: ids.userIds[by]!,
      updatedAt: `${a.on}T08:30:00.000Z`,
    });
    await linkAssessmentGoals(trx, id, goalIds);
    assessed = true;
  };

  for (const [index, step] of spec.steps.entries()) {
    checkStep(spec, step, index, previousDate);
    previousDate = step.on;
    if (spec.assessment && !assessed && step.on >= spec.assessment.on) await writeAssessment();

    const proposal = (await getProposal(trx, id))!;
    if (!isProposalState(proposal.state)) throw new Error(`Demo proposal ${spec.key} has unknown state`);
    const groupName = proposal.group_id !== null ? (groupNames.get(proposal.group_id) ?? null) : null;
    const actor = { ...demoActor(step, spec, groupName), userId: ids.userIds[step.by]! };
    const protocolItemId =
      step.meeting && actor.meeting
        ? await ids.meetings.protocolItemFor({
            meetingKey: step.meeting,
            proposalId: id,
            event: step.event,
            title: spec.title,
            reason: step.reason ?? null,
          })
        : null;
    if (actor.meeting && protocolItemId !== null) actor.meeting = { ...actor.meeting, protocolItemId };

    // The payload as the server would accept it: a reason only where the event carries one.
    const raw = {
      ...(step.reason !== undefined ? { reason: step.reason } : {}),
      ...(step.group !== undefined ? { groupId: ids.bodyIds[step.group] } : {}),
      ...(step.target !== undefined ? { targetId: ids.proposalIds[step.target] } : {}),
    };
    const parsed = payloadSchema(step.event).safeParse(raw);
    if (!parsed.success)
      throw new Error(`Demo proposal ${spec.key}: step ${index} ${step.event} bad payload`);
    const payload = parsed.data as Pick<ProposalEvent, "reason" | "groupId" | "targetId">;
    if (step.reason !== undefined && payload.reason === undefined) {
      throw new Error(`Demo proposal ${spec.key}: step ${index} ${step.event} carries no reason`);
    }

    const [assessment, goals] = await Promise.all([getAssessment(trx, id), linkedGoalIds(trx, id)]);
    const facts: ProposalFacts = {
      groupId: proposal.group_id,
      assessmentComplete: isAssessmentComplete(assessment),
      subGoalCount: goals.length,
    };
    const decision = decide(proposal.state, facts, { type: step.event, actor, ...payload });
    if (!decision.ok) {
      throw new Error(`Demo proposal ${spec.key}: step ${index} ${step.event} refused (${decision.why})`);
    }

    // Steps of one proposal on the same day follow each other an hour apart.
    const n = stepsOnDay.get(step.on) ?? 0;
    stepsOnDay.set(step.on, n + 1);
    const at = `${step.on}T${String(9 + n).padStart(2, "0")}:00:00.000Z`;
    const moved = await moveProposal(trx, {
      id,
      expectedVersion: proposal.version,
      to: decision.to,
      at,
      groupId: decision.facts.groupId !== proposal.group_id ? decision.facts.groupId : undefined,
      mergedIntoId: step.event === "MERGE" ? payload.targetId : undefined,
      submitted: step.event === "SUBMIT",
      decided: isDecision(decision.to),
    });
    if (!moved) throw new Error(`Demo proposal ${spec.key}: step ${index} lost its version`);
    await appendHistory(trx, {
      proposalId: id,
      from: proposal.state,
      to: decision.to,
      event: step.event,
      actorId: actor.userId,
      at,
      reason: payload.reason ?? null,
      groupId: decision.facts.groupId,
      protocolItemId,
    });
  }
  if (spec.assessment && !assessed) await writeAssessment();
  return id;
}
