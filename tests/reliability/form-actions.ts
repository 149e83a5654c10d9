import { addDays, today } from "#workflows/dates";
import type { DB } from "#db/connection";
import { createSignInRule } from "#db/repositories/identity.repository";
import {
  draftStrategy,
  failedEmail,
  meetingIn,
  proposalIn,
  throwawayGroup,
  throwawayMunicipality,
  throwawayUser,
  type Fixtures,
  type MeetingStatus,
} from "./fixtures";
import type { FormValues, HostileFile } from "./hostile";
import { firstPresentMembers } from "~/server/commands/approve-protocol.server";
import { markReportFinalCommand } from "~/server/commands/mark-report-final.server";
import { currentUser } from "../support/db";
import { randomBytes } from "node:crypto";
import { insertNotifications } from "#db/repositories/notification.repository";
import { insertResetToken } from "#db/repositories/password-reset.repository";
import { notificationKinds } from "#workflows/notifications";
import { limitedStates } from "~/server/notification-center.server";
import { tokenHash } from "~/server/password-reset.server";
import { request, roleEmails, type Role, type SignedInRole } from "./support";

/**
 * EVERY FORM ACTION of the app, one row per route and intent: who posts it, at what, and a
 * valid form for it. The hostile-input test sends each valid form once (it must be accepted,
 * so the table stays true), then hundreds of mutations of it. A test fails for a route file
 * that exports an action and has no row here.
 */

export interface ActionContext {
  fx: Fixtures;
  db: DB;
  baseUrl: string;
  cookies: Record<Role, string | null>;
}

type Target = Record<string, number>;

export interface FormAction {
  /** The file or folder in app/routes. */
  route: string;
  intent: string;
  as: Role;
  /** A fresh target (a proposal, meeting, account…) in the state the form needs. */
  prepare?: (ctx: ActionContext) => Promise<Target>;
  path: (ctx: ActionContext, target: Target) => string;
  /** The valid form as it is now (current versions, unique names). */
  valid: (ctx: ActionContext, target: Target) => Promise<FormValues> | FormValues;
  /** The form is multipart with files in this field; `validFiles` is what a valid post carries. */
  fileField?: string;
  validFiles?: HostileFile[];
  /** The route's other intents, to post one intent's fields under another's name. */
  intents?: string[];
  /** Tables written even when the post is refused, on purpose: failed logins are counted. */
  writesOnRefusal?: string[];
  /** Post from this loopback address (logins are throttled per address). */
  localAddress?: string;
  /** How many hostile posts to send, when not the default share of the route's. */
  payloads?: number;
  /** The fields the page sends in hidden inputs (which form it is, the version it saw, the item). */
  hidden?: string[];
}

let unique = 0;
const next = () => `${++unique}-${Date.now().toString(36)}`;
const inDays = (days: number) => addDays(today(), days);

async function version(db: DB, table: "proposal" | "meeting" | "protocol_item" | "strategy", id: number) {
  const row = await db.selectFrom(table).select("version").where("id", "=", id).executeTakeFirst();
  return String(row?.version ?? 0);
}

const proposal = (state: Parameters<typeof proposalIn>[2]) => async (ctx: ActionContext) => ({
  id: await proposalIn(ctx.db, ctx.fx, state),
});
const meeting = (status: MeetingStatus) => async (ctx: ActionContext) => {
  const m = await meetingIn(ctx.db, ctx.fx, status);
  const [signer] = await firstPresentMembers(ctx.db, m.meetingId);
  return {
    id: m.meetingId,
    itemId: m.itemId,
    member: m.members[0]!,
    ...(signer ? { signer } : {}),
    ...Object.fromEntries(m.members.map((id, i) => [`m${i}`, id])),
  };
};

const pdf: HostileFile = {
  field: "attachments",
  name: "notat.pdf",
  content: Buffer.from("%PDF-1.4 test"),
  type: "application/pdf",
};

const proposalTexts = (fx: Fixtures): FormValues => ({
  title: "Digital timebestilling",
  background: "Foreldre ringer for å bestille time.",
  problem: "Telefonen er ofte opptatt.",
  solution: "Timebestilling på nett.",
  benefits: "Mindre telefontid.",
  municipalityIds: [String(fx.municipalityId)],
});

const eventIntents = ["event", "delete", "support", "follow", "unfollow"];
const event = (
  type: string,
  as: Role,
  state: Parameters<typeof proposalIn>[2],
  payload: (fx: Fixtures) => FormValues = () => ({}),
): FormAction => ({
  route: "innspill.$id",
  intent: `event ${type}`,
  as,
  prepare: proposal(state),
  path: (_c, t) => `/innspill/${t.id}`,
  valid: async ({ db, fx }, t) => ({
    intent: "event",
    type,
    version: await version(db, "proposal", t.id!),
    // Closing steps (reject, redirect, merge) are sent again from their confirmation.
    ...(["GROUP_REJECT", "REDIRECT", "MERGE"].includes(type) ? { confirmed: "yes" } : {}),
    ...payload(fx),
  }),
  intents: eventIntents,
  hidden: ["confirmed"],
});

const meetingIntents = [
  "publishNotice",
  "approveProtocol",
  "publishProtocol",
  "cancel",
  "addendum",
  "removeCase",
  "conflict",
  "addCase",
  "decision",
  "attendance",
  "sign",
];
const confirmedIntents = ["publishNotice", "approveProtocol", "publishProtocol", "sign"];
const meetingAction = (
  intent: string,
  status: MeetingStatus,
  fields: (t: Target) => FormValues = () => ({}),
): FormAction => ({
  route: "moter.$id",
  intent,
  as: "coordinator",
  prepare: meeting(status),
  path: (_c, t) => `/moter/${t.id}`,
  valid: async ({ db }, t) => ({
    intent,
    version: await version(db, "meeting", t.id!),
    // Irreversible steps are sent again from their confirmation (confirmed=yes).
    ...(confirmedIntents.includes(intent) ? { confirmed: "yes" } : {}),
    ...fields(t),
  }),
  intents: meetingIntents,
  hidden: ["intent", "version", "itemId", "confirmed"],
});

const strategyIntents = ["meta", "addGoal", "editGoal", "removeGoal", "approve", "delete"];
const strategyAction = (intent: string, fields: (t: Target) => FormValues = () => ({})): FormAction => ({
  route: "strategi.$id_.rediger.tsx",
  intent,
  as: "coordinator",
  prepare: async ({ db }) => draftStrategy(db),
  path: (_c, t) => `/strategi/${t.strategyId}/rediger`,
  valid: async ({ db }, t) => ({
    intent,
    version: await version(db, "strategy", t.strategyId!),
    ...fields(t),
  }),
  intents: strategyIntents,
  hidden: ["intent", "version", "goalId", "parentId"],
});

/** The fingerprint an edit form carries (an account's, a body's settings), as the page hands it out. */
async function fingerprint(ctx: ActionContext, path: string): Promise<string> {
  const page = await request(ctx.baseUrl, path, { cookie: ctx.cookies.admin });
  const match =
    /name="fingerprint"[^>]*value="([a-f0-9]{32})"/.exec(page.body) ??
    /value="([a-f0-9]{32})"[^>]*name="fingerprint"/.exec(page.body);
  if (!match) throw new Error(`No fingerprint on ${path} (${page.status})`);
  return match[1]!;
}

/** The raw token of each throwaway account's reset link (only its hash is in the database). */
const resetTokens = new Map<number, string>();

/** A fresh unread notification for a role's account. */
async function notificationFor(ctx: ActionContext, role: SignedInRole): Promise<number> {
  const user = await ctx.db
    .selectFrom("user")
    .select("id")
    .where("email", "=", roleEmails[role])
    .executeTakeFirstOrThrow();
  const [id] = await insertNotifications(ctx.db, [
    {
      user_id: user.id,
      kind: "proposalChanged",
      proposal_id: null,
      meeting_id: null,
      title: "Test",
      body: "",
      link: "/innspill",
      dedupe_key: null,
      email: "none",
      digested_at: null,
      created_at: new Date().toISOString(),
      read_at: null,
    },
  ]);
  return id!;
}

let shortCodes = 0;

let reportYear = 2000;

const orgIntents = ["addMunicipality", "endMunicipality", "addBody", "addSignInRule", "removeSignInRule"];

export const formActions: FormAction[] = [
  {
    route: "logg-inn.tsx",
    intent: "login",
    as: "anonymous",
    localAddress: "127.0.0.50",
    path: () => "/logg-inn",
    valid: () => ({ email: "ansatt5@innspill.test", password: "demo1234", redirectTo: "/innspill" }),
    writesOnRefusal: ["login_attempt"],
  },
  // Changing one's own password: the valid form changes it once; afterwards the current password
  // in the form is wrong, so every mutation is refused (400) unless it names no field at all.
  {
    route: "min-profil.tsx",
    intent: "change-password",
    as: "employee",
    path: () => "/min-profil",
    valid: () => ({
      currentPassword: "demo1234",
      newPassword: "demo1234-et-nytt-passord",
      repeatPassword: "demo1234-et-nytt-passord",
    }),
    payloads: 60,
  },
  // E-mail choices per kind of notification (Min profil → Varsler).
  {
    route: "min-profil.tsx",
    intent: "preferences",
    as: "employee",
    path: () => "/min-profil",
    valid: () => ({
      intent: "preferences",
      ...Object.fromEntries(notificationKinds.map((kind) => [kind, "digest"])),
    }),
    intents: ["preferences"],
    hidden: ["intent"],
  },
  // "Glemt passord?": any well-formed e-mail gets the same answer (a redirect); from its own address,
  // since an address asking too often is refused (429, with a message, writing nothing).
  {
    route: "glemt-passord.tsx",
    intent: "request",
    as: "anonymous",
    localAddress: "127.0.0.51",
    path: () => "/glemt-passord",
    valid: () => ({ email: "ansatt5@innspill.test" }),
    payloads: 40,
  },
  // Choosing a new password through a fresh link of a throwaway account.
  {
    route: "nytt-passord.$token.tsx",
    intent: "choose",
    as: "anonymous",
    prepare: async (ctx) => {
      const userId = await throwawayUser(ctx.db, ctx.fx);
      const token = randomBytes(32).toString("base64url");
      const now = new Date();
      await insertResetToken(ctx.db, {
        tokenHash: tokenHash(token),
        userId,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + 3600_000).toISOString(),
      });
      resetTokens.set(userId, token);
      return { id: userId };
    },
    path: (_c, t) => `/nytt-passord/${resetTokens.get(t.id!)}`,
    valid: () => ({ newPassword: "et-helt-nytt-passord", repeatPassword: "et-helt-nytt-passord" }),
    payloads: 40,
  },
  // Logging out reads no input: a few posts show that none of it matters.
  {
    route: "logg-ut.tsx",
    intent: "logout",
    as: "anonymous",
    path: () => "/logg-ut",
    valid: () => ({}),
    payloads: 20,
  },

  // Proposals
  {
    route: "innspill.ny.tsx",
    intent: "submit",
    as: "submitter",
    path: () => "/innspill/ny",
    valid: ({ fx }) => ({ intent: "submit", ...proposalTexts(fx), suggestedGroupId: String(fx.groupId) }),
    fileField: "attachments",
    validFiles: [pdf],
    intents: ["draft", "submit"],
  },
  {
    route: "innspill.$id_.rediger.tsx",
    intent: "draft",
    as: "submitter",
    prepare: proposal("draft"),
    path: (_c, t) => `/innspill/${t.id}/rediger`,
    valid: async ({ db, fx }, t) => ({
      intent: "draft",
      version: await version(db, "proposal", t.id!),
      ...proposalTexts(fx),
    }),
    fileField: "attachments",
    validFiles: [pdf],
    intents: ["draft", "submit"],
  },
  event("SUBMIT", "submitter", "draft"),
  event("ASSIGN", "coordinator", "submitted", (fx) => ({ groupId: String(fx.groupId) })),
  event("MERGE", "coordinator", "submitted", (fx) => ({ targetId: String(fx.proposal.submitted) })),
  event("WITHDRAW", "submitter", "submitted", () => ({ reason: "Ikke aktuelt lenger." })),
  event("REQUEST_INFO", "groupLeader", "groupReview", () => ({ reason: "Hvor mange brukere gjelder det?" })),
  event("MOVE_GROUP", "groupLeader", "groupReview", (fx) => ({ groupId: String(fx.otherGroupId) })),
  event("SUPPLEMENT", "submitter", "awaitingSubmitter", () => ({ reason: "Omtrent 300." })),
  event("CANCEL", "coordinator", "approved", () => ({ reason: "Ikke finansiert." })),
  {
    route: "innspill.$id",
    intent: "delete",
    as: "submitter",
    prepare: proposal("draft"),
    path: (_c, t) => `/innspill/${t.id}`,
    valid: () => ({ intent: "delete" }),
    intents: eventIntents,
  },
  {
    route: "innspill.$id",
    intent: "support",
    as: "employee",
    prepare: proposal("groupReview"),
    path: (_c, t) => `/innspill/${t.id}`,
    valid: () => ({ intent: "support" }),
    intents: eventIntents,
  },
  {
    route: "innspill.$id",
    intent: "follow",
    as: "employee",
    prepare: proposal("groupReview"),
    path: (_c, t) => `/innspill/${t.id}`,
    valid: () => ({ intent: "follow" }),
    intents: eventIntents,
  },
  {
    route: "innspill.$id",
    intent: "unfollow",
    as: "employee",
    prepare: proposal("groupReview"),
    path: (_c, t) => `/innspill/${t.id}`,
    valid: () => ({ intent: "unfollow" }),
    intents: eventIntents,
  },
  // The notification list: one's own notification read, or all of them.
  {
    route: "varsler._index.tsx",
    intent: "read",
    as: "employee",
    prepare: async (ctx) => ({ id: await notificationFor(ctx, "employee") }),
    path: () => "/varsler",
    valid: (_c, t) => ({ intent: "read", id: String(t.id) }),
    intents: ["read", "readAll"],
    hidden: ["intent", "id"],
  },
  {
    route: "varsler._index.tsx",
    intent: "readAll",
    as: "employee",
    prepare: async (ctx) => ({ id: await notificationFor(ctx, "employee") }),
    path: () => "/varsler",
    valid: () => ({ intent: "readAll" }),
    intents: ["read", "readAll"],
    hidden: ["intent"],
  },
  // Step limits: days per waiting state, guarded by the fingerprint of the limits shown.
  {
    route: "admin.frister.tsx",
    intent: "save",
    as: "admin",
    path: () => "/admin/frister",
    valid: async (ctx) => ({
      fingerprint: await fingerprint(ctx, "/admin/frister"),
      ...Object.fromEntries(limitedStates.map((state, i) => [state, String(20 + i)])),
    }),
    hidden: ["fingerprint"],
  },
  {
    route: "innspill.$id_.vurdering.tsx",
    intent: "assess",
    as: "groupLeader",
    prepare: async (ctx) => {
      const goal = await ctx.db
        .selectFrom("strategy_goal")
        .innerJoin("strategy", "strategy.id", "strategy_goal.strategy_id")
        .select("strategy_goal.id")
        .where("strategy.status", "=", "approved")
        .where("strategy_goal.parent_id", "is not", null)
        .executeTakeFirstOrThrow();
      return { id: await proposalIn(ctx.db, ctx.fx, "groupReview"), goalId: goal.id };
    },
    path: (_c, t) => `/innspill/${t.id}/vurdering`,
    valid: async ({ db }, t) => {
      const a = await db
        .selectFrom("assessment")
        .select("version")
        .where("proposal_id", "=", t.id!)
        .executeTakeFirst();
      return {
        version: String(a?.version ?? 0),
        strategic_value: "4",
        service_quality: "4",
        economic_benefit: "3",
        necessity: "2",
        risk: "4",
        adjustment: "0",
        adjustment_reason: "",
        benefits_plan: "Mindre manuelt arbeid.",
        cost_once: "100000",
        cost_yearly: "20000",
        goalIds: [String(t.goalId)],
      };
    },
  },
  {
    route: "innspill.$id_.oppstart.tsx",
    intent: "start",
    as: "coordinator",
    prepare: proposal("approved"),
    path: (_c, t) => `/innspill/${t.id}/oppstart`,
    valid: async ({ db, fx }, t) => ({
      version: await version(db, "proposal", t.id!),
      projectLeadId: String(fx.users.coordinator),
      startDate: today(),
      plannedEnd: inDays(90),
    }),
  },
  {
    route: "innspill.$id_.avslutning.tsx",
    intent: "complete",
    as: "coordinator",
    prepare: proposal("inProgress"),
    path: (_c, t) => `/innspill/${t.id}/avslutning`,
    valid: async ({ db }, t) => ({
      version: await version(db, "proposal", t.id!),
      completedOn: today(),
      realisedBenefits: "Halvert telefontid.",
      reportText: "Digital timebestilling ble innført.",
    }),
  },
  {
    route: "innspill.$id_.rapporttekst.tsx",
    intent: "report text",
    as: "coordinator",
    prepare: proposal("inProgress"),
    path: (_c, t) => `/innspill/${t.id}/rapporttekst`,
    valid: async ({ db }, t) => {
      const f = await db
        .selectFrom("proposal_followup")
        .select("version")
        .where("proposal_id", "=", t.id!)
        .executeTakeFirst();
      return { version: String(f?.version ?? 0), reportText: "Arbeidet pågår." };
    },
  },

  // Meetings
  {
    route: "moter.ny.tsx",
    intent: "plan",
    as: "coordinator",
    // The form posts to the page it is on, which names the body.
    path: ({ fx }) => `/moter/ny?organ=${fx.committeeId}`,
    valid: ({ fx }) => ({
      bodyId: String(fx.committeeId),
      date: inDays(50),
      startTime: "10:00",
      endTime: "12:00",
      place: "Rådhuset",
    }),
  },
  {
    route: "moter.$id_.rediger.tsx",
    intent: "edit",
    as: "coordinator",
    prepare: meeting("planned"),
    path: (_c, t) => `/moter/${t.id}/rediger`,
    valid: async ({ db, fx }, t) => ({
      version: await version(db, "meeting", t.id!),
      bodyId: String(fx.committeeId),
      date: inDays(45),
      startTime: "09:00",
      endTime: "11:00",
      place: "Molde rådhus",
    }),
  },
  {
    route: "moter.$id_.sak.$itemId.tsx",
    intent: "edit case",
    as: "coordinator",
    prepare: meeting("planned"),
    path: (_c, t) => `/moter/${t.id}/sak/${t.itemId}`,
    valid: async ({ db }, t) => ({
      meetingVersion: await version(db, "meeting", t.id!),
      version: await version(db, "protocol_item", t.itemId!),
      title: "Ny tittel",
      presentation: "Saksfremstilling.",
      recommendation: "Forslag til vedtak.",
    }),
  },
  meetingAction("addCase", "planned", () => ({
    kind: "other",
    title: "Eventuelt",
    presentation: "Orientering.",
  })),
  meetingAction("removeCase", "planned", (t) => ({ itemId: String(t.itemId) })),
  meetingAction("publishNotice", "planned"),
  meetingAction("cancel", "planned", () => ({ reason: "Avlyst på grunn av sykdom." })),
  meetingAction("attendance", "noticePublished", (t) =>
    Object.fromEntries(
      Object.entries(t)
        .filter(([k]) => /^m\d+$/.test(k))
        .map(([, id]) => [`status.${id}`, "present"]),
    ),
  ),
  meetingAction("conflict", "noticePublished", (t) => ({
    itemId: String(t.itemId),
    userId: String(t.member),
    reason: "Inhabil etter forvaltningsloven § 6.",
  })),
  meetingAction("decision", "held", (t) => ({
    itemId: String(t.itemId),
    outcome: "noted",
    text: "Tatt til orientering.",
    mode: "unanimous",
  })),
  // The committee's rule: the chair and one member chosen in the meeting sign.
  meetingAction("approveProtocol", "decided", (t) => ({ [`signers.${t.signer}`]: "on" })),
  { ...meetingAction("sign", "signing"), as: "committeeMember" },
  meetingAction("publishProtocol", "protocolApproved"),
  meetingAction("addendum", "protocolApproved", () => ({ text: "Rettelse av skrivefeil i sak 1." })),

  // Strategy
  {
    route: "strategi.ny.tsx",
    intent: "create",
    as: "coordinator",
    path: () => "/strategi/ny",
    valid: () => ({ name: `Strategi ${next()}`, periodFrom: "2030", periodTo: "2033" }),
  },
  strategyAction("meta", () => ({ name: `Strategi ${next()}`, periodFrom: "2030", periodTo: "2034" })),
  strategyAction("addGoal", (t) => ({
    parentId: String(t.mainGoalId),
    title: "Nytt delmål",
    description: "",
  })),
  strategyAction("editGoal", (t) => ({
    goalId: String(t.subGoalId),
    title: "Endret delmål",
    description: "Mer tekst.",
  })),
  strategyAction("removeGoal", (t) => ({ goalId: String(t.subGoalId) })),
  strategyAction("approve", () => ({ approvedItemId: "" })),
  strategyAction("delete"),

  // The annual report: each accepted post makes a year final, so the next one takes the next year.
  {
    route: "rapport.$year.tsx",
    intent: "markFinal",
    as: "coordinator",
    prepare: async () => ({ year: reportYear++ }),
    path: (_c, t) => `/rapport/${t.year}`,
    valid: () => ({ intent: "markFinal", confirmed: "yes" }),
    hidden: ["intent", "confirmed"],
  },
  {
    route: "rapport.$year.tsx",
    intent: "approve",
    // The board member represents a member municipality: its chief executive approves the final report.
    as: "boardMember",
    prepare: async ({ db, fx }) => {
      const year = reportYear++;
      const result = await markReportFinalCommand(db, {
        year,
        user: await currentUser(db, fx.users.coordinator),
      });
      if (!result.ok) throw new Error(`mark final ${year}: ${result.message}`);
      return { year };
    },
    path: (_c, t) => `/rapport/${t.year}`,
    valid: () => ({ intent: "approve", confirmed: "yes" }),
    hidden: ["intent", "confirmed"],
  },

  // Unsubscribing from an e-mail's link (no login): the page's button sends what a mail client's
  // one-click POST sends (RFC 8058). Idempotent, so the same link serves every post.
  {
    route: "avmelding.$token.tsx",
    intent: "unsubscribe",
    as: "anonymous",
    path: ({ fx }) => `/avmelding/${fx.unsubscribeToken}`,
    valid: () => ({ "List-Unsubscribe": "One-Click" }),
    payloads: 40,
  },

  // Administration
  {
    route: "admin.e-post.$id.tsx",
    intent: "resend",
    as: "admin",
    prepare: async (ctx) => ({ id: await failedEmail(ctx.db, ctx.fx.users.employee) }),
    path: (_c, t) => `/admin/e-post/${t.id}`,
    valid: () => ({ intent: "resend" }),
    intents: ["resend"],
    payloads: 40,
  },
  {
    route: "admin.tekster.tsx",
    intent: "save",
    as: "admin",
    path: () => "/admin/tekster",
    valid: async ({ db }) => {
      const row = await db
        .selectFrom("site_text")
        .select("version")
        .where("key", "=", "kundeservice")
        .executeTakeFirst();
      return {
        key: "kundeservice",
        body: `Telefon: 71 11 10 00\nE-post: kundeservice-${next()}@ror-ikt.no`,
        version: String(row?.version ?? 0),
      };
    },
    hidden: ["key", "version"],
  },
  {
    route: "admin.brukere.ny.tsx",
    intent: "create",
    as: "admin",
    path: () => "/admin/brukere/ny",
    valid: ({ fx }) => ({
      name: "Test Testesen",
      email: `ny-${next()}@innspill.test`,
      password: "langt-passord-1",
      municipalityId: String(fx.municipalityId),
    }),
  },
  {
    route: "admin.brukere.$userId.tsx",
    intent: "save",
    as: "admin",
    prepare: async (ctx) => ({ id: await throwawayUser(ctx.db, ctx.fx) }),
    path: (_c, t) => `/admin/brukere/${t.id}`,
    valid: async (ctx, t) => {
      const user = await ctx.db
        .selectFrom("user")
        .select(["email"])
        .where("id", "=", t.id!)
        .executeTakeFirstOrThrow();
      return {
        intent: "save",
        name: `Omdøpt ${next()}`,
        email: user.email,
        municipalityId: String(ctx.fx.municipalityId),
        fingerprint: await fingerprint(ctx, `/admin/brukere/${t.id}`),
      };
    },
    intents: ["save", "deactivate", "reactivate"],
  },
  {
    route: "admin.brukere.$userId.tsx",
    intent: "deactivate",
    as: "admin",
    prepare: async (ctx) => ({ id: await throwawayUser(ctx.db, ctx.fx) }),
    path: (_c, t) => `/admin/brukere/${t.id}`,
    valid: () => ({ intent: "deactivate" }),
    intents: ["save", "deactivate", "reactivate"],
  },
  {
    route: "admin.brukere.$userId.tsx",
    intent: "reactivate",
    as: "admin",
    prepare: async (ctx) => {
      const id = await throwawayUser(ctx.db, ctx.fx);
      await ctx.db.updateTable("user").set({ active: 0 }).where("id", "=", id).execute();
      return { id };
    },
    path: (_c, t) => `/admin/brukere/${t.id}`,
    valid: () => ({ intent: "reactivate" }),
    intents: ["save", "deactivate", "reactivate"],
  },
  {
    route: "admin.organisasjon._index.tsx",
    intent: "addMunicipality",
    as: "admin",
    path: () => "/admin/organisasjon",
    valid: () => ({ intent: "addMunicipality", name: `Kommune ${next()}`, validFrom: "2024-01-01" }),
    intents: orgIntents,
    hidden: ["intent", "municipalityId"],
  },
  {
    route: "admin.organisasjon._index.tsx",
    intent: "endMunicipality",
    as: "admin",
    prepare: async (ctx) => ({ id: await throwawayMunicipality(ctx.db) }),
    path: () => "/admin/organisasjon",
    valid: (_c, t) => ({ intent: "endMunicipality", municipalityId: String(t.id), validTo: "2030-01-01" }),
    intents: orgIntents,
    hidden: ["intent", "municipalityId"],
  },
  {
    route: "admin.organisasjon._index.tsx",
    intent: "addSignInRule",
    as: "admin",
    path: () => "/admin/organisasjon",
    valid: ({ fx }) => ({
      intent: "addSignInRule",
      kind: "domain",
      value: `d${next()}.kommune.no`,
      municipalityId: String(fx.municipalityId),
    }),
    intents: orgIntents,
    hidden: ["intent"],
  },
  {
    route: "admin.organisasjon._index.tsx",
    intent: "removeSignInRule",
    as: "admin",
    prepare: async (ctx) => ({
      id: await createSignInRule(ctx.db, {
        kind: "domain",
        value: `fjernes${next()}.kommune.no`,
        municipalityId: ctx.fx.municipalityId,
        at: new Date().toISOString(),
      }),
    }),
    path: () => "/admin/organisasjon",
    valid: (_c, t) => ({ intent: "removeSignInRule", ruleId: String(t.id) }),
    intents: orgIntents,
    hidden: ["intent", "ruleId"],
  },
  {
    route: "admin.organisasjon._index.tsx",
    intent: "addBody",
    as: "admin",
    path: () => "/admin/organisasjon",
    valid: () => ({ intent: "addBody", kind: "group", name: `Gruppe ${next()}`, validFrom: "2024-01-01" }),
    intents: orgIntents,
    hidden: ["intent", "municipalityId"],
  },
  ...(
    [
      ["rename", () => ({ name: `Omdøpt gruppe ${next()}`, validFrom: "2024-01-01" })],
      ["close", () => ({ validTo: "2030-01-01" })],
      [
        "addMembership",
        (t: Target) => ({ userId: String(t.newMemberId), role: "member", validFrom: "2024-01-01" }),
      ],
      ["endMembership", (t: Target) => ({ membershipId: String(t.membershipId), validTo: "2030-01-01" })],
    ] as const
  ).map(([intent, fields]): FormAction => ({
    route: "admin.organisasjon.$bodyId.tsx",
    intent,
    as: "admin",
    prepare: async (ctx) => throwawayGroup(ctx.db, ctx.fx),
    path: (_c, t) => `/admin/organisasjon/${t.bodyId}`,
    valid: (_c, t) => ({ intent, ...fields(t) }),
    intents: ["rename", "settings", "close", "addMembership", "endMembership"],
    hidden: ["intent", "membershipId"],
  })),
  {
    route: "admin.organisasjon.$bodyId.tsx",
    intent: "settings",
    as: "admin",
    prepare: async (ctx) => throwawayGroup(ctx.db, ctx.fx),
    path: (_c, t) => `/admin/organisasjon/${t.bodyId}`,
    valid: async (ctx, t) => ({
      intent: "settings",
      signingRule: "chairAndTwo",
      shortCode: `Z${++shortCodes}`,
      fingerprint: await fingerprint(ctx, `/admin/organisasjon/${t.bodyId}`),
    }),
    intents: ["rename", "settings", "close", "addMembership", "endMembership"],
    hidden: ["intent", "fingerprint"],
  },
];
