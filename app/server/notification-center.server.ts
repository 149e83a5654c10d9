import { createHash } from "node:crypto";
import {
  countUnread,
  isFollowing,
  listNotificationsOfUser,
  listStepLimits,
  preferencesOfUser,
} from "#db/repositories/notification-center.repository";
import {
  actorsOfWaitingState,
  defaultEmailMode,
  notificationKinds,
  type EmailMode,
} from "#workflows/notifications";
import { mayFollowProposal } from "#workflows/policy";
import { proposalStates, type ProposalState } from "#workflows/proposal.machine";
import { emailModeLabels, notificationKindLabels } from "~/domain/texts/notifications";
import type { Executor } from "#db/connection";
import type { CurrentUser } from "./auth.server";
import { db } from "./db.server";
import { bodyNames, stateLabel } from "./process.server";

/** The badge counts this far and then says "99+". */
export const BELL_CAP = 100;
/** Notifications per page of /varsler. */
export const NOTIFICATIONS_PER_PAGE = 50;

/** The bell in the header: unread notifications, counted no further than BELL_CAP. */
export async function bell(userId: number, database: Executor = db()) {
  const unread = await countUnread(database, userId, BELL_CAP);
  return { unread, capped: unread >= BELL_CAP };
}

/** One page of /varsler: newest first, older than `before` (an id), and whether there are older ones. */
export async function notificationsPage(user: CurrentUser, before: number | null) {
  const rows = await listNotificationsOfUser(db(), user.id, {
    before,
    limit: NOTIFICATIONS_PER_PAGE + 1,
  });
  const shown = rows.slice(0, NOTIFICATIONS_PER_PAGE);
  return {
    notifications: shown.map((n) => ({
      id: n.id,
      title: n.title,
      body: n.body,
      createdAt: n.created_at,
      unread: n.read_at === null,
    })),
    olderThan: rows.length > NOTIFICATIONS_PER_PAGE ? shown[shown.length - 1]!.id : null,
    bell: await bell(user.id),
  };
}

/** The follow button on a proposal's page: whether it is offered, and whether the user follows now. */
export async function followPanel(
  proposal: { id: number; state: string; author_id: number },
  user: CurrentUser,
) {
  if (!mayFollowProposal(user, proposal)) return null;
  return { following: await isFollowing(db(), proposal.id, user.id) };
}

/** "Min profil → Varsler": every kind, with the person's choice (or the kind's default). */
export async function preferencesPanel(user: CurrentUser, database: Executor = db()) {
  const chosen = new Map((await preferencesOfUser(database, user.id)).map((p) => [p.kind, p.mode]));
  return {
    kinds: notificationKinds.map((kind) => ({
      kind,
      label: notificationKindLabels[kind],
      mode: (chosen.get(kind) as EmailMode | undefined) ?? defaultEmailMode[kind],
    })),
    modes: (Object.keys(emailModeLabels) as EmailMode[]).map((m) => ({ mode: m, label: emailModeLabels[m] })),
  };
}

/**
 * The states a limit can be set for: those where a proposal waits for someone who is reminded
 * (`actorsOfWaitingState` in the notification rules), in the process machine's order.
 */
export const limitedStates: ProposalState[] = proposalStates.filter((s) => s in actorsOfWaitingState);

/** What the step limit form guards against: the limits as the page showed them. */
export function stepLimitsFingerprint(limits: readonly { state: string; limit_days: number }[]): string {
  const shown = limitedStates.map((s) => limits.find((l) => l.state === s)?.limit_days ?? null);
  return createHash("sha256").update(JSON.stringify(shown)).digest("hex").slice(0, 32);
}

/** The step limits page: each state with its label and limit, and the fingerprint of what is shown. */
export async function stepLimitsPage(database: Executor = db()) {
  const [limits, names] = await Promise.all([listStepLimits(database), bodyNames()]);
  return {
    states: limitedStates.map((state) => ({
      state,
      label: stateLabel(state, names),
      limitDays: limits.find((l) => l.state === state)?.limit_days ?? null,
    })),
    fingerprint: stepLimitsFingerprint(limits),
  };
}
