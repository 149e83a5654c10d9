import { afterAll, describe, expect, it } from "vitest";
import { notificationKindLabels, emailModeLabels } from "~/domain/texts/notifications";
import { notificationCenterTexts as N } from "~/domain/texts/notification-center";
import { passwordResetTexts as R } from "~/domain/texts/password-reset";
import { expectNoAxeViolations, expectNoAxeViolationsWithoutScripts, loginAs } from "../support/browser";
import { seededBrowserApp } from "../support/seeded-app";
import { startTestSmtp, type TestSmtp } from "../support/smtp";

/**
 * The bell, /varsler, following a proposal, the e-mail choices on Min profil and "Glemt passord?",
 * in Chromium on the seeded demo, with axe on each page. The server delivers its e-mail with its own
 * in-process worker to a real SMTP server in this process.
 */

let smtp: TestSmtp | undefined;
const app = seededBrowserApp({
  env: async () => {
    smtp = await startTestSmtp();
    return { SMTP_URL: smtp.url, NOTIFICATION_WORKER: "in-process" };
  },
});
afterAll(async () => {
  await smtp?.close();
});

/** The bell's name for a count, as the header shows it (capped at 99+). */
const bellName = (unread: number) => N.bell.label(unread, unread >= 100);

async function unreadOf(email: string): Promise<number> {
  const row = await app.db
    .selectFrom("notification")
    .innerJoin("user", "user.id", "notification.user_id")
    .where("user.email", "=", email)
    .where("notification.read_at", "is", null)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("notifications in the browser", () => {
  it("the bell shows the unread count at the first demo login; marking read lowers it (no JavaScript)", async () => {
    const email = "ansatt@innspill.test";
    const unread = await unreadOf(email);
    expect(unread).toBeGreaterThan(0);
    const page = await app.open(email, false);
    const bell = page.getByRole("link", { name: bellName(unread) });
    await bell.waitFor();
    expect(await bell.locator(".badge").textContent()).toBe(unread >= 100 ? "99+" : String(unread));
    await bell.click();
    await page.getByRole("heading", { level: 1, name: N.list.title }).waitFor();
    await expectNoAxeViolationsWithoutScripts(app.browser, page, app.server.url);

    await page.getByRole("button", { name: N.list.markRead }).first().click();
    await page.getByRole("status").filter({ hasText: N.list.markedRead }).waitFor();
    await page.getByRole("link", { name: bellName(unread - 1) }).waitFor();
    expect(await unreadOf(email)).toBe(unread - 1);

    // Opening a notification from the list marks it read and leads to what it is about.
    if (unread - 1 > 0) {
      await page.locator(".notification-list li.unread a").first().click();
      await page.waitForURL((url) => url.pathname.startsWith("/innspill/"));
      expect(await unreadOf(email)).toBe(unread - 2);
      await page.goto(`${app.server.url}/varsler`);
    }
    if ((await unreadOf(email)) > 0) {
      await page.getByRole("button", { name: N.list.markAllRead }).click();
      await page.getByRole("status").filter({ hasText: N.list.allMarkedRead }).waitFor();
    }
    await page.getByRole("link", { name: bellName(0) }).waitFor();
    expect(await unreadOf(email)).toBe(0);
    await page.context().close();
  });

  it("follows and stops following a proposal (JavaScript on)", async () => {
    const email = "ansatt2@innspill.test";
    const proposal = await app.db
      .selectFrom("proposal")
      .innerJoin("user", "user.id", "proposal.author_id")
      .where("proposal.state", "=", "groupReview")
      .where("user.email", "!=", email)
      .select("proposal.id")
      .orderBy("proposal.id")
      .executeTakeFirstOrThrow();
    const following = () =>
      app.db
        .selectFrom("proposal_follower")
        .innerJoin("user", "user.id", "proposal_follower.user_id")
        .where("user.email", "=", email)
        .where("proposal_follower.proposal_id", "=", proposal.id)
        .select("proposal_follower.user_id")
        .execute();
    const page = await app.open(email, true);
    await page.goto(`${app.server.url}/innspill/${proposal.id}`);
    await page.getByRole("button", { name: N.follow.follow }).click();
    await page.getByRole("status").filter({ hasText: "Du følger nå innspillet" }).waitFor();
    expect(await following()).toHaveLength(1);
    await page.getByRole("button", { name: N.follow.unfollow }).click();
    await page.getByRole("status").filter({ hasText: "Du følger ikke lenger innspillet" }).waitFor();
    expect(await following()).toHaveLength(0);
    await page.context().close();
  });

  it("saves the e-mail choices on Min profil (JavaScript on)", async () => {
    const page = await app.open("faggruppemedlem@innspill.test", true);
    await page.goto(`${app.server.url}/min-profil#varsler`);
    const group = page.getByRole("group", { name: notificationKindLabels.meetingNotice });
    await group.getByLabel(emailModeLabels.off).check();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: N.preferences.submit }).click();
    await page.getByRole("status").filter({ hasText: N.preferences.saved }).waitFor();
    await page.reload();
    expect(
      await page
        .getByRole("group", { name: notificationKindLabels.meetingNotice })
        .getByLabel(emailModeLabels.off)
        .isChecked(),
    ).toBe(true);
    const row = await app.db
      .selectFrom("notification_preference")
      .innerJoin("user", "user.id", "notification_preference.user_id")
      .where("user.email", "=", "faggruppemedlem@innspill.test")
      .where("kind", "=", "meetingNotice")
      .select("mode")
      .executeTakeFirstOrThrow();
    expect(row.mode).toBe("off");
    await page.context().close();
  });

  it("Glemt passord? end to end: link by e-mail, new password, every session ended, link used once", async () => {
    const email = "ansatt3@innspill.test";
    const signedIn = await app.open(email, true);
    const page = await app.open(undefined, true);
    await page.goto(`${app.server.url}/logg-inn`);
    await page.getByRole("link", { name: R.link }).click();
    await page.getByRole("heading", { level: 1, name: R.request.title }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel(R.request.email).fill(email);
    await page.getByRole("button", { name: R.request.submit }).click();
    await page.getByRole("status").filter({ hasText: R.request.sent }).waitFor();

    // The link from the e-mail as it arrived at the SMTP server (the server's worker delivers it).
    const delivered = () =>
      smtp!.received.find((m) => m.to.includes(email) && m.parsed.subject === R.email.subject);
    await expect.poll(delivered, { timeout: 60_000, interval: 250 }).toBeDefined();
    const mail = delivered()!;
    const link = /\/nytt-passord\/[A-Za-z0-9_-]{43}/.exec(mail.parsed.text ?? "")?.[0];
    expect(link).toBeDefined();
    expect(mail.parsed.html).toContain(link);
    await page.goto(`${app.server.url}${link}`);
    await page.getByRole("heading", { level: 1, name: R.choose.title }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel(R.choose.newPassword, { exact: true }).fill("et-nytt-og-langt-passord");
    await page.getByLabel(R.choose.repeatPassword, { exact: true }).fill("et-nytt-og-langt-passord");
    await page.getByRole("button", { name: R.choose.submit }).click();
    await page.getByRole("status").filter({ hasText: R.choose.done }).waitFor();

    // The session that was open before is ended.
    await signedIn.goto(`${app.server.url}/varsler`);
    await signedIn.waitForURL((url) => url.pathname === "/logg-inn");

    // The link cannot be used twice.
    await page.goto(`${app.server.url}${link}`);
    await page.getByRole("alert").filter({ hasText: R.choose.used }).waitFor();

    // The old password fails, the new one works.
    const old = await fetch(`${app.server.url}/logg-inn`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.server.url },
      body: new URLSearchParams({ email, password: "demo1234", redirectTo: "/" }),
    });
    expect(old.status).toBe(401);
    await loginAs(page, app.server.url, email, "et-nytt-og-langt-passord");
    await page.getByRole("link", { name: /^Varsler/ }).waitFor();
    await page.context().close();
    await signedIn.context().close();
  });
});
