import type { Executor } from "./connection";
import { makeBody, makeMembership, makeMunicipalities, makeUser } from "./factories";
import { renameBody } from "./repositories/organisation.repository";
import { appendHistory, moveProposal } from "./repositories/process.repository";
import { countProposals, createProposal, getProposal } from "./repositories/proposal.repository";
import {
  board,
  committee,
  groups2021,
  groupsValidFrom,
  memberships,
  municipalities,
  people,
} from "./seed-data/organisation";
import { demoProposals, type DemoProposal } from "./seed-data/proposals";
import { decide, isProposalState, type ProcessActor } from "../workflows/proposal.machine";
import type { DB } from "./connection";

/** True when nothing has been created yet: the only time the demo is seeded. */
export async function isEmpty(db: Executor): Promise<boolean> {
  const user = await db.selectFrom("user").select("id").limit(1).executeTakeFirst();
  return user === undefined && (await countProposals(db)) === 0;
}

export interface SeedOptions {
  /** One scrypt hash of "demo1234", shared by every demo account. */
  passwordHash: string;
}

/** The demo world of 2021: organisation, people, proposals with their histories. One transaction. */
export async function seedDemo(db: DB, options: SeedOptions): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const municipalityIds = await makeMunicipalities(trx, municipalities);
    const bodyIds: Record<string, number> = {};
    for (const name of groups2021) bodyIds[name] = await makeBody(trx, "group", name, groupsValidFrom);
    bodyIds[committee.name] = await makeBody(trx, "committee", committee.name, committee.validFrom);
    await renameBody(trx, { bodyId: bodyIds[committee.name]!, ...committee.renamed });
    bodyIds[board.name] = await makeBody(trx, "board", board.name, board.validFrom);
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
        active: p.key !== "formerEmployee",
      });
    }
    for (const m of memberships) {
      const body = bodyIds[m.body]!;
      await makeMembership(trx, {
        userId: userIds[m.person]!,
        bodyId: body,
        role: m.role,
        municipalityId: m.municipality ? municipalityIds[m.municipality] : null,
        voteWeight: m.voteWeight ?? 0,
        validFrom: groups2021.includes(m.body) ? groupsValidFrom : "2019-01-01",
      });
    }

    const proposalIds: Record<string, number> = {};
    for (const spec of demoProposals) {
      proposalIds[spec.key] = await seedProposal(trx, spec, {
        municipalityIds,
        bodyIds,
        userIds,
        proposalIds,
      });
    }
  });
}

interface Ids {
  municipalityIds: Record<string, number>;
  bodyIds: Record<string, number>;
  userIds: Record<string, number>;
  proposalIds: Record<string, number>;
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
    now: `${spec.created}T09:00:00.000Z`,
  });
  let assessed = false;
  for (const [index, step] of spec.steps.entries()) {
    const proposal = (await getProposal(trx, id))!;
    if (!isProposalState(proposal.state)) throw new Error(`Demo proposal ${spec.key} has unknown state`);
    if (spec.assessment && !assessed && step.on >= spec.assessment.on && proposal.state === "groupReview") {
      assessed = true;
    }
    const actor: ProcessActor = {
      userId: ids.userIds[step.by]!,
      isSubmitter: step.by === spec.author,
      isCoordinator: ["coordinator", "coordinator2"].includes(step.by),
      isAnyGroupLeader: step.by.startsWith("leader") || step.by === "groupLeader",
      groupRole: proposal.group_id !== null ? "leader" : null,
      meeting: step.event.startsWith("COMMITTEE_")
        ? { body: "committee", protocolItemId: 0 }
        : step.event.startsWith("BOARD_")
          ? { body: "board", protocolItemId: 0 }
          : null,
    };
    const event = {
      type: step.event,
      actor,
      reason: step.reason,
      groupId: step.group ? ids.bodyIds[step.group] : undefined,
      targetId: step.target ? ids.proposalIds[step.target] : undefined,
    };
    const facts = {
      groupId: proposal.group_id,
      assessmentComplete: assessed,
      subGoalCount: assessed ? (spec.assessment?.goals.length ?? 0) : 0,
    };
    const decision = decide(proposal.state, facts, event);
    if (!decision.ok)
      throw new Error(`Demo proposal ${spec.key}: step ${index} ${step.event} refused (${decision.why})`);
    const at = `${step.on}T${String(9 + (index % 7)).padStart(2, "0")}:30:00.000Z`;
    await moveProposal(trx, {
      id,
      expectedVersion: proposal.version,
      to: decision.to,
      at,
      groupId: decision.facts.groupId !== proposal.group_id ? decision.facts.groupId : undefined,
      mergedIntoId: step.event === "MERGE" ? event.targetId : undefined,
      submitted: step.event === "SUBMIT",
      decided: decision.to === "approved" || decision.to === "rejected",
    });
    await appendHistory(trx, {
      proposalId: id,
      from: proposal.state,
      to: decision.to,
      event: step.event,
      actorId: actor.userId,
      at,
      reason: step.reason ?? null,
      groupId: decision.facts.groupId,
    });
  }
  return id;
}
