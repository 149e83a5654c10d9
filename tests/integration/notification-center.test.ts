import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { insertNotifications } from "#db/repositories/notification.repository";
import { createSession } from "#db/repositories/user.repository";
import { passwordResetTexts } from "~/domain/texts/password-reset";
import {
  markAllRead,
  markRead,
  openNotification,
  saveNotificationPreferences,
  saveStepLimitsCommand,
  setFollowing,
} from "~/server/commands/notification-center.server";
import {
  countUnread,
  listNotificationsOfUser,
  listStepLimits,
} from "#db/repositories/notification-center.repository";
import {
  bell,
  limitedStates,
  preferencesPanel,
  stepLimitsFingerprint,
} from "~/server/notification-center.server";
import { verifyPassword } from "~/server/password.server";
import {
  RESET_PER_ADDRESS,
  RESET_PER_EMAIL,
  requestPasswordReset,
  resetPassword,
  resetTokenState,
} from "~/server/password-reset.server";
import { currentUser, makeWorld, testDb, type World } from "../support/db";
import { proposalIn } from "../support/meetings";

// The configuration is read on first use; its data directory must not be the repository's.
process.env.DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "innspill-notif-"));
process.env.PUBLIC_URL = "https://innspill.example.no";

let db: DB;
let world: World;

async function notify(userId: number, title = "Noe har skjedd") {
  const [id] = await insertNotifications(db, [
    {
      user_id: userId,
      kind: "proposalChanged",
      proposal_id: null,
      meeting_id: null,
      title,
      body: "",
      link: "/innspill/1",
      dedupe_key: null,
      email: "none",
      digested_at: null,
      created_at: new Date().toISOString(),
      read_at: null,
    },
  ]);
  return id!;
}

beforeEach(async () => {
  db = await testDb();
  world = await makeWorld(db);
});

describe("the bell and the list", () => {
  it("counts one's unread notifications; marking one, then all, read lowers it; another's is 404", async () => {
    const me = await currentUser(db, world.users.employee);
    const other = await currentUser(db, world.users.employee2);
    const a = await notify(me.id);
    await notify(me.id);
    await notify(me.id);
    const theirs = await notify(other.id);
    expect((await bell(me.id, db)).unread).toBe(3);

    expect(await markRead(db, { user: me, id: a })).toEqual({ ok: true });
    expect((await bell(me.id, db)).unread).toBe(2);
    // Someone else's notification is as missing as one that never was, and stays unread.
    expect(await markRead(db, { user: me, id: theirs })).toMatchObject({ ok: false, status: 404 });
    expect(await openNotification(db, { user: me, id: theirs })).toMatchObject({ ok: false, status: 404 });
    expect((await bell(other.id, db)).unread).toBe(1);

    expect(await markAllRead(db, { user: me })).toEqual({ ok: true });
    expect((await bell(me.id, db)).unread).toBe(0);
    expect((await bell(other.id, db)).unread).toBe(1);
  });

  it("pages newest first by id, and the bell's count stops at its cap", async () => {
    const me = await currentUser(db, world.users.employee);
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) ids.push(await notify(me.id, `Varsel ${i}`));
    const first = await listNotificationsOfUser(db, me.id, { before: null, limit: 50 });
    expect(first.map((n) => n.id)).toEqual(ids.slice(10).reverse());
    const second = await listNotificationsOfUser(db, me.id, { before: first.at(-1)!.id, limit: 50 });
    expect(second.map((n) => n.id)).toEqual(ids.slice(0, 10).reverse());
    expect(await countUnread(db, me.id, 25)).toBe(25);
    expect(await countUnread(db, me.id, 100)).toBe(60);
  });

  it("opening a notification marks it read and gives its link", async () => {
    const me = await currentUser(db, world.users.employee);
    const id = await notify(me.id);
    expect(await openNotification(db, { user: me, id })).toEqual({ ok: true, link: "/innspill/1" });
    expect((await bell(me.id, db)).unread).toBe(0);
  });
});

describe("following a proposal", () => {
  it("anyone who may see it follows and stops; a draft is 404 to others and 409 to its author", async () => {
    const submitted = await proposalIn(db, world, "groupReview");
    const draft = await proposalIn(db, world, "draft");
    const reader = await currentUser(db, world.users.employee2);
    const author = await currentUser(db, world.users.employee);
    const followers = () => db.selectFrom("proposal_follower").select(["proposal_id", "user_id"]).execute();

    expect(await setFollowing(db, { user: reader, proposalId: submitted, follow: true })).toEqual({
      ok: true,
    });
    expect(await setFollowing(db, { user: reader, proposalId: submitted, follow: true })).toEqual({
      ok: true,
    });
    expect(await followers()).toEqual([{ proposal_id: submitted, user_id: reader.id }]);
    expect(await setFollowing(db, { user: reader, proposalId: submitted, follow: false })).toEqual({
      ok: true,
    });
    expect(await followers()).toEqual([]);

    expect(await setFollowing(db, { user: reader, proposalId: draft, follow: true })).toMatchObject({
      status: 404,
    });
    expect(await setFollowing(db, { user: author, proposalId: draft, follow: true })).toMatchObject({
      status: 409,
    });
    expect(await followers()).toEqual([]);
  });
});

describe("preferences", () => {
  it("saves a choice per kind; the defaults show until then", async () => {
    const me = await currentUser(db, world.users.employee);
    const before = await preferencesPanel(me, db);
    expect(before.kinds.find((k) => k.kind === "awaitingRouting")?.mode).toBe("digest");
    const form = Object.fromEntries(before.kinds.map((k) => [k.kind, "off"])) as Record<
      (typeof before.kinds)[number]["kind"],
      "off"
    >;
    expect(
      await saveNotificationPreferences(db, {
        user: me,
        form: { intent: "preferences", ...form, proposalChanged: "digest" } as never,
      }),
    ).toEqual({ ok: true });
    const after = await preferencesPanel(me, db);
    expect(after.kinds.find((k) => k.kind === "proposalChanged")?.mode).toBe("digest");
    expect(after.kinds.find((k) => k.kind === "awaitingRouting")?.mode).toBe("off");
    const rows = await db
      .selectFrom("notification_preference")
      .selectAll()
      .where("user_id", "=", me.id)
      .execute();
    expect(rows).toHaveLength(before.kinds.length);
  });
});

const fingerprintNow = async () => stepLimitsFingerprint(await listStepLimits(db));

describe("step limits", () => {
  it("an administrator sets days per waiting state; a stale page is refused; others get 403", async () => {
    const admin = await currentUser(db, world.users.admin);
    const page = { fingerprint: await fingerprintNow() };
    expect(limitedStates).toContain("groupReview");
    expect(limitedStates).not.toContain("draft");
    expect(limitedStates).not.toContain("completed");

    const limits = { groupReview: 30, committeeReview: 45 };
    expect(await saveStepLimitsCommand(db, { user: admin, fingerprint: page.fingerprint, limits })).toEqual({
      ok: true,
    });
    const rows = await db.selectFrom("step_limit").selectAll().orderBy("state").execute();
    expect(rows).toEqual([
      { state: "committeeReview", limit_days: 45 },
      { state: "groupReview", limit_days: 30 },
    ]);
    // The page the first save came from is stale now: refused, not overwritten.
    expect(
      await saveStepLimitsCommand(db, {
        user: admin,
        fingerprint: page.fingerprint,
        limits: { groupReview: 7 },
      }),
    ).toMatchObject({ ok: false, status: 409 });
    expect((await listStepLimits(db)).find((s) => s.state === "groupReview")?.limit_days).toBe(30);
    const fresh = { fingerprint: await fingerprintNow() };
    // A field left empty removes that state's limit.
    expect(
      await saveStepLimitsCommand(db, {
        user: admin,
        fingerprint: fresh.fingerprint,
        limits: { groupReview: 7 },
      }),
    ).toEqual({ ok: true });
    expect(await db.selectFrom("step_limit").selectAll().execute()).toEqual([
      { state: "groupReview", limit_days: 7 },
    ]);

    const employee = await currentUser(db, world.users.employee);
    const latest = { fingerprint: await fingerprintNow() };
    expect(
      await saveStepLimitsCommand(db, { user: employee, fingerprint: latest.fingerprint, limits: {} }),
    ).toMatchObject({ ok: false, status: 403 });
  });
});

describe("Glemt passord?", () => {
  const outbox = () => db.selectFrom("email_outbox").selectAll().orderBy("id").execute();
  const linkIn = (text: string) =>
    /https:\/\/innspill\.example\.no\/nytt-passord\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];

  beforeAll(() => {
    expect(RESET_PER_EMAIL).toBeGreaterThan(1);
  });

  it("mails a single-use link (only its hash stored) that sets the password and ends every session", async () => {
    const userId = world.users.employee;
    const email = "ansatt@test.invalid";
    for (const id of ["a", "b"])
      await createSession(db, {
        id: `session-${id}`,
        userId,
        createdAt: new Date().toISOString(),
        expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      });
    expect(await requestPasswordReset(db, { email: "  ANSATT@test.invalid ", ip: "10.0.0.1" })).toEqual({
      ok: true,
    });
    expect(await requestPasswordReset(db, { email, ip: "10.0.0.1" })).toEqual({ ok: true });
    const mails = await outbox();
    expect(mails).toHaveLength(2);
    expect(mails[0]).toMatchObject({
      to_address: email,
      user_id: userId,
      notification_id: null,
      status: "pending",
    });
    expect(mails[0]!.subject).toBe(passwordResetTexts.email.subject);
    expect(mails[0]!.html_body).toContain('<html lang="nb">');
    const first = linkIn(mails[0]!.text_body)!;
    const second = linkIn(mails[1]!.text_body)!;
    expect(first).toBeDefined();
    expect(mails[0]!.html_body).toContain(first);
    const stored = await db.selectFrom("password_reset").select("token_hash").execute();
    expect(stored.map((r) => r.token_hash)).not.toContain(first);
    expect(stored).toHaveLength(2);

    expect(await resetTokenState(db, first)).toBe("valid");
    const form = { newPassword: "et-helt-nytt-passord", repeatPassword: "et-helt-nytt-passord" };
    expect(await resetPassword(db, { token: first, form })).toEqual({ ok: true });
    const account = await db
      .selectFrom("user")
      .selectAll()
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    expect(await verifyPassword("et-helt-nytt-passord", account.password_hash)).toBe(true);
    expect(await db.selectFrom("session").select("id").where("user_id", "=", userId).execute()).toEqual([]);

    // Used once: it cannot be used again, and the account's other link ended with it.
    expect(await resetTokenState(db, first)).toBe("used");
    expect(await resetPassword(db, { token: first, form })).toMatchObject({
      ok: false,
      status: 400,
      message: passwordResetTexts.choose.used,
    });
    expect(await resetTokenState(db, second)).toBe("used");
    expect(await resetTokenState(db, "x".repeat(43))).toBe("invalid");
    expect(await resetTokenState(db, "../../etc")).toBe("invalid");
  });

  it("gives the same answer and sends nothing for an unknown e-mail or an account without a password", async () => {
    await db.updateTable("user").set({ password_hash: "" }).where("id", "=", world.users.employee2).execute();
    await db.updateTable("user").set({ active: 0 }).where("id", "=", world.users.groupMember).execute();
    for (const email of ["ingen@test.invalid", "ansatt2@test.invalid", "gruppemedlem@test.invalid"])
      expect(await requestPasswordReset(db, { email, ip: "10.0.0.2" })).toEqual({ ok: true });
    expect(await outbox()).toEqual([]);
    expect(await db.selectFrom("password_reset").selectAll().execute()).toEqual([]);
  });

  it("a link expires after an hour", async () => {
    const an = new Date(Date.now() - 61 * 60_000);
    await requestPasswordReset(db, { email: "ansatt@test.invalid", ip: "10.0.0.3", now: an });
    const token = linkIn((await outbox())[0]!.text_body)!;
    expect(await resetTokenState(db, token)).toBe("expired");
    expect(
      await resetPassword(db, {
        token,
        form: { newPassword: "et-helt-nytt-passord", repeatPassword: "et-helt-nytt-passord" },
      }),
    ).toMatchObject({ ok: false, status: 400, message: passwordResetTexts.choose.expired });
  });

  it("sends at most a few links per e-mail, and refuses an address that asks too often", async () => {
    for (let i = 0; i < RESET_PER_EMAIL + 2; i++)
      expect(await requestPasswordReset(db, { email: "ansatt@test.invalid", ip: "10.0.0.4" })).toEqual({
        ok: true,
      });
    expect(await outbox()).toHaveLength(RESET_PER_EMAIL);
    for (let i = RESET_PER_EMAIL + 2; i < RESET_PER_ADDRESS; i++)
      await requestPasswordReset(db, { email: `x${i}@test.invalid`, ip: "10.0.0.4" });
    expect(await requestPasswordReset(db, { email: "ansatt@test.invalid", ip: "10.0.0.4" })).toMatchObject({
      ok: false,
      throttled: true,
    });
    // Another address is not affected.
    expect(await requestPasswordReset(db, { email: "annen@test.invalid", ip: "10.0.0.5" })).toEqual({
      ok: true,
    });
  });
});
