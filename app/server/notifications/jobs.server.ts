import type { DB, Executor } from "#db/connection";
import {
  activeCoordinators,
  activeMembersOfBody,
  digestDue,
  enqueueEmail,
  markDigested,
  proposalsWaitingUnreminded,
  recipientsByIds,
  stepLimits,
  workDueWithoutReminder,
} from "#db/repositories/notification.repository";
import { addDays, isoWeek, mondayOf, osloDate, osloInstant, today as osloToday } from "#workflows/dates";
import {
  actorsOfWaitingState,
  daysOverdue,
  DIGEST_HOUR_OSLO,
  proposalTitleForMessage,
  recipientsOfWaitingReminder,
  recipientsOfWork,
  type WaitingActors,
} from "#workflows/notifications";
import { isProposalState } from "#workflows/proposal.machine";
import { config } from "../config.server";
import { newMessageId, proposalIsExempt, routersOn, writeNotifications } from "./emit.server";
import { renderDigest } from "./render.server";

/**
 * The scheduled notifications, run by the delivery worker on each tick: waiting reminders, the
 * planned end of started work, and the daily digest. Each is idempotent (a second run in the same
 * minute, week or day writes nothing) and costs a handful of indexed queries when nothing is due.
 */

/** Proposals reminded per state and run: a backlog is worked off over the next ticks. */
const REMINDER_BATCH = 200;

export interface JobsResult {
  reminders: number;
  workDue: number;
  digests: number;
}

export async function runNotificationJobs(db: DB, now: Date): Promise<JobsResult> {
  const reminders = await remindWaiting(db, now);
  const workDue = await remindWorkDue(db, now);
  const digests = await sendDigests(db, now);
  return { reminders, workDue, digests };
}

/** Those who act on a proposal in a state (active accounts, memberships valid today). */
async function actorsOf(
  db: Executor,
  who: WaitingActors,
  proposal: { author_id: number; group_id: number | null },
  today: string,
): Promise<number[]> {
  if (who === "submitter") return [proposal.author_id];
  if (who === "routers") return routersOn(db, today);
  if (who === "coordinators") return activeCoordinators(db);
  return proposal.group_id === null ? [] : activeMembersOfBody(db, proposal.group_id, today);
}

/**
 * Proposals that have waited in their state longer than its limit (`step_limit`) remind those who
 * act on them, at most once per ISO week (the week's reminder is looked for before writing, and its
 * dedupe key holds the week). Returns the number of notifications written.
 */
export async function remindWaiting(db: DB, now: Date): Promise<number> {
  const today = osloToday(now);
  const week = isoWeek(today);
  const remindedSince = osloInstant(`${mondayOf(today)}T00:00`).toISOString();
  let written = 0;
  for (const [state, limit] of await stepLimits(db)) {
    if (!isProposalState(state)) continue;
    const who = actorsOfWaitingState[state];
    if (!who) continue;
    const before = osloInstant(`${addDays(today, -limit)}T00:00`).toISOString();
    const waiting = await proposalsWaitingUnreminded(db, {
      state,
      before,
      remindedSince,
      limit: REMINDER_BATCH,
    });
    for (const proposal of waiting) {
      const days = daysOverdue(osloDate(proposal.state_changed_at), today, limit);
      if (days === null) continue;
      written += (
        await db.transaction().execute(async (trx) => {
          const exempt = await proposalIsExempt(trx, proposal.id);
          const planned = recipientsOfWaitingReminder(
            {
              topic: "waiting",
              proposalId: proposal.id,
              title: proposalTitleForMessage(proposal, exempt),
              state,
              days,
            },
            week,
            await actorsOf(trx, who, proposal, today),
          );
          return writeNotifications(trx, planned, now);
        })
      ).length;
    }
  }
  return written;
}

/** Started work whose planned end has come reminds its project lead, once. */
export async function remindWorkDue(db: DB, now: Date): Promise<number> {
  let written = 0;
  for (const work of await workDueWithoutReminder(db, osloToday(now))) {
    written += (
      await db.transaction().execute(async (trx) => {
        const exempt = await proposalIsExempt(trx, work.id);
        const planned = recipientsOfWork(
          "workDue",
          null,
          {
            topic: "work",
            proposalId: work.id,
            title: proposalTitleForMessage(work, exempt),
            plannedEnd: work.planned_end,
          },
          work.project_lead_id,
        );
        return writeNotifications(trx, planned, now);
      })
    ).length;
  }
  return written;
}

/** The latest digest hour (Oslo) at or before `now`, as an instant. */
export function lastDigestTime(now: Date): Date {
  const hour = `T${String(DIGEST_HOUR_OSLO).padStart(2, "0")}:00`;
  const today = osloToday(now);
  const todays = osloInstant(`${today}${hour}`);
  return todays.getTime() <= now.getTime() ? todays : osloInstant(`${addDays(today, -1)}${hour}`);
}

/**
 * The daily digest: at the digest hour, each person's notifications e-mailed as "digest" and
 * written before that hour become one e-mail; they are marked collected in the same transaction,
 * so running it again sends nothing twice. Returns the number of digest e-mails written.
 */
export async function sendDigests(db: DB, now: Date): Promise<number> {
  const due = await digestDue(db, lastDigestTime(now).toISOString());
  if (due.length === 0) return 0;
  const byUser = new Map<number, typeof due>();
  for (const row of due) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
  const { publicUrl } = config();
  const at = now.toISOString();
  let sent = 0;
  for (const [userId, rows] of byUser) {
    try {
      sent += await db.transaction().execute(async (trx) => {
        // Another run took some of them first: roll back, and that run's e-mail is the one.
        if (
          (await markDigested(
            trx,
            rows.map((r) => r.id),
            at,
          )) !== rows.length
        )
          throw new TakenMeanwhile();
        const [person] = await recipientsByIds(trx, [userId]);
        // A deactivated account's digest is collected and not sent.
        if (!person) return 0;
        const mail = renderDigest(rows, person, publicUrl);
        await enqueueEmail(trx, {
          user_id: userId,
          notification_id: null,
          to_address: person.email,
          message_id: newMessageId(publicUrl),
          subject: mail.subject,
          text_body: mail.text,
          html_body: mail.html,
          ics: null,
          next_attempt_at: at,
          created_at: at,
        });
        return 1;
      });
    } catch (error) {
      if (!(error instanceof TakenMeanwhile)) throw error;
    }
  }
  return sent;
}

class TakenMeanwhile extends Error {}
