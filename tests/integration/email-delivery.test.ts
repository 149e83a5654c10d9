import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { simpleParser, type ParsedMail } from "mailparser";
import pino from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { migrateToLatest, openDatabase, type DB } from "#db/connection";
import { makeUser } from "#db/factories";
import { enqueueEmail, insertNotifications } from "#db/repositories/notification.repository";
import { resendEmailCommand } from "~/server/commands/resend-email.server";
import {
  backoffMs,
  defaultDeliveryOptions,
  deliverDue,
  workerTick,
} from "~/server/notifications/delivery.server";
import { createTransport, type TransportSettings } from "~/server/notifications/transport.server";
import { verifyUnsubscribeToken } from "~/server/notifications/unsubscribe.server";
import { startTestSmtp, type TestSmtp } from "../support/smtp";

const root = fileURLToPath(new URL("../..", import.meta.url));
const silent = pino({ level: "silent" });
const SECRET = "a-test-session-secret-of-at-least-32-characters";

let smtp: TestSmtp;
let dir: string;
let db: DB;
let userId: number;

beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp.close();
});

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "innspill-mail-"));
  db = openDatabase(path.join(dir, "innspill.db"));
  await migrateToLatest(db);
  userId = await makeUser(db, { passwordHash: "x", email: `mottaker-${randomUUID()}@test.invalid` });
});
afterEach(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const settings = (smtpUrl: string | undefined): TransportSettings => ({
  smtpUrl,
  from: "Innspill <innspill@test.invalid>",
  outboxDir: path.join(dir, "outbox"),
  publicUrl: "https://innspill.test.invalid",
  sessionSecret: SECRET,
});

const T0 = new Date("2026-12-01T08:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

/** Puts an e-mail in the outbox as the notification rules do; `kind` makes it a notification's. */
async function enqueue(opts: { kind?: string; ics?: string; subject?: string; due?: Date } = {}) {
  const messageId = `<${randomUUID()}@innspill.test.invalid>`;
  let notificationId: number | null = null;
  if (opts.kind) {
    [notificationId] = await insertNotifications(db, [
      {
        user_id: userId,
        kind: opts.kind,
        title: "Et innspill er endret",
        link: "/innspill/1",
        email: "immediate",
        created_at: T0.toISOString(),
      },
    ]);
  }
  const id = await enqueueEmail(db, {
    user_id: userId,
    notification_id: notificationId,
    to_address: "mottaker@test.invalid",
    message_id: messageId,
    subject: opts.subject ?? "Innspillet ditt er behandlet",
    text_body: "Hei!\n\nInnspillet ditt er behandlet. Se https://innspill.test.invalid/innspill/1",
    html_body: "<p>Hei!</p><p>Innspillet ditt er behandlet.</p>",
    ics: opts.ics ?? null,
    next_attempt_at: (opts.due ?? T0).toISOString(),
    created_at: T0.toISOString(),
  });
  return { id, messageId };
}

/** A header as sent, unfolded (mailparser reads List-* headers into its own shape). */
function header(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line?.replace(/\r?\n[ \t]+/g, " ").replace(/^[^:]+:\s*/, "");
}

const row = (id: number) =>
  db.selectFrom("email_outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

const ICS = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//Innspill//NO",
  "METHOD:PUBLISH",
  "BEGIN:VEVENT",
  "UID:meeting-1@innspill.test.invalid",
  "DTSTAMP:20261201T080000Z",
  "DTSTART:20261210T090000Z",
  "SUMMARY:Møte i styret",
  "END:VEVENT",
  "END:VCALENDAR",
].join("\r\n");

describe("delivery over SMTP", () => {
  it("sends each due e-mail exactly once, with a stable Message-ID, the headers and the parts", async () => {
    const transport = createTransport(settings(smtp.url));
    const before = smtp.received.length;
    const plain = await enqueue();
    const notified = await enqueue({ kind: "proposalChanged" });
    const invitation = await enqueue({ kind: "meetingNotice", ics: ICS, subject: "Innkalling" });

    const result = await workerTick(db, transport, T0, silent, []);
    expect(result).toEqual({ sent: 3, retried: 0, failed: 0 });
    // Nothing is due any more: a second tick sends nothing.
    expect(await workerTick(db, transport, at(60_000), silent, [])).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
    transport.close();
    expect(smtp.received.length - before).toBe(3);

    for (const { id, messageId } of [plain, notified, invitation]) {
      const [mail] = smtp.withMessageId(messageId);
      expect(smtp.withMessageId(messageId)).toHaveLength(1);
      expect(mail!.to).toEqual(["mottaker@test.invalid"]);
      expect(mail!.parsed.from?.text).toBe('"Innspill" <innspill@test.invalid>');
      expect(mail!.parsed.headers.get("auto-submitted")).toBe("auto-generated");
      expect(mail!.parsed.text).toContain("Innspillet ditt er behandlet");
      expect(mail!.parsed.html).toContain("<p>Innspillet ditt er behandlet.</p>");
      const stored = await row(id);
      expect(stored.status).toBe("sent");
      expect(stored.sent_at).not.toBeNull();
      expect(stored.attempts).toBe(1);
    }

    // Not from a notification: no unsubscribe header.
    expect(header(smtp.withMessageId(plain.messageId)[0]!.parsed, "List-Unsubscribe")).toBeUndefined();

    // From a notification: one-click unsubscribe of that kind, for that person.
    const notice = smtp.withMessageId(notified.messageId)[0]!.parsed;
    expect(header(notice, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const unsubscribe = /^<([^>]+)>$/.exec(header(notice, "List-Unsubscribe") ?? "");
    expect(unsubscribe).not.toBeNull();
    const url = new URL(unsubscribe![1]!);
    expect(url.origin).toBe("https://innspill.test.invalid");
    const token = url.pathname.replace(/^\/avmelding\//, "");
    expect(verifyUnsubscribeToken(SECRET, token)).toEqual({ userId, kind: "proposalChanged" });

    // The meeting notice carries its calendar invitation.
    const attachments = smtp.withMessageId(invitation.messageId)[0]!.parsed.attachments;
    expect(attachments).toHaveLength(1);
    expect(attachments[0]!.filename).toBe("invitation.ics");
    expect(attachments[0]!.contentType).toBe("text/calendar");
    expect(attachments[0]!.headers.get("content-type")).toMatchObject({ params: { method: "PUBLISH" } });
    expect(attachments[0]!.content.toString("utf8")).toContain("SUMMARY:Møte i styret");
  });

  it("retries a temporary refusal (451) after the back-off, and delivers it once", async () => {
    const transport = createTransport(settings(smtp.url));
    const { id, messageId } = await enqueue();
    smtp.rejectNext(1, 451);

    expect(await deliverDue(db, transport, T0, silent)).toEqual({ sent: 0, retried: 1, failed: 0 });
    const waiting = await row(id);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1, claimed_until: null });
    expect(waiting.last_error).toContain("451");
    expect(waiting.next_attempt_at).toBe(at(backoffMs(1)).toISOString());

    // Before the back-off has passed nothing is sent.
    expect(await deliverDue(db, transport, at(backoffMs(1) - 1000), silent)).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
    expect(smtp.withMessageId(messageId)).toHaveLength(0);

    expect(await deliverDue(db, transport, at(backoffMs(1)), silent)).toEqual({
      sent: 1,
      retried: 0,
      failed: 0,
    });
    transport.close();
    expect(smtp.withMessageId(messageId)).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("grows the back-off and gives up after the maximum number of attempts", async () => {
    expect([1, 2, 3, 4, 5].map(backoffMs)).toEqual([60_000, 120_000, 240_000, 480_000, 960_000]);
    expect(backoffMs(30)).toBe(3_600_000);

    const transport = createTransport(settings(smtp.url));
    const { id, messageId } = await enqueue();
    const options = { ...defaultDeliveryOptions, maxAttempts: 3 };
    smtp.rejectNext(3, 421);
    let now = T0;
    for (let attempt = 1; attempt <= 3; attempt++) {
      await deliverDue(db, transport, now, silent, options);
      const stored = await row(id);
      expect(stored.attempts).toBe(attempt);
      expect(stored.status).toBe(attempt < 3 ? "pending" : "failed");
      now = new Date(stored.next_attempt_at);
    }
    expect(await deliverDue(db, transport, at(24 * 3600_000), silent, options)).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
    transport.close();
    expect(smtp.withMessageId(messageId)).toHaveLength(0);
  });

  it("fails a permanent refusal (550) at once; “Send på nytt” delivers it with the same Message-ID", async () => {
    const transport = createTransport(settings(smtp.url));
    const { id, messageId } = await enqueue();
    smtp.rejectNext(1, 550);
    expect(await deliverDue(db, transport, T0, silent)).toEqual({ sent: 0, retried: 0, failed: 1 });
    const failed = await row(id);
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed.last_error).toContain("550");

    expect(await resendEmailCommand(db, { id })).toEqual({ ok: true });
    // A second click finds it no longer failed.
    expect(await resendEmailCommand(db, { id })).toMatchObject({ ok: false, status: 409 });
    expect(await resendEmailCommand(db, { id: id + 1000 })).toMatchObject({ ok: false, status: 404 });
    expect(await row(id)).toMatchObject({ status: "pending", attempts: 0, message_id: messageId });

    expect(await deliverDue(db, transport, new Date(), silent)).toEqual({ sent: 1, retried: 0, failed: 0 });
    transport.close();
    expect(smtp.withMessageId(messageId)).toHaveLength(1);
  });

  it("two workers on the same database at the same moment send each e-mail once", async () => {
    const ids = [];
    for (let i = 0; i < 12; i++) ids.push(await enqueue({ subject: `Melding ${i}` }));
    const other = openDatabase(path.join(dir, "innspill.db"));
    const a = createTransport(settings(smtp.url));
    const b = createTransport(settings(smtp.url));
    const options = { ...defaultDeliveryOptions, batchSize: 2 };
    const [ra, rb] = await Promise.all([
      deliverDue(db, a, T0, silent, options),
      deliverDue(other, b, T0, silent, options),
    ]);
    a.close();
    b.close();
    await other.destroy();
    expect(ra.sent + rb.sent).toBe(12);
    for (const { messageId } of ids) expect(smtp.withMessageId(messageId)).toHaveLength(1);
  });

  it("takes over a claim that ran out (a crashed worker), and not one still held", async () => {
    const transport = createTransport(settings(smtp.url));
    const { id, messageId } = await enqueue();
    // A worker claimed it and died before sending.
    await db
      .updateTable("email_outbox")
      .set({ status: "sending", attempts: 1, claimed_until: at(60_000).toISOString() })
      .where("id", "=", id)
      .execute();
    expect((await deliverDue(db, transport, at(30_000), silent)).sent).toBe(0);
    expect((await deliverDue(db, transport, at(61_000), silent)).sent).toBe(1);
    transport.close();
    expect(smtp.withMessageId(messageId)).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("runs the periodic jobs each tick before delivering, and a failing job stops nothing", async () => {
    const transport = createTransport(settings(smtp.url));
    const seen: string[] = [];
    let written: { messageId: string } | undefined;
    const jobs = [
      async () => {
        throw new Error("a broken job");
      },
      async (jobDb: DB, now: Date) => {
        seen.push(now.toISOString());
        written = await enqueue({ subject: "Daglig oppsummering" });
        expect(jobDb).toBe(db);
      },
    ];
    expect((await workerTick(db, transport, T0, silent, jobs)).sent).toBe(1);
    transport.close();
    expect(seen).toEqual([T0.toISOString()]);
    expect(smtp.withMessageId(written!.messageId)).toHaveLength(1);
  });
});

describe("delivery without SMTP (the demo)", () => {
  it("writes one .eml file per message that mailparser reads, with the same headers", async () => {
    const transport = createTransport(settings(undefined));
    const { id, messageId } = await enqueue({ kind: "meetingNotice", ics: ICS });
    expect(await deliverDue(db, transport, T0, silent)).toEqual({ sent: 1, retried: 0, failed: 0 });
    const files = readdirSync(path.join(dir, "outbox"));
    expect(files).toEqual([`${String(id).padStart(8, "0")}.eml`]);
    const parsed = await simpleParser(readFileSync(path.join(dir, "outbox", files[0]!)));
    expect(parsed.messageId).toBe(messageId);
    expect(parsed.subject).toBe("Innspillet ditt er behandlet");
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : "").toBe("mottaker@test.invalid");
    expect(parsed.text).toContain("Innspillet ditt er behandlet");
    expect(parsed.html).toContain("<p>Hei!</p>");
    expect(parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect(header(parsed, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(header(parsed, "List-Unsubscribe")).toMatch(
      /^<https:\/\/innspill\.test\.invalid\/avmelding\/\d+\.meetingNotice\.[\w-]{43}>$/,
    );
    expect(parsed.attachments.map((a) => a.filename)).toEqual(["invitation.ics"]);
    expect(await row(id)).toMatchObject({ status: "sent" });
  });
});

describe("a worker process killed mid-delivery", () => {
  let workers: ChildProcess[] = [];
  let errors = "";
  afterEach(() => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill("SIGKILL");
    workers = [];
  });

  /** `npm run worker` as its own process on the test's database, ticking often, with a short claim. */
  function startWorker(): ChildProcess {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/worker.ts", "--interval-ms=200", "--claim-seconds=2"],
      {
        cwd: root,
        env: {
          ...process.env,
          DATA_DIR: dir,
          SMTP_URL: smtp.url,
          MAIL_FROM: "Innspill <innspill@test.invalid>",
          PUBLIC_URL: "https://innspill.test.invalid",
          LOG_LEVEL: "silent",
        },
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    workers.push(child);
    return child;
  }

  it("loses no message when restarted; the one resent carries the same Message-ID", async () => {
    const enqueued = [];
    // Due now on the clock: the worker process runs on real time.
    for (let i = 0; i < 5; i++) enqueued.push(await enqueue({ subject: `Melding ${i}`, due: new Date() }));
    const before = smtp.received.length;

    // The server keeps its reply to the first message it receives: the worker waits in DATA.
    const held = smtp.holdNext();
    const first = startWorker();
    const heldMail = await Promise.race([
      held,
      new Promise<never>((_, reject) =>
        first.once("exit", (code) => reject(new Error(`The worker exited (${code}):\n${errors}`))),
      ),
    ]);
    const exited = new Promise((resolve) => first.once("exit", resolve));
    first.kill("SIGKILL");
    await exited;
    const claimed = await db
      .selectFrom("email_outbox")
      .select(["message_id", "status"])
      .where("status", "=", "sending")
      .execute();
    expect(claimed.map((c) => c.message_id)).toContain(heldMail.parsed.messageId);

    startWorker();
    await expect
      .poll(
        async () =>
          (await db.selectFrom("email_outbox").select("status").execute()).every((r) => r.status === "sent"),
        { timeout: 90_000, interval: 250 },
      )
      .toBe(true);

    const got = smtp.received.slice(before).map((m) => m.parsed.messageId);
    // Every message arrived…
    for (const { messageId } of enqueued) expect(got).toContain(messageId);
    // …and the only one that may arrive twice is the one in flight at the kill, under the same Message-ID.
    const duplicates = got.filter((id, i) => got.indexOf(id) !== i);
    expect(duplicates.every((id) => id === heldMail.parsed.messageId)).toBe(true);
    // It was written by the server before its withheld reply, so it came twice: recognisably the same.
    expect(got.filter((id) => id === heldMail.parsed.messageId)).toHaveLength(2);
    expect(smtp.received.slice(before).length).toBeLessThanOrEqual(enqueued.length + 1);
  }, 180_000);
});
