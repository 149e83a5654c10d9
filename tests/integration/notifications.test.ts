import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { migrateToLatest, openDatabase, type DB } from "#db/connection";
import { makeBody } from "#db/factories";
import { demoFollowers, demoNotifications, demoPreferences } from "#db/seed-data/notifications";
import { signersOfMeeting } from "#db/repositories/meeting.repository";
import { createProposal } from "#db/repositories/proposal.repository";
import { applyProposalEvent } from "~/server/commands/apply-proposal-event.server";
import { approveProtocol, firstPresentMembers } from "~/server/commands/approve-protocol.server";
import { editMeeting } from "~/server/commands/plan-meeting.server";
import { recordDecision } from "~/server/commands/record-decision.server";
import { startWork } from "~/server/commands/start-work.server";
import { supportProposal } from "~/server/commands/support-proposal.server";
import { config } from "~/server/config.server";
import { deliverDue, workerTick } from "~/server/notifications/delivery.server";
import { fanOutNotificationEvents } from "~/server/notifications/emit.server";
import { remindWaiting, runNotificationJobs } from "~/server/notifications/jobs.server";
import { createTransport, type MailTransport } from "~/server/notifications/transport.server";
import { seedDemo } from "~/server/seed/seed.server";
import {
  assessCompletely,
  currentUser,
  demoHash,
  makeStrategy,
  makeWorld,
  testDatabaseLocation,
  testDb,
  type World,
} from "../support/db";
import {
  attend,
  expectOk,
  meetingVersion,
  plan,
  proposalCase,
  proposalVersion,
  publish,
  signAll,
} from "../support/meetings";
import { startTestSmtp, type ReceivedMail, type TestSmtp } from "../support/smtp";

/**
 * Issue 13: what is written to `notification` and `email_outbox`, and when. Real SQLite files, the
 * real commands; every step asserts the full set of people told and e-mails queued. The real
 * delivery then sends the outbox through nodemailer to a real SMTP server in this process, and the
 * tests read what arrived.
 */

let dir: string;
let db: DB;
let location: string;
let world: World;
let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp.close();
});

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "innspill-notifications-"));
  location = await testDatabaseLocation(dir);
  db = openDatabase(location);
  await migrateToLatest(db);
  world = await makeWorld(db);
});

afterEach(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const emailOf = (name: string) => `${name.toLowerCase()}@test.invalid`;

const silent = pino({ level: "silent" });

/** The app's own transport, pointed at the test SMTP server. */
function smtpTransport(): MailTransport {
  const c = config();
  return createTransport({
    ...c.mail,
    smtpUrl: smtp.url,
    publicUrl: c.publicUrl,
    sessionSecret: c.sessionSecret,
  });
}

/**
 * Runs the real delivery (`deliverDue`, or the worker's whole tick when `tick` is set) through the
 * SMTP server and returns the messages that arrived meanwhile. Every due message must go out.
 */
async function deliver(now = new Date("2100-01-01T00:00:00Z"), tick = false): Promise<ReceivedMail[]> {
  const from = smtp.received.length;
  const transport = smtpTransport();
  try {
    // As the worker does after an event's commit (decision 031); its tick does it too.
    if (!tick) await fanOutNotificationEvents(db);
    const result = tick
      ? await workerTick(db, transport, now, silent)
      : await deliverDue(db, transport, now, silent);
    expect(result).toMatchObject({ retried: 0, failed: 0 });
    await smtp.waitForCount(from + result.sent);
  } finally {
    transport.close();
  }
  return smtp.received.slice(from);
}

/** Everything a reader of a delivered message could see: headers, subject, both bodies, attachments, the source. */
function everythingIn(mail: ReceivedMail): string[] {
  const { parsed } = mail;
  return [
    mail.raw,
    parsed.subject ?? "",
    parsed.text ?? "",
    typeof parsed.html === "string" ? parsed.html : "",
    ...[...parsed.headers].map(([name, value]) => `${name}: ${JSON.stringify(value)}`),
    ...parsed.attachments.flatMap((a) => [a.filename ?? "", a.content.toString("utf8")]),
  ];
}

const calendarOf = (mail: ReceivedMail) =>
  mail.parsed.attachments.filter((a) => a.contentType === "text/calendar");

/** Everything written since the last call: "user:kind:email" per notification, and the outbox rows. */
function tracker() {
  let lastNotification = 0;
  let lastEmail = 0;
  return async () => {
    // The events' notifications are written by the fan-out after commit (decision 031).
    await fanOutNotificationEvents(db);
    const notifications = await db
      .selectFrom("notification")
      .innerJoin("user", "user.id", "notification.user_id")
      .select(["notification.id", "user.name", "notification.kind", "notification.email"])
      .where("notification.id", ">", lastNotification)
      .orderBy("notification.id")
      .execute();
    const emails = await db
      .selectFrom("email_outbox")
      .selectAll()
      .where("id", ">", lastEmail)
      .orderBy("id")
      .execute();
    lastNotification = notifications.at(-1)?.id ?? lastNotification;
    lastEmail = emails.at(-1)?.id ?? lastEmail;
    return {
      told: notifications.map((n) => `${n.name}:${n.kind}:${n.email}`).sort(),
      to: emails.map((e) => e.to_address).sort(),
      emails,
    };
  };
}

async function draft(title = "Felles innbyggerportal") {
  return createProposal(db, {
    title,
    background: "b",
    problem: "p",
    solution: "s",
    benefits: "",
    affected: "",
    resources: "",
    authorId: world.users.employee,
    municipalityIds: [world.municipalities.Nordby!],
    suggestedGroupId: null,
    state: "draft",
    now: new Date().toISOString(),
  });
}

async function act(
  userId: number,
  proposalId: number,
  type: Parameters<typeof applyProposalEvent>[1]["type"],
  payload: Record<string, unknown> = {},
  now?: Date,
) {
  return expectOk(
    await applyProposalEvent(db, {
      proposalId,
      expectedVersion: await proposalVersion(db, proposalId),
      user: await currentUser(db, userId),
      type,
      payload,
      now,
    }),
    type,
  );
}

async function follow(proposalId: number, userId: number) {
  await db
    .insertInto("proposal_follower")
    .values({ proposal_id: proposalId, user_id: userId, created_at: new Date().toISOString() })
    .execute();
}

/**
 * Starts the follow-up of an approved proposal, as the coordinator, with `projectLeadId` leading it
 * from `startDate` to `plannedEnd`; the command's result, refused or not.
 */
async function start(
  proposalId: number,
  projectLeadId: number,
  period: { startDate: string; plannedEnd: string },
  now?: Date,
) {
  return startWork(db, {
    proposalId,
    user: await currentUser(db, world.users.coordinator),
    form: { version: await proposalVersion(db, proposalId), projectLeadId, ...period },
    ...(now ? { now } : {}),
  });
}

async function decide(meetingId: number, itemId: number, proposalId: number, outcome: string, text: string) {
  expectOk(
    await recordDecision(db, {
      user: await currentUser(db, world.users.coordinator),
      meetingId,
      expectedVersion: await meetingVersion(db, meetingId),
      itemId,
      outcome,
      text,
      votes: "unanimous",
      proposalVersion: await proposalVersion(db, proposalId),
    }),
    `decision ${outcome}`,
  );
}

async function caseFor(meetingId: number, proposalId: number, extra = {}) {
  return proposalCase(db, await currentUser(db, world.users.coordinator), meetingId, proposalId, extra);
}

describe("the full loop of one proposal", () => {
  it(
    "tells exactly the expected people, queues exactly their immediate e-mails, and they arrive",
    { timeout: 120_000 },
    async () => {
      const u = world.users;
      const tracked = tracker();
      // Every address an immediate e-mail was asserted for, step by step: what must arrive at the end.
      const expectedTo: string[] = [];
      const next = async () => {
        const step = await tracked();
        expectedTo.push(...step.to);
        return step;
      };
      const id = await draft();
      const { publicUrl } = config();
      // Those watching the proposal, told of every change at once: the follower (Admin), the
      // supporter (Ansatt2) and the author (Ansatt).
      const watchersToldOfChange = [
        "Admin:proposalChanged:immediate",
        "Ansatt2:proposalChanged:immediate",
        "Ansatt:proposalChanged:immediate",
      ];

      await act(u.employee, id, "SUBMIT");
      let step = await next();
      // Those who route: coordinators and every group leader; "waiting to be routed" goes in the digest.
      expect(step.told).toEqual([
        "Gruppeleder:awaitingRouting:digest",
        "Koordinator:awaitingRouting:digest",
        "Teknikkleder:awaitingRouting:digest",
      ]);
      expect(step.to).toEqual([]);

      expectOk(
        await supportProposal(db, { proposalId: id, user: await currentUser(db, u.employee2) }),
        "support",
      );
      await follow(id, u.admin);
      await next();

      await act(u.coordinator, id, "ASSIGN", { groupId: world.bodies.groupHealth });
      step = await next();
      expect(step.told).toEqual([
        ...watchersToldOfChange,
        "Gruppeleder:proposalAssigned:immediate",
        "Gruppemedlem:proposalAssigned:immediate",
      ]);
      expect(step.to).toEqual(
        ["Admin", "Ansatt", "Ansatt2", "Gruppeleder", "Gruppemedlem"].map(emailOf).sort(),
      );

      await act(u.groupLeader, id, "REQUEST_INFO", { reason: "Hvor mange brukere gjelder det?" });
      step = await next();
      expect(step.told).toEqual([
        "Admin:proposalChanged:immediate",
        "Ansatt2:proposalChanged:immediate",
        "Ansatt:informationRequested:immediate",
      ]);
      const question = step.emails.find((e) => e.to_address === emailOf("Ansatt"))!;
      expect(question.text_body).toContain(`${publicUrl}/innspill/${id}#event-SUPPLEMENT`);
      expect(question.text_body).toContain("Spørsmål fra faggruppen: Hvor mange brukere gjelder det?");
      expect(question.html_body).toContain('lang="nb"');
      expect(question.html_body).toContain(`${publicUrl}/min-profil#varsler`);
      expect(question.message_id).toMatch(/^<n-[0-9a-f-]+@[^>]+>$/);

      await act(u.employee, id, "SUPPLEMENT", { reason: "Om lag 300 ansatte." });
      step = await next();
      expect(step.told).toEqual([
        "Admin:proposalChanged:immediate",
        "Ansatt2:proposalChanged:immediate",
        "Gruppeleder:proposalSupplemented:immediate",
        "Gruppemedlem:proposalSupplemented:immediate",
      ]);
      expect(step.to).toHaveLength(4);
      const answer = step.emails.find((e) => e.to_address === emailOf("Gruppeleder"))!;
      expect(answer.text_body).toContain("Svar fra innsenderen: Om lag 300 ansatte.");

      const strategy = await makeStrategy(db);
      await assessCompletely(db, id, u.groupMember, strategy.subGoalIds[0]!);
      await act(u.groupMember, id, "RECOMMEND");
      step = await next();
      expect(step.told).toEqual(watchersToldOfChange);

      // The committee: the notice to every member, with the calendar invitation.
      const coordinator = await currentUser(db, u.coordinator);
      const committeeMeeting = await plan(db, coordinator, world.bodies.committee, "2021-03-31");
      const committeeItem = await caseFor(committeeMeeting, id);
      await publish(db, coordinator, committeeMeeting);
      step = await next();
      const committeeMembers = [
        "Utvalgsleder",
        "BestillerNordby",
        "BestillerSørvik",
        "BestillerØstdal",
        "BestillerVestøy",
      ];
      expect(step.told).toEqual(committeeMembers.map((n) => `${n}:meetingNotice:immediate`).sort());
      expect(step.to).toEqual(committeeMembers.map(emailOf).sort());
      const ics = step.emails[0]!.ics!;
      expect(ics).toContain("METHOD:PUBLISH");
      expect(ics).toContain(`UID:meeting-${committeeMeeting}@${new URL(publicUrl).hostname}`);
      expect(ics).toMatch(/SEQUENCE:\d+/);
      expect(ics).toContain("DTSTART:20210331T080000Z");
      expect(ics.endsWith("\r\n")).toBe(true);
      expect(step.emails[0]!.text_body).toContain("Sak 1/2021: Felles innbyggerportal");

      await attend(db, coordinator, committeeMeeting, [u.chair, ...u.orderers]);
      await decide(committeeMeeting, committeeItem, id, "recommend", "Utvalget innstiller til rådet.");
      step = await next();
      expect(step.told).toEqual(watchersToldOfChange);

      expectOk(
        await approveProtocol(db, {
          user: coordinator,
          meetingId: committeeMeeting,
          expectedVersion: await meetingVersion(db, committeeMeeting),
          signers: await firstPresentMembers(db, committeeMeeting),
        }),
        "approve protocol",
      );
      const signers = await signersOfMeeting(db, committeeMeeting);
      step = await next();
      expect(step.told).toEqual(signers.map((s) => `${s.user_name}:protocolToSign:immediate`).sort());
      await signAll(db, committeeMeeting);
      step = await next();
      // Everyone of the committee but the last to sign, who made it final.
      const lastSigner = signers.at(-1)!.user_name;
      expect(step.told).toEqual(
        committeeMembers
          .filter((n) => n !== lastSigner)
          .map((n) => `${n}:protocolSigned:immediate`)
          .sort(),
      );

      // The board: the notice, the decision.
      const boardMeeting = await plan(db, coordinator, world.bodies.board, "2021-04-14");
      const boardItem = await caseFor(boardMeeting, id);
      await publish(db, coordinator, boardMeeting);
      step = await next();
      const boardMembers = ["StyreNordby", "StyreSørvik", "StyreØstdal", "StyreVestøy"];
      expect(step.told).toEqual(boardMembers.map((n) => `${n}:meetingNotice:immediate`).sort());
      await attend(db, coordinator, boardMeeting, u.boardMembers);
      await decide(boardMeeting, boardItem, id, "approve", "Rådet vedtar innspillet.");
      step = await next();
      expect(step.told).toEqual(watchersToldOfChange);

      // Follow-up: started with the group member as project lead.
      expectOk(
        await start(id, u.groupMember, { startDate: "2021-05-01", plannedEnd: "2021-12-31" }),
        "start",
      );
      step = await next();
      expect(step.told).toEqual([...watchersToldOfChange, "Gruppemedlem:workStarted:immediate"]);

      // Every immediate notification has exactly one e-mail, and nothing else is in the outbox.
      const immediate = await db
        .selectFrom("notification")
        .select("id")
        .where("email", "=", "immediate")
        .execute();
      const outbox = await db.selectFrom("email_outbox").select(["notification_id", "message_id"]).execute();
      expect(outbox.map((o) => o.notification_id).sort()).toEqual(immediate.map((n) => n.id).sort());
      expect(new Set(outbox.map((o) => o.message_id)).size).toBe(outbox.length);

      // What arrives at a real SMTP server: exactly these messages, to exactly these people.
      const arrived = await deliver();
      expect(
        arrived
          .map((m) => m.to)
          .flat()
          .sort(),
      ).toEqual(expectedTo.sort());
      const expected = await db
        .selectFrom("notification")
        .innerJoin("user", "user.id", "notification.user_id")
        .where("notification.email", "=", "immediate")
        .select(["user.email", "notification.title", "notification.kind"])
        .execute();
      const pair = (to: string, subject: string) => `${to} | ${subject}`;
      expect(arrived.map((m) => pair(m.to.join(","), m.parsed.subject ?? "")).sort()).toEqual(
        expected.map((e) => pair(e.email, e.title)).sort(),
      );
      for (const mail of arrived) {
        // The header agrees with the envelope; both parts are there.
        expect(mail.parsed.to && "value" in mail.parsed.to ? mail.parsed.to.value[0]!.address : "").toBe(
          mail.to[0],
        );
        expect(mail.parsed.text?.trim()).toBeTruthy();
        expect(typeof mail.parsed.html === "string" && mail.parsed.html.includes("</html>")).toBe(true);
      }
      // Each Message-ID once, and the outbox's own.
      const ids = arrived.map((m) => m.parsed.messageId);
      expect(new Set(ids).size).toBe(arrived.length);
      expect([...ids].sort()).toEqual(outbox.map((o) => o.message_id).sort());
      // The meeting notices, and only they, carry the calendar invitation.
      const notices = new Set(
        expected.filter((e) => e.kind === "meetingNotice").map((e) => pair(e.email, e.title)),
      );
      expect(notices.size).toBe(committeeMembers.length + boardMembers.length);
      for (const mail of arrived) {
        const calendar = calendarOf(mail);
        if (!notices.has(pair(mail.to[0]!, mail.parsed.subject ?? ""))) {
          expect(calendar).toEqual([]);
          continue;
        }
        expect(calendar).toHaveLength(1);
        const ics = calendar[0]!.content.toString("utf8");
        expect(ics).toContain("METHOD:PUBLISH");
        expect(ics).toMatch(
          new RegExp(`UID:meeting-(${committeeMeeting}|${boardMeeting})@${new URL(publicUrl).hostname}`),
        );
      }
      // Delivered once: nothing is due any more.
      expect(await deliver()).toEqual([]);
    },
  );

  it("re-publishing a changed notice sends the same calendar event with a higher SEQUENCE", async () => {
    const coordinator = await currentUser(db, world.users.coordinator);
    const id = await draft();
    await act(world.users.employee, id, "SUBMIT");
    await act(world.users.coordinator, id, "ASSIGN", { groupId: world.bodies.groupHealth });
    const strategy = await makeStrategy(db);
    await assessCompletely(db, id, world.users.groupMember, strategy.subGoalIds[0]!);
    await act(world.users.groupMember, id, "RECOMMEND");
    const meeting = await plan(db, coordinator, world.bodies.committee, "2031-03-31");
    await caseFor(meeting, id);
    await publish(db, coordinator, meeting);
    expectOk(
      await editMeeting(db, {
        user: coordinator,
        meetingId: meeting,
        expectedVersion: await meetingVersion(db, meeting),
        form: {
          bodyId: world.bodies.committee,
          date: "2031-03-31",
          startTime: "13:00",
          endTime: "15:00",
          place: "Nytt rom",
        },
      }),
      "edit",
    );
    const invitations = await db
      .selectFrom("email_outbox")
      .select(["ics", "subject"])
      .where("to_address", "=", emailOf("Utvalgsleder"))
      .orderBy("id")
      .execute();
    expect(invitations).toHaveLength(2);
    const [first, second] = invitations.map((i) => i.ics!);
    const uid = (ics: string) => /UID:(.*)\r\n/.exec(ics)![1];
    const sequence = (ics: string) => Number(/SEQUENCE:(\d+)/.exec(ics)![1]);
    expect(uid(second!)).toBe(uid(first!));
    expect(sequence(second!)).toBeGreaterThan(sequence(first!));
    expect(second).toContain("DTSTART:20310331T110000Z");
    expect(second).toContain("LOCATION:Nytt rom");
  });
});

describe("nothing is written when the event is not", () => {
  it("a refused transition (a stale version) writes no notification and no e-mail", async () => {
    const id = await draft();
    await act(world.users.employee, id, "SUBMIT");
    await deliver();
    const next = tracker();
    await next();
    const stale = await applyProposalEvent(db, {
      proposalId: id,
      expectedVersion: 1,
      user: await currentUser(db, world.users.coordinator),
      type: "ASSIGN",
      payload: { groupId: world.bodies.groupHealth },
    });
    expect(stale.ok).toBe(false);
    expect(await next()).toMatchObject({ told: [], to: [] });
    expect(await deliver()).toEqual([]);
  });

  it("a command refused after the event rolls its notifications back with it", async () => {
    const id = await draft();
    await db.updateTable("proposal").set({ state: "approved" }).where("id", "=", id).execute();
    await follow(id, world.users.admin);
    await db.updateTable("user").set({ active: 0 }).where("id", "=", world.users.employee2).execute();
    const next = tracker();
    await next();
    // START is applied (and would notify the follower) before the inactive project lead is refused.
    const result = await start(id, world.users.employee2, {
      startDate: "2026-01-01",
      plannedEnd: "2026-12-31",
    });
    expect(result.ok).toBe(false);
    expect(await next()).toMatchObject({ told: [], to: [] });
    expect(await deliver()).toEqual([]);
  });
});

describe("preferences", () => {
  it("off writes the bell's row without an e-mail; digest waits for the digest", async () => {
    const id = await draft();
    await act(world.users.employee, id, "SUBMIT");
    await follow(id, world.users.admin);
    await follow(id, world.users.employee2);
    await db
      .insertInto("notification_preference")
      .values([
        { user_id: world.users.employee, kind: "proposalChanged", mode: "off" },
        { user_id: world.users.admin, kind: "proposalChanged", mode: "digest" },
        { user_id: world.users.groupMember, kind: "proposalAssigned", mode: "off" },
      ])
      .execute();
    const next = tracker();
    await next();
    await act(world.users.coordinator, id, "ASSIGN", { groupId: world.bodies.groupHealth });
    const step = await next();
    expect(step.told).toEqual([
      "Admin:proposalChanged:digest",
      "Ansatt2:proposalChanged:immediate",
      "Ansatt:proposalChanged:none",
      "Gruppeleder:proposalAssigned:immediate",
      "Gruppemedlem:proposalAssigned:none",
    ]);
    expect(step.to).toEqual([emailOf("Ansatt2"), emailOf("Gruppeleder")].sort());
  });
});

describe("scheduled jobs", () => {
  it("the digest collects a person's day into one e-mail at 07:00 Oslo, once", async () => {
    const first = await draft("Første innspill");
    const second = await draft("Andre innspill");
    // Submitted on 1 December 2026 (Oslo): the routers' "waiting to be routed" goes in the digest.
    await act(world.users.employee, first, "SUBMIT", {}, new Date("2026-12-01T09:00:00Z"));
    await act(world.users.employee, second, "SUBMIT", {}, new Date("2026-12-01T15:00:00Z"));
    await db
      .updateTable("notification")
      .set({ created_at: "2026-12-01T15:00:00.000Z" })
      .where("proposal_id", "=", second)
      .execute();
    const next = tracker();
    await next();
    // What the submissions sent at once (to the submitter) is out of the way.
    await deliver();

    // Before 07:00 the next morning nothing is sent.
    await runNotificationJobs(db, new Date("2026-12-02T05:59:00Z"));
    expect((await next()).to).toEqual([]);

    // The worker's tick at 07:00 Oslo: the digest job, then delivery through SMTP.
    const arrived = await deliver(new Date("2026-12-02T06:00:00Z"), true);
    const step = await next();
    expect(step.to).toEqual(["Gruppeleder", "Koordinator", "Teknikkleder"].map(emailOf).sort());
    for (const email of step.emails) {
      expect(email.subject).toContain("2 varsler");
      expect(email.text_body).toContain("Første innspill");
      expect(email.text_body).toContain("Andre innspill");
      expect(email.notification_id).toBeNull();
    }
    const waiting = await db
      .selectFrom("notification")
      .select("id")
      .where("email", "=", "digest")
      .where("digested_at", "is", null)
      .execute();
    expect(waiting).toEqual([]);
    // The day arrived as one e-mail per person, with both proposals in both parts.
    expect(arrived.map((m) => m.to.join(",")).sort()).toEqual(step.to);
    for (const mail of arrived) {
      expect(mail.parsed.subject).toContain("2 varsler");
      for (const title of ["Første innspill", "Andre innspill"]) {
        expect(mail.parsed.text).toContain(title);
        expect(mail.parsed.html).toContain(title);
      }
    }

    // Run again (the same tick twice, or the next hour): nothing more.
    await runNotificationJobs(db, new Date("2026-12-02T06:00:00Z"));
    await runNotificationJobs(db, new Date("2026-12-02T09:00:00Z"));
    expect((await next()).to).toEqual([]);
    expect(await deliver(new Date("2026-12-02T09:00:00Z"), true)).toEqual([]);

    // The day's hour is done; the next morning's digest still collects what came since.
    const third = await draft("Tredje innspill");
    await act(world.users.employee, third, "SUBMIT", {}, new Date("2026-12-02T12:00:00Z"));
    await next();
    await runNotificationJobs(db, new Date("2026-12-03T05:59:00Z"));
    expect((await next()).to).toEqual([]);
    await runNotificationJobs(db, new Date("2026-12-03T06:00:00Z"));
    const nextDay = await next();
    expect(nextDay.to).toEqual(["Gruppeleder", "Koordinator", "Teknikkleder"].map(emailOf).sort());
    for (const email of nextDay.emails) {
      expect(email.text_body).toContain("Tredje innspill");
      expect(email.text_body).not.toContain("Andre innspill");
    }
  });

  it("a proposal waiting past its step's limit reminds those who act on it, once a week", async () => {
    const id = await draft();
    const fortyDaysAgo = new Date("2026-10-20T10:00:00Z");
    await act(world.users.employee, id, "SUBMIT", {}, fortyDaysAgo);
    await act(world.users.coordinator, id, "ASSIGN", { groupId: world.bodies.groupHealth }, fortyDaysAgo);
    const next = tracker();
    await next();

    // Monday 30 November 2026: 41 days in the group's assessment (limit 30).
    await runNotificationJobs(db, new Date("2026-11-30T10:00:00Z"));
    let step = await next();
    expect(step.told).toEqual(["Gruppeleder:waitingReminder:digest", "Gruppemedlem:waitingReminder:digest"]);

    await runNotificationJobs(db, new Date("2026-11-30T11:00:00Z"));
    await runNotificationJobs(db, new Date("2026-12-06T20:00:00Z"));
    step = await next();
    expect(step.told.filter((t) => t.includes("waitingReminder"))).toEqual([]);

    // The next ISO week: reminded again.
    await runNotificationJobs(db, new Date("2026-12-07T10:00:00Z"));
    step = await next();
    expect(step.told.filter((t) => t.includes("waitingReminder"))).toEqual([
      "Gruppeleder:waitingReminder:digest",
      "Gruppemedlem:waitingReminder:digest",
    ]);
  });

  it("a proposal with nobody to remind is passed for the week, not read again ahead of the others", async () => {
    const nobodyThere = await makeBody(db, "group", "Uten medlemmer");
    const first = await draft("Ingen å minne");
    const firstDay = new Date("2026-09-01T10:00:00Z");
    await act(world.users.employee, first, "SUBMIT", {}, firstDay);
    await act(world.users.coordinator, first, "ASSIGN", { groupId: nobodyThere }, firstDay);
    const second = await draft("Noen å minne");
    const secondDay = new Date("2026-09-02T10:00:00Z");
    await act(world.users.employee, second, "SUBMIT", {}, secondDay);
    await act(world.users.coordinator, second, "ASSIGN", { groupId: world.bodies.groupHealth }, secondDay);
    const next = tracker();
    await next();

    // One proposal per state and run: the longest-waiting has nobody to remind; the next run reads the other.
    const monday = new Date("2026-11-30T10:00:00Z");
    expect(await remindWaiting(db, monday, 1)).toBe(0);
    expect(await remindWaiting(db, monday, 1)).toBe(2);
    expect((await next()).told).toEqual([
      "Gruppeleder:waitingReminder:digest",
      "Gruppemedlem:waitingReminder:digest",
    ]);
    // Both passed for the week: later runs read nothing more.
    expect(await remindWaiting(db, new Date("2026-12-04T10:00:00Z"), 1)).toBe(0);
    // The next ISO week starts from the beginning again.
    await remindWaiting(db, new Date("2026-12-07T10:00:00Z"), 1);
    expect(await remindWaiting(db, new Date("2026-12-07T10:00:00Z"), 1)).toBe(2);
  });

  it("two workers running the reminders at once write each reminder once", async () => {
    const ids = [await draft("Første"), await draft("Andre"), await draft("Tredje")];
    const longAgo = new Date("2026-09-01T10:00:00Z");
    for (const id of ids) {
      await act(world.users.employee, id, "SUBMIT", {}, longAgo);
      await act(world.users.coordinator, id, "ASSIGN", { groupId: world.bodies.groupHealth }, longAgo);
    }
    const next = tracker();
    await next();
    const other = openDatabase(location);
    try {
      const monday = new Date("2026-11-30T10:00:00Z");
      // One proposal per run, so the two interleave over the cursor.
      for (let i = 0; i < 4; i++)
        await Promise.all([remindWaiting(db, monday, 1), remindWaiting(other, monday, 1)]);
    } finally {
      await other.destroy();
    }
    const told = (await next()).told;
    expect(told).toHaveLength(6);
    expect(told.filter((t) => t === "Gruppeleder:waitingReminder:digest")).toHaveLength(3);
    const perProposal = await db
      .selectFrom("notification")
      .select(["proposal_id", "user_id"])
      .where("kind", "=", "waitingReminder")
      .execute();
    expect(new Set(perProposal.map((r) => `${r.proposal_id}:${r.user_id}`)).size).toBe(6);
  });

  it("the project lead is reminded once when the planned end has come", async () => {
    const id = await draft();
    await db.updateTable("proposal").set({ state: "approved" }).where("id", "=", id).execute();
    expectOk(
      await start(
        id,
        world.users.groupMember,
        { startDate: "2026-01-01", plannedEnd: "2026-06-30" },
        new Date("2026-01-01T10:00:00Z"),
      ),
      "start",
    );
    const next = tracker();
    await next();
    await runNotificationJobs(db, new Date("2026-06-29T10:00:00Z"));
    expect((await next()).told).toEqual([]);
    await runNotificationJobs(db, new Date("2026-06-30T10:00:00Z"));
    expect((await next()).told).toEqual(["Gruppemedlem:workDue:immediate"]);
    await runNotificationJobs(db, new Date("2026-07-01T10:00:00Z"));
    expect((await next()).told).toEqual([]);
  });
});
it("work started after the day's first run, already past its planned end, is reminded at the next run", async () => {
  const id = await draft();
  await db.updateTable("proposal").set({ state: "approved" }).where("id", "=", id).execute();
  const next = tracker();
  await next();
  // The day's first run: nothing started, nothing due.
  await runNotificationJobs(db, new Date("2026-06-30T08:00:00Z"));
  expect((await next()).told).toEqual([]);
  expectOk(
    await start(
      id,
      world.users.groupMember,
      { startDate: "2026-01-01", plannedEnd: "2026-06-29" },
      new Date("2026-06-30T09:00:00Z"),
    ),
    "start",
  );
  await next();
  await runNotificationJobs(db, new Date("2026-06-30T09:01:00Z"));
  expect((await next()).told).toEqual(["Gruppemedlem:workDue:immediate"]);
  await runNotificationJobs(db, new Date("2026-06-30T09:02:00Z"));
  await runNotificationJobs(db, new Date("2026-07-01T09:00:00Z"));
  expect((await next()).told).toEqual([]);
});

describe("an exempt case", () => {
  it("no exempt title or text reaches any notification or e-mail", { timeout: 60_000 }, async () => {
    const u = world.users;
    const coordinator = await currentUser(db, u.coordinator);
    const title = "Personalsak QX9 varsling";
    const id = await draft(title);
    await act(u.employee, id, "SUBMIT");
    await follow(id, u.admin);
    await act(u.coordinator, id, "ASSIGN", { groupId: world.bodies.groupHealth });
    const strategy = await makeStrategy(db);
    await assessCompletely(db, id, u.groupMember, strategy.subGoalIds[0]!);
    await act(u.groupMember, id, "RECOMMEND");
    // What went out before the case was made exempt (the proposal itself is not).
    await deliver();
    const before =
      (await db
        .selectFrom("notification")
        .select((eb) => eb.fn.max("id").as("id"))
        .executeTakeFirst())!.id ?? 0;

    const meeting = await plan(db, coordinator, world.bodies.committee, "2021-03-31");
    const item = await caseFor(meeting, id, {
      title: "Saken QX9 taushetsbelagt",
      presentation: "Saksframlegg QX9 hemmelig",
      recommendation: "Innstilling QX9 hemmelig",
      exempt: true,
      exemptBasis: "offl. § 13",
    });
    await publish(db, coordinator, meeting);
    await attend(db, coordinator, meeting, [u.chair, ...u.orderers]);
    await decide(meeting, item, id, "reject", "Vedtak QX9 hemmelig begrunnelse");
    expectOk(
      await approveProtocol(db, {
        user: coordinator,
        meetingId: meeting,
        expectedVersion: await meetingVersion(db, meeting),
        signers: await firstPresentMembers(db, meeting),
      }),
      "approve",
    );
    await signAll(db, meeting);
    await fanOutNotificationEvents(db);

    const notifications = await db
      .selectFrom("notification")
      .selectAll()
      .where("id", ">", Number(before))
      .execute();
    const emails = await db
      .selectFrom("email_outbox")
      .selectAll()
      .where(
        "notification_id",
        "in",
        notifications.map((n) => n.id),
      )
      .execute();
    // Members got the notice, the submitter and follower the rejection, the signers their protocol.
    expect(new Set(notifications.map((n) => n.kind))).toEqual(
      new Set(["meetingNotice", "proposalChanged", "protocolToSign", "protocolSigned"]),
    );
    expect(emails.length).toBe(notifications.length);
    const texts = [
      ...notifications.flatMap((n) => [n.title, n.body, n.link]),
      ...emails.flatMap((e) => [e.subject, e.text_body, e.html_body, e.ics ?? ""]),
    ];
    for (const secret of ["QX9", title, "taushetsbelagt", "hemmelig"]) {
      for (const text of texts) expect(text).not.toContain(secret);
    }
    // The notice lists the case by number, marked exempt with its basis.
    const notice = emails.find((e) => e.ics !== null)!;
    expect(notice.text_body).toContain("Sak 1/2021: Unntatt offentlighet (offl. § 13)");

    // Crawl every message as it arrived at the SMTP server.
    const arrived = await deliver();
    expect(arrived).toHaveLength(emails.length);
    for (const mail of arrived) {
      for (const text of everythingIn(mail)) {
        for (const secret of ["QX9", title, "taushetsbelagt", "hemmelig"]) expect(text).not.toContain(secret);
      }
    }
    const delivered = arrived.filter((m) => calendarOf(m).length > 0);
    expect(delivered.length).toBeGreaterThan(0);
    for (const mail of delivered) expect(mail.parsed.text).toContain("Unntatt offentlighet (offl. § 13)");
  });
});

describe("the demo seed", () => {
  it(
    "keeps its past in the bell but sends no one an e-mail or a digest about it",
    { timeout: 120_000 },
    async () => {
      const seeded = await testDb();
      await seedDemo(seeded, { passwordHash: await demoHash() });
      const told = await seeded.selectFrom("notification").select(["email", "digested_at"]).execute();
      expect(told.length).toBeGreaterThan(0);
      // Every seeded bell line, follower and e-mail choice found its person and proposal.
      const bell = await seeded
        .selectFrom("notification")
        .select("id")
        .where("dedupe_key", "like", "demo-seed-%")
        .execute();
      expect(bell).toHaveLength(demoNotifications.length);
      const followers = await seeded.selectFrom("proposal_follower").select("user_id").execute();
      expect(followers.length).toBeGreaterThanOrEqual(demoFollowers.length);
      expect(await seeded.selectFrom("notification_preference").select("user_id").execute()).toHaveLength(
        demoPreferences.length,
      );
      expect(await seeded.selectFrom("email_outbox").select("id").execute()).toEqual([]);
      expect(told.filter((n) => n.email === "digest" && n.digested_at === null)).toEqual([]);
      await runNotificationJobs(seeded, new Date(Date.now() + 86_400_000));
      expect(
        await seeded
          .selectFrom("email_outbox")
          .select("subject")
          .where("subject", "like", "%oppsummering%")
          .execute(),
      ).toEqual([]);
      await seeded.destroy();
    },
  );
});
