import type { Executor } from "#db/connection";
import {
  addFollower,
  getOwnNotification,
  listStepLimits,
  markAllNotificationsRead,
  markNotificationRead,
  removeFollower,
  savePreferences,
  saveStepLimits,
} from "#db/repositories/notification-center.repository";
import { getProposalForViewer } from "#db/repositories/proposal.repository";
import { notificationKinds } from "#workflows/notifications";
import { mayAdminister, mayFollowProposal } from "#workflows/policy";
import type { PreferencesForm } from "~/domain/notification.schema";
import { notificationCenterTexts as N } from "~/domain/texts/notification-center";
import type { CurrentUser } from "../auth.server";
import { limitedStates, stepLimitsFingerprint } from "../notification-center.server";
import { refuse, runCommand, type CommandResult } from "./result.server";

/** Marks one of the user's notifications read; someone else's is 404 (as if it did not exist). */
export function markRead(db: Executor, input: { user: CurrentUser; id: number }): Promise<CommandResult> {
  return runCommand(db, async (trx) => {
    if (!(await markNotificationRead(trx, input.user.id, input.id, new Date().toISOString()))) refuse(404);
    return {};
  });
}

/** Opens one of the user's notifications: marks it read and gives where it leads; someone else's is 404. */
export function openNotification(
  db: Executor,
  input: { user: CurrentUser; id: number },
): Promise<CommandResult<{ link: string }>> {
  return runCommand(db, async (trx) => {
    const own = await getOwnNotification(trx, input.user.id, input.id);
    if (!own) refuse(404);
    await markNotificationRead(trx, input.user.id, input.id, new Date().toISOString());
    return { link: own.link };
  });
}

/** Marks all the user's notifications read. */
export function markAllRead(db: Executor, input: { user: CurrentUser }): Promise<CommandResult> {
  return runCommand(db, async (trx) => {
    await markAllNotificationsRead(trx, input.user.id, new Date().toISOString());
    return {};
  });
}

/**
 * Starts or stops following a proposal. 404 when the user may not see it; a draft cannot be
 * followed (409). Following twice, or stopping what one does not follow, is no error.
 */
export function setFollowing(
  db: Executor,
  input: { user: CurrentUser; proposalId: number; follow: boolean },
): Promise<CommandResult> {
  return runCommand(db, async (trx) => {
    const proposal = await getProposalForViewer(trx, input.proposalId, input.user.id);
    if (!proposal) refuse(404);
    if (input.follow) {
      if (!mayFollowProposal(input.user, proposal)) refuse(409, N.follow.draft);
      await addFollower(trx, {
        proposalId: proposal.id,
        userId: input.user.id,
        at: new Date().toISOString(),
      });
    } else {
      await removeFollower(trx, proposal.id, input.user.id);
    }
    return {};
  });
}

/** Saves the user's e-mail choice for every kind of notification. */
export function saveNotificationPreferences(
  db: Executor,
  input: { user: CurrentUser; form: PreferencesForm },
): Promise<CommandResult> {
  return runCommand(db, async (trx) => {
    await savePreferences(
      trx,
      input.user.id,
      notificationKinds.map((kind) => ({ kind, mode: input.form[kind] })),
    );
    return {};
  });
}

/**
 * Sets the step limits (days per state; none: no reminder) as an administrator. Refused (409)
 * when the limits changed since the page showed them (the fingerprint), never overwritten.
 */
export function saveStepLimitsCommand(
  db: Executor,
  input: { user: CurrentUser; fingerprint: string; limits: Record<string, number | undefined> },
): Promise<CommandResult> {
  return runCommand(db, async (trx) => {
    if (!mayAdminister(input.user)) refuse(403);
    if (stepLimitsFingerprint(await listStepLimits(trx)) !== input.fingerprint)
      refuse(409, N.stepLimits.changed);
    await saveStepLimits(
      trx,
      limitedStates.map((state) => ({ state, limitDays: input.limits[state] ?? null })),
    );
    return {};
  });
}
