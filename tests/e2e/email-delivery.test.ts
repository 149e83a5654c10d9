import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "#db/connection";
import { enqueueEmail, insertNotifications } from "#db/repositories/notification.repository";
import type { ParsedMail } from "mailparser";
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutScripts,
  launchBrowser,
  loginAs,
} from "../support/browser";
import { freePort, loginCookie, startServer, type TestServer } from "../support/server";
import { startTestSmtp, type TestSmtp } from "../support/smtp";

/**
 * E-mail delivery through the built server: its in-process worker sends the outbox over a real
 * SMTP server; a permanently refused message shows on the administrator's page and "Send på nytt"
 * delivers it; the unsubscribe link of a message works in a browser and as a one-click POST.
 */
describe("e-mail delivery through the server", () => {
  let smtp: TestSmtp;
  let server: TestServer;
  let db: DB;
  let browser: Browser;
  let employeeId: number;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    const port = await freePort();
    server = await startServer({
      seed: true,
      port,
      env: {
        SMTP_URL: smtp.url,
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        MAIL_FROM: "Innspill <innspill@test.invalid>",
      },
    });
    db = openDatabase(server.databasePath);
    const employee = await db
      .selectFrom("user")
      .select("id")
      .where("email", "=", "ansatt@innspill.test")
      .executeTakeFirstOrThrow();
    employeeId = employee.id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await db?.destroy();
    await server?.stop();
    await smtp?.close();
  });

  async function enqueue(subject: string, kind?: string, to = "ansatt@innspill.test") {
    const now = new Date().toISOString();
    const messageId = `<${randomUUID()}@innspill.test>`;
    const [notificationId] = kind
      ? await insertNotifications(db, [
          {
            user_id: employeeId,
            kind,
            title: subject,
            link: "/innspill",
            email: "immediate",
            created_at: now,
          },
        ])
      : [null];
    const id = await enqueueEmail(db, {
      user_id: employeeId,
      notification_id: notificationId ?? null,
      to_address: to,
      message_id: messageId,
      subject,
      text_body: `${subject}\n\nSe https://innspill.test/innspill`,
      html_body: `<p>${subject}</p>`,
      ics: null,
      next_attempt_at: now,
      created_at: now,
    });
    return { id, messageId };
  }

  const status = async (id: number) =>
    (await db.selectFrom("email_outbox").select("status").where("id", "=", id).executeTakeFirstOrThrow())
      .status;

  it(
    "a refused message is failed, shown to the administrator, and “Send på nytt” delivers it",
    { timeout: 150_000 },
    async () => {
      // Addressed on its own, since the demo's reminders and digests go out meanwhile.
      const to = `avvist-${randomUUID()}@innspill.test`;
      smtp.rejectRecipient(to, 550);
      const { id, messageId } = await enqueue("Avvist første gang", undefined, to);
      await expect.poll(() => status(id), { timeout: 60_000, interval: 250 }).toBe("failed");
      expect(smtp.withMessageId(messageId)).toHaveLength(0);

      const context = await browser.newContext();
      context.setDefaultTimeout(40_000);
      const page = await context.newPage();
      await loginAs(page, server.url, "admin@innspill.test");
      await page.goto(`${server.url}/admin`);
      await page.getByRole("link", { name: "E-post" }).click();
      await page.getByRole("heading", { level: 1, name: "E-post" }).waitFor();
      const failed = page.getByRole("region", { name: "Feilede e-poster" });
      await failed.getByRole("link", { name: "Les «Avvist første gang»" }).waitFor();
      expect(await failed.textContent()).toContain("550");
      await expectNoAxeViolations(page);

      await failed.getByRole("link", { name: "Les «Avvist første gang»" }).click();
      await page.getByRole("heading", { level: 1, name: `E-post ${id}` }).waitFor();
      expect(await page.locator("pre").first().textContent()).toContain("Se https://innspill.test/innspill");
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Send på nytt" }).click();
      await page.getByRole("status").filter({ hasText: "lagt tilbake i utboksen" }).waitFor();

      await expect
        .poll(() => smtp.withMessageId(messageId).length, { timeout: 60_000, interval: 250 })
        .toBe(1);
      await expect.poll(() => status(id), { timeout: 30_000, interval: 250 }).toBe("sent");

      // Sent, it cannot be sent again: the form is gone, and a replayed post is refused.
      await page.reload();
      expect(await page.getByRole("button", { name: "Send på nytt" }).count()).toBe(0);
      const cookie = await loginCookie(server.url, "admin@innspill.test");
      const replay = await fetch(`${server.url}/admin/e-post/${id}`, {
        method: "POST",
        redirect: "manual",
        headers: { Origin: server.url, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: "intent=resend",
      });
      expect(replay.status).toBe(409);
      await context.close();
    },
  );

  function unsubscribeUrlOf(mail: ParsedMail): string {
    const line = mail.headerLines
      .find((h) => h.key === "list-unsubscribe")!
      .line.replace(/\r?\n[ \t]+/g, " ");
    return /<([^>]+)>/.exec(line)![1]!;
  }

  const preference = (kind: string) =>
    db
      .selectFrom("notification_preference")
      .select("mode")
      .where("user_id", "=", employeeId)
      .where("kind", "=", kind)
      .executeTakeFirst();

  it(
    "the unsubscribe link turns that kind of e-mail off, in a browser without JavaScript",
    { timeout: 150_000 },
    async () => {
      const { messageId } = await enqueue("Innspillet er endret", "proposalChanged");
      await expect
        .poll(() => smtp.withMessageId(messageId).length, { timeout: 60_000, interval: 250 })
        .toBe(1);
      const url = unsubscribeUrlOf(smtp.withMessageId(messageId)[0]!.parsed);
      expect(url.startsWith(`${server.url}/avmelding/`)).toBe(true);

      const context = await browser.newContext({ javaScriptEnabled: false });
      context.setDefaultTimeout(40_000);
      const page = await context.newPage();
      await page.goto(url);
      await page.getByRole("heading", { level: 1, name: "Meld av e-postvarsler" }).waitFor();
      expect(await page.textContent("main")).toContain(
        "Endringer i innspill jeg har sendt inn, støtter eller følger",
      );
      await expectNoAxeViolationsWithoutScripts(browser, page, server.url);
      // The demo may have seeded a choice for it; not "off".
      expect((await preference("proposalChanged"))?.mode).not.toBe("off");
      await page.getByRole("button", { name: "Meld meg av" }).click();
      await page.getByRole("status").filter({ hasText: "Du er meldt av." }).waitFor();
      expect(await preference("proposalChanged")).toEqual({ mode: "off" });

      // A link whose signature was changed is not found, with a page that says so.
      const forged = await page.goto(url.slice(0, -1) + (url.endsWith("A") ? "B" : "A"));
      expect(forged?.status()).toBe(404);
      expect(await page.textContent("main")).toContain("Avmeldingslenken er ugyldig");
      await context.close();
    },
  );

  it(
    "a mail client's one-click POST (RFC 8058) unsubscribes and is answered 200",
    { timeout: 120_000 },
    async () => {
      const { messageId } = await enqueue("Innkalling til møte", "meetingNotice");
      await expect
        .poll(() => smtp.withMessageId(messageId).length, { timeout: 60_000, interval: 250 })
        .toBe(1);
      const mail = smtp.withMessageId(messageId)[0]!.parsed;
      expect(mail.headerLines.find((h) => h.key === "list-unsubscribe-post")?.line).toBe(
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
      );
      // As a mail provider sends it: from its own server, no cookie, no Origin.
      const response = await fetch(unsubscribeUrlOf(mail), {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("Du er meldt av");
      expect(await preference("meetingNotice")).toEqual({ mode: "off" });
    },
  );
});
