import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateToLatest, openDatabase, type DB } from "#db/connection";
import {
  pendingNotificationEventCount,
  recordNotificationEvent,
} from "#db/repositories/notification.repository";
import { applyProposalEvent } from "~/server/commands/apply-proposal-event.server";
import { onEventsCommitted } from "~/server/notifications/after-commit.server";
import { startWorker } from "~/server/notifications/delivery.server";
import { fanOutNotificationEvents } from "~/server/notifications/emit.server";
import type { MailTransport } from "~/server/notifications/transport.server";
import { currentUser, makeWorld, testDatabaseLocation, type World } from "../support/db";
import { expectOk, proposalIn, proposalVersion } from "../support/meetings";

/**
 * Decision 031: a process event's transaction records one `notification_event` row; the fan-out
 * writes its notifications and e-mails after commit. Real database files (or PostgreSQL), the real
 * command, the real fan-out and worker.
 */

let dir: string;
let location: string;
let db: DB;
let world: World;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "innspill-fan-out-"));
  location = await testDatabaseLocation(dir);
  db = openDatabase(location);
  await migrateToLatest(db);
  world = await makeWorld(db);
});

afterEach(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** A transport that keeps nothing: these tests are about the rows, not the delivery. */
const nowhere: MailTransport = { kind: "eml", send: async () => {}, close: () => {} };

async function submitted(title: string): Promise<number> {
  const id = await proposalIn(db, world, "draft", title);
  await submit(db, id);
  return id;
}

function submit(on: DB, id: number) {
  return event(on, id, world.users.employee, "SUBMIT");
}

async function event(
  on: DB,
  proposalId: number,
  userId: number,
  type: "SUBMIT" | "ASSIGN",
  payload: Record<string, unknown> = {},
) {
  return expectOk(
    await applyProposalEvent(on, {
      proposalId,
      expectedVersion: await proposalVersion(on, proposalId),
      user: await currentUser(on, userId),
      type,
      payload,
    }),
    type,
  );
}

/** Every notification, as "user:kind:proposal", sorted; and the e-mails' notification ids. */
async function written() {
  const notifications = await db
    .selectFrom("notification")
    .select(["id", "user_id", "kind", "proposal_id"])
    .orderBy("id")
    .execute();
  const emails = await db.selectFrom("email_outbox").select("notification_id").execute();
  return {
    told: notifications.map((n) => `${n.user_id}:${n.kind}:${n.proposal_id}`).sort(),
    emailsFor: emails.map((e) => e.notification_id).sort(),
  };
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("the notification fan-out after commit", () => {
  it("a rolled-back event records nothing and tells nobody", { timeout: 60_000 }, async () => {
    const id = await submitted("Rullet tilbake");
    await fanOutNotificationEvents(db);
    const before = await written();
    await expect(
      db.transaction().execute(async (trx) => {
        const result = await applyProposalEvent(trx, {
          proposalId: id,
          expectedVersion: await proposalVersion(trx as DB, id),
          user: await currentUser(trx as DB, world.users.coordinator),
          type: "ASSIGN",
          payload: { groupId: world.bodies.groupHealth },
        });
        expect(result.ok).toBe(true);
        expect(await pendingNotificationEventCount(trx)).toBe(1);
        throw new Error("the caller fails after the event");
      }),
    ).rejects.toThrow("the caller fails");
    expect(await pendingNotificationEventCount(db)).toBe(0);
    expect(await fanOutNotificationEvents(db)).toBe(0);
    expect(await written()).toEqual(before);
  });

  it(
    "a committed event whose fan-out crashed is fanned out exactly once by a worker started later",
    { timeout: 120_000 },
    async () => {
      const id = await submitted("Krasj før utsending");
      await fanOutNotificationEvents(db);
      const before = await written();
      await event(db, id, world.users.coordinator, "ASSIGN", { groupId: world.bodies.groupHealth });
      expect(await pendingNotificationEventCount(db)).toBe(1);
      // A fan-out that dies before its commit: its transaction rolls back, the event stays pending.
      await expect(
        db.transaction().execute(async (trx) => {
          expect(await fanOutNotificationEvents(trx)).toBe(1);
          throw new Error("the process dies mid fan-out");
        }),
      ).rejects.toThrow("dies");
      expect(await pendingNotificationEventCount(db)).toBe(1);
      expect(await written()).toEqual(before);

      // The worker, started later (a new process would start it the same way), finds it on its first tick.
      const worker = startWorker({
        db,
        transport: nowhere,
        log: pino({ level: "silent" }),
        intervalMs: 60_000,
        jobs: [],
      });
      try {
        await waitFor(async () => (await pendingNotificationEventCount(db)) === 0, "the fan-out");
      } finally {
        await worker.stop();
      }
      const after = await written();
      const added = after.told.filter((t) => !before.told.includes(t));
      // The group's members are told of the assignment, once each; the coordinator (the actor) is not.
      expect(added.length).toBeGreaterThan(0);
      expect(new Set(added).size).toBe(added.length);
      expect(added.some((t) => t.startsWith(`${world.users.coordinator}:`))).toBe(false);
      // Fanning out again writes nothing more.
      expect(await fanOutNotificationEvents(db)).toBe(0);
      expect(await written()).toEqual(after);
    },
  );

  it(
    "an event that cannot be fanned out stays pending and holds up no other",
    { timeout: 120_000 },
    async () => {
      const first = await submitted("Før den ødelagte");
      await fanOutNotificationEvents(db);
      const before = await written();
      await event(db, first, world.users.coordinator, "ASSIGN", { groupId: world.bodies.groupHealth });
      // A recorded cause the fan-out cannot read (as a row written by a faulty version would be).
      await recordNotificationEvent(db, {
        proposal_id: first,
        cause: "{not json",
        at: new Date().toISOString(),
      });
      const second = await submitted("Etter den ødelagte");
      await event(db, second, world.users.coordinator, "ASSIGN", { groupId: world.bodies.groupHealth });
      // The first's assignment, the broken row, the second's submission and its assignment.
      expect(await pendingNotificationEventCount(db)).toBe(4);

      // The batch fails on the broken row; one at a time, the three others go out and it stays.
      expect(await fanOutNotificationEvents(db)).toBe(3);
      expect(await pendingNotificationEventCount(db)).toBe(1);
      const after = await written();
      const added = after.told.filter((t) => !before.told.includes(t));
      for (const id of [first, second])
        expect(added.some((t) => t.endsWith(`:${id}`) && t.includes(":proposalAssigned:"))).toBe(true);
      // Trying again writes nothing more and keeps it pending.
      expect(await fanOutNotificationEvents(db)).toBe(0);
      expect(await pendingNotificationEventCount(db)).toBe(1);
      expect(await written()).toEqual(after);
    },
  );

  it("the in-process worker is woken by the commit, not its poll", { timeout: 120_000 }, async () => {
    const id = await submitted("Vekket av commit");
    await fanOutNotificationEvents(db);
    const worker = startWorker({
      db,
      transport: nowhere,
      log: pino({ level: "silent" }),
      // Far longer than the wait below: only the wake can fan the event out in time.
      intervalMs: 10 * 60_000,
      jobs: [],
      wakeOn: onEventsCommitted,
    });
    try {
      // Let the worker's first tick pass, so the next one can only come from a wake.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const before = (await written()).told.length;
      await event(db, id, world.users.coordinator, "ASSIGN", { groupId: world.bodies.groupHealth });
      await waitFor(async () => (await written()).told.length > before, "the woken fan-out", 60_000);
      expect(await pendingNotificationEventCount(db)).toBe(0);
    } finally {
      await worker.stop();
    }
  });

  it("two drainers at once write every notification once", { timeout: 180_000 }, async () => {
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) ids.push(await submitted(`Samtidig ${i}`));
    // The reference: what one drainer writes for the submissions.
    await fanOutNotificationEvents(db);
    for (const id of ids) {
      await event(db, id, world.users.coordinator, "ASSIGN", { groupId: world.bodies.groupHealth });
    }
    expect(await pendingNotificationEventCount(db)).toBe(ids.length);
    const before = await written();
    const other = openDatabase(location);
    try {
      const [a, b] = await Promise.all([fanOutNotificationEvents(db, 2), fanOutNotificationEvents(other, 2)]);
      expect(a + b).toBe(ids.length);
    } finally {
      await other.destroy();
    }
    expect(await pendingNotificationEventCount(db)).toBe(0);
    const after = await written();
    const added = after.told.filter((t) => !before.told.includes(t));
    expect(new Set(added).size).toBe(added.length);
    // Every proposal's assignment told the same people (the group's members), once.
    const perProposal = new Map<string, number>();
    for (const t of added) {
      const proposal = t.split(":")[2]!;
      perProposal.set(proposal, (perProposal.get(proposal) ?? 0) + 1);
    }
    expect(perProposal.size).toBe(ids.length);
    expect(new Set(perProposal.values()).size).toBe(1);
    // Each immediate e-mail belongs to a distinct notification.
    expect(new Set(after.emailsFor).size).toBe(after.emailsFor.length);
  });
});
