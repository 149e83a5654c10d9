import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { addDays, today } from "#workflows/dates";
import type { DB } from "#db/connection";
import { openDatabase } from "#db/connection";
import { makeBody, makeMembership, makeMunicipalities, makeUser } from "#db/factories";
import { enqueueEmail } from "#db/repositories/notification.repository";
import { appendHistory } from "#db/repositories/process.repository";
import { createProposal } from "#db/repositories/proposal.repository";
import type { ProposalState } from "#workflows/proposal.machine";
import { publishProtocol } from "~/server/commands/publish-protocol.server";
import { recordDecision } from "~/server/commands/record-decision.server";
import { unsubscribeToken } from "~/server/notifications/unsubscribe.server";
import { currentUser } from "../support/db";
import type { TestServer } from "../support/server";
import { approveProtocol } from "~/server/commands/approve-protocol.server";
import {
  approveAndSign,
  attend,
  expectOk,
  meetingVersion,
  otherCase,
  plan,
  publish,
} from "../support/meetings";
import { Multipart, request, roleEmails, type Role, type SignedInRole } from "./support";

/**
 * The world the authorisation matrix and the hostile-input test act on, written into the running
 * server's database (WAL lets a second connection write while it serves). Proposals are written
 * by `submitter` and assigned to the group of `groupLeader`/`groupMember`; meetings go through
 * the real meeting commands; attachments are uploaded over HTTP like a browser does.
 */

export const fixtureStates = [
  "draft",
  "submitted",
  "groupReview",
  "awaitingSubmitter",
  "committeeReview",
  "boardReview",
  "approved",
  "inProgress",
  "completed",
] as const satisfies readonly ProposalState[];
export type FixtureState = (typeof fixtureStates)[number];

export interface Fixtures {
  users: Record<SignedInRole, number>;
  groupId: number;
  otherGroupId: number;
  committeeId: number;
  boardId: number;
  municipalityId: number;
  /** One proposal per state, by `submitter`, in `groupId` (drafts and submitted ones have no group). */
  proposal: Record<FixtureState, number>;
  /** Another draft by `submitter`, for deleting. */
  deletableDraft: number;
  attachment: { submitted: { proposalId: number; id: number }; draft: { proposalId: number; id: number } };
  meeting: {
    /** A planned committee meeting with one exempt case. */
    committee: number;
    committeeCase: number;
    /** A board meeting whose notice and protocol are published, with one exempt case. */
    published: number;
    publishedCase: number;
  };
  strategy: { approved: number; draft: number };
  /** A year with data for the report pages. */
  year: number;
  /** Texts only some roles may read. */
  secrets: { draftTitle: string; exemptText: string };
  /** The e-mail outbox: a failed message (never due, so no worker touches it). */
  email: { failed: number };
  /** `employee`'s unsubscribe link token for one kind of notification, made with the server's secret. */
  unsubscribeToken: string;
}

const now = () => new Date().toISOString();
const inDays = (days: number) => addDays(today(), days);

async function idOf(db: DB, email: string): Promise<number> {
  const row = await db.selectFrom("user").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  return row.id;
}

async function bodyIdByName(db: DB, name: string): Promise<number> {
  const row = await db
    .selectFrom("body_name")
    .select("body_id")
    .where("name", "=", name)
    .executeTakeFirstOrThrow();
  return row.body_id;
}

async function bodyIdByKind(db: DB, kind: "committee" | "board"): Promise<number> {
  const row = await db
    .selectFrom("body")
    .select("id")
    .where("kind", "=", kind)
    .where("valid_to", "is", null)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A proposal waiting in a state, as if the process had brought it there: the row, its group and
 * one history row (the tests of the process itself cover how a proposal gets anywhere).
 */
export async function proposalIn(
  db: DB,
  fx: Pick<Fixtures, "users" | "groupId" | "municipalityId">,
  state: ProposalState,
  title = `Testinnspill i ${state}`,
): Promise<number> {
  const at = now();
  const id = await createProposal(db, {
    title,
    background: "Bakgrunn for testen.",
    problem: "Et problem.",
    solution: "En løsning.",
    benefits: "Gevinster.",
    affected: "",
    resources: "",
    authorId: fx.users.submitter,
    municipalityIds: [fx.municipalityId],
    suggestedGroupId: null,
    state,
    now: at,
  });
  if (state !== "draft") {
    const assigned = !["draft", "submitted"].includes(state);
    await db
      .updateTable("proposal")
      .set({ submitted_at: at, group_id: assigned ? fx.groupId : null })
      .where("id", "=", id)
      .execute();
    await appendHistory(db, {
      proposalId: id,
      from: "draft",
      to: state,
      event: "SUBMIT",
      actorId: fx.users.submitter,
      at,
      groupId: assigned ? fx.groupId : null,
    });
  }
  return id;
}

/** The state and version of a proposal now. */
export async function proposalNow(db: DB, id: number) {
  return db.selectFrom("proposal").select(["state", "version"]).where("id", "=", id).executeTakeFirst();
}

/** Uploads a proposal with one PDF over HTTP as `cookie`'s user; returns the proposal's and attachment's ids. */
export async function uploadProposal(
  baseUrl: string,
  db: DB,
  cookie: string,
  opts: { intent: "draft" | "submit"; title: string; municipalityId: number },
) {
  const body = new Multipart()
    .field("intent", opts.intent)
    .field("title", opts.title)
    .field("background", "Bakgrunn.")
    .field("problem", "Problem.")
    .field("solution", "Løsning.")
    .field("municipalityIds", String(opts.municipalityId))
    .file("attachments", "notat.pdf", "%PDF-1.4 test", "application/pdf");
  const reply = await request(baseUrl, "/innspill/ny", { body, cookie });
  const proposalId = Number(/\/innspill\/(\d+)/.exec(reply.location ?? "")?.[1]);
  if (reply.status !== 302 || !proposalId) throw new Error(`Upload failed: ${reply.status}`);
  const row = await db
    .selectFrom("attachment")
    .select("id")
    .where("proposal_id", "=", proposalId)
    .executeTakeFirstOrThrow();
  return { proposalId, id: row.id };
}

/** Builds the fixtures in the server's database; `submitterCookie` uploads the attachments. */
export async function buildFixtures(
  server: Pick<TestServer, "url" | "database" | "dataDir">,
  submitterCookie: string,
): Promise<{ db: DB; fx: Fixtures }> {
  const baseUrl = server.url;
  const db = openDatabase(server.database);
  const users = {} as Record<SignedInRole, number>;
  for (const [role, email] of Object.entries(roleEmails) as [SignedInRole, string][])
    users[role] = await idOf(db, email);
  const municipality = await db
    .selectFrom("municipality")
    .select("id")
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const base = {
    users,
    groupId: await bodyIdByName(db, "Helse og velferd"),
    otherGroupId: await bodyIdByName(db, "Teknisk"),
    committeeId: await bodyIdByKind(db, "committee"),
    boardId: await bodyIdByKind(db, "board"),
    municipalityId: municipality.id,
  };
  const secrets = {
    draftTitle: "Hemmelig utkast 7f3a",
    exemptText: "Taushetsbelagt saksfremstilling 9c1e",
  };

  const proposal = {} as Record<FixtureState, number>;
  for (const state of fixtureStates)
    proposal[state] = await proposalIn(
      db,
      base,
      state,
      state === "draft" ? secrets.draftTitle : `Testinnspill i ${state}`,
    );

  const attachment = {
    submitted: await uploadProposal(baseUrl, db, submitterCookie, {
      intent: "submit",
      title: "Innspill med vedlegg",
      municipalityId: base.municipalityId,
    }),
    draft: await uploadProposal(baseUrl, db, submitterCookie, {
      intent: "draft",
      title: `${secrets.draftTitle} med vedlegg`,
      municipalityId: base.municipalityId,
    }),
  };

  const coordinator = await currentUser(db, users.coordinator);
  const exempt = { exempt: true, exemptBasis: "Offl. § 13", presentation: secrets.exemptText };
  const committee = await plan(db, coordinator, base.committeeId, inDays(30));
  const committeeCase = await otherCase(db, coordinator, committee, "Personalsak", exempt);

  // Held, so in the past: attendance and decisions are refused before a meeting's start.
  const published = await plan(db, coordinator, base.boardId, inDays(-20));
  const publishedCase = await otherCase(db, coordinator, published, "Personalsak i styret", exempt);
  await publish(db, coordinator, published);
  const boardMembers = await db
    .selectFrom("membership")
    .select("user_id")
    .where("body_id", "=", base.boardId)
    .where("valid_to", "is", null)
    .execute();
  await attend(
    db,
    coordinator,
    published,
    boardMembers.map((m) => m.user_id),
  );
  expectOk(
    await recordDecision(db, {
      user: coordinator,
      meetingId: published,
      expectedVersion: await meetingVersion(db, published),
      itemId: publishedCase,
      outcome: "noted",
      text: "Tatt til orientering.",
      votes: "unanimous",
    }),
    "decision",
  );
  await approveAndSign(db, coordinator, published);
  expectOk(
    await publishProtocol(db, {
      user: coordinator,
      meetingId: published,
      expectedVersion: await meetingVersion(db, published),
    }),
    "publish protocol",
  );

  const approvedStrategy = await db
    .selectFrom("strategy")
    .select("id")
    .where("status", "=", "approved")
    .executeTakeFirstOrThrow();
  const draft = await db
    .insertInto("strategy")
    .values({
      name: "Strategiutkast for test",
      period_from: 2026,
      period_to: 2029,
      status: "draft",
      approved_item_id: null,
      replaced_by_id: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  return {
    db,
    fx: {
      ...base,
      proposal,
      deletableDraft: await proposalIn(db, base, "draft", "Utkast som kan slettes"),
      attachment,
      meeting: { committee, committeeCase, published, publishedCase },
      strategy: { approved: approvedStrategy.id, draft: draft.id },
      year: 2021,
      secrets,
      email: { failed: await failedEmail(db, users.employee) },
      unsubscribeToken: unsubscribeToken(
        readFileSync(path.join(server.dataDir, "session-secret"), "utf8").trim(),
        users.employee,
        "proposalChanged",
      ),
    },
  };
}

/** A failed e-mail in the outbox, as the worker leaves one after a permanent refusal (for "Send på nytt"). */
export async function failedEmail(db: DB, userId: number): Promise<number> {
  const at = now();
  // In one transaction, so no worker ever sees it pending.
  return db.transaction().execute(async (trx) => {
    const id = await enqueueEmail(trx, {
      user_id: userId,
      notification_id: null,
      to_address: "ansatt@innspill.test",
      message_id: `<fixture-${randomUUID()}@innspill.test>`,
      subject: "Et innspill du følger er endret",
      text_body: "Se innspillet i Innspill.",
      html_body: "<p>Se innspillet i Innspill.</p>",
      ics: null,
      next_attempt_at: at,
      created_at: at,
    });
    await trx
      .updateTable("email_outbox")
      .set({ status: "failed", attempts: 1, last_error: "550 Mailbox unavailable" })
      .where("id", "=", id)
      .execute();
    return id;
  });
}

export type { Role };

// ---------------------------------------------------------------------------------------------
// Fresh targets, for tests that may use one up (the hostile-input test re-creates a target
// whenever a generated form turned out to be valid and moved it on).

export type MeetingStatus =
  "planned" | "noticePublished" | "held" | "decided" | "signing" | "protocolApproved" | "protocolPublished";

/**
 * A committee meeting brought to a status through the real commands, with one ordinary case
 * ("decided": held, with that case decided). Returns the ids forms need.
 */
export async function meetingIn(db: DB, fx: Fixtures, status: MeetingStatus) {
  const coordinator = await currentUser(db, fx.users.coordinator);
  // In the past, so it can be held (nothing is recorded before a meeting's start).
  const meetingId = await plan(db, coordinator, fx.committeeId, inDays(-40));
  const itemId = await otherCase(db, coordinator, meetingId, "Orienteringssak");
  const members = (
    await db
      .selectFrom("membership")
      .select("user_id")
      .where("body_id", "=", fx.committeeId)
      .where("valid_to", "is", null)
      .execute()
  ).map((m) => m.user_id);
  const steps = [
    "planned",
    "noticePublished",
    "held",
    "decided",
    "signing",
    "protocolApproved",
    "protocolPublished",
  ];
  const upTo = steps.indexOf(status);
  if (upTo >= 1) await publish(db, coordinator, meetingId);
  if (upTo >= 2) await attend(db, coordinator, meetingId, members);
  const version = () => meetingVersion(db, meetingId);
  if (upTo >= 3)
    expectOk(
      await recordDecision(db, {
        user: coordinator,
        meetingId,
        expectedVersion: await version(),
        itemId,
        outcome: "noted",
        text: "Tatt til orientering.",
        votes: "unanimous",
      }),
      "decision",
    );
  // "signing": approved, with the committee member chosen to sign with the chair, nobody signed yet.
  if (upTo === 4)
    expectOk(
      await approveProtocol(db, {
        user: coordinator,
        meetingId,
        expectedVersion: await version(),
        signers: [fx.users.committeeMember],
      }),
      "approve",
    );
  if (upTo >= 5) await approveAndSign(db, coordinator, meetingId);
  if (upTo >= 6)
    expectOk(
      await publishProtocol(db, { user: coordinator, meetingId, expectedVersion: await version() }),
      "publish",
    );
  return { meetingId, itemId, members };
}

let throwaway = 0;

/** An account nobody else uses, for the account forms. */
export async function throwawayUser(db: DB, fx: Fixtures): Promise<number> {
  throwaway += 1;
  return makeUser(db, {
    passwordHash: "not-a-hash",
    name: `Engangsbruker ${throwaway}`,
    email: `engang${throwaway}-${Date.now()}@innspill.test`,
    municipalityId: fx.municipalityId,
  });
}

/** A municipality nobody else uses. */
export async function throwawayMunicipality(db: DB): Promise<number> {
  throwaway += 1;
  const ids = await makeMunicipalities(db, [`Engangskommune ${throwaway}-${Date.now()}`], "2020-01-01");
  return Object.values(ids)[0]!;
}

/** A specialist group nobody else uses, with one member; returns its id, the membership and a user to add. */
export async function throwawayGroup(db: DB, fx: Fixtures) {
  throwaway += 1;
  const bodyId = await makeBody(db, "group", `Engangsgruppe ${throwaway}-${Date.now()}`, "2020-01-01");
  const memberId = await throwawayUser(db, fx);
  const membershipId = await makeMembership(db, {
    userId: memberId,
    bodyId,
    role: "member",
    validFrom: "2020-01-01",
  });
  return { bodyId, membershipId, newMemberId: await throwawayUser(db, fx) };
}

/** A draft strategy with one main goal and one sub-goal. */
export async function draftStrategy(db: DB) {
  throwaway += 1;
  const { id } = await db
    .insertInto("strategy")
    .values({
      name: `Strategiutkast ${throwaway}`,
      period_from: 2030,
      period_to: 2033,
      status: "draft",
      approved_item_id: null,
      replaced_by_id: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const goal = (number: string, parent: number | null) =>
    db
      .insertInto("strategy_goal")
      .values({ strategy_id: id, parent_id: parent, number, title: `Mål ${number}`, description: "" })
      .returning("id")
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  const mainGoalId = await goal("1", null);
  const subGoalId = await goal("1.1", mainGoalId);
  return { strategyId: id, mainGoalId, subGoalId };
}
