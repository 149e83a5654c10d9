import type { DB, Executor } from "#db/connection";
import {
  activeCoordinators,
  activeMembersOfBody,
  digestDue,
  digestRunDone,
  enqueueEmail,
  advanceReminderCursor,
  markDigested,
  markDigestRunDone,
  proposalsWaitingPast,
  recipientsByIds,
  reminderCursor,
  lastWorkDueRun,
  recordWorkDueRun,
  stepLimits,
  workDueChangedSince,
  workDueWithoutReminder,
} from "#db/repositories/notification.repository";
import { addDays, isoWeek, osloDate, osloInstant, today as osloToday } from "#workflows/dates";
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
 * minute, week or day writes nothing) and costs a handful of indexed queries when nothing is due
 * (decision 030).
 */

/** Proposals read per state and run: a backlog is worked off over the next runs. */
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

/**
 * Those who act on a proposal in a state (active accounts, memberships valid today). Read once per
 * run for each kind of actor and group: a batch of reminders asks the same few questions.
 */
function actorsReader(db: Executor, today: string) {
  const known = new Map<string, Promise<number[]>>();
  const once = (key: string, read: () => Promise<number[]>) => {
    let found = known.get(key);
    if (!found) known.set(key, (found = read()));
    return found;
  };
  return (who: WaitingActors, proposal: { author_id: number; group_id: number | null }) => {
    if (who === "submitter") return Promise.resolve([proposal.author_id]);
    if (who === "routers") return once(who, () => routersOn(db, today));
    if (who === "coordinators") return once(who, () => activeCoordinators(db));
    const groupId = proposal.group_id;
    return groupId === null
      ? Promise.resolve([])
      : once(`group:${groupId}`, () => activeMembersOfBody(db, groupId, today));
  };
}

/**
 * Proposals that have waited in their state longer than its limit (`step_limit`) remind those who
 * act on them, once per ISO week (the dedupe key holds the week). The job walks each state's
 * proposals in (state_changed_at, id) order from where it stopped this week (`reminder_cursor`),
 * a batch per state and run, so a backlog is worked off over the next runs; once every waiting
 * proposal of the week is passed (reminded, or with nobody to remind), a run reads one empty index
 * range per state. Returns the number of notifications written.
 */
export async function remindWaiting(db: DB, now: Date, batch = REMINDER_BATCH): Promise<number> {
  const today = osloToday(now);
  const week = isoWeek(today);
  const actorsOf = actorsReader(db, today);
  let written = 0;
  for (const [state, limit] of await stepLimits(db)) {
    if (!isProposalState(state)) continue;
    const who = actorsOfWaitingState[state];
    if (!who) continue;
    const before = osloInstant(`${addDays(today, -limit)}T00:00`).toISOString();
    const cursor = await reminderCursor(db, state);
    const waiting = await proposalsWaitingPast(db, {
      state,
      before,
      after: cursor?.week === week ? cursor : undefined,
      limit: batch,
    });
    for (const proposal of waiting) {
      const days = daysOverdue(osloDate(proposal.state_changed_at), today, limit);
      if (days === null) continue;
      const actors = await actorsOf(who, proposal);
      if (actors.length === 0) continue;
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
            actors,
          );
          return writeNotifications(trx, planned, now);
        })
      ).length;
    }
    const last = waiting.at(-1);
    if (last)
      await advanceReminderCursor(db, state, {
        week,
        afterChangedAt: last.state_changed_at,
        afterId: last.id,
      });
  }
  return written;
}

/** Work-due reminders per run: a backlog is worked off over the next runs. */
const WORK_DUE_BATCH = 500;

/** How far back a run within the day looks beyond the last run's start: other processes' clocks. */
const CLOCK_MARGIN_MS = 5 * 60_000;

/**
 * Started work whose planned end has come reminds its project lead, once. The first complete run of
 * an Oslo day reads every started work past its planned end; later runs that day read only work
 * started or follow-ups changed since the last run began (`work_due_run`), so with nothing new a
 * run is two empty index ranges.
 */
export async function remindWorkDue(db: DB, now: Date): Promise<number> {
  const today = osloToday(now);
  const last = await lastWorkDueRun(db);
  const due =
    last?.day === today
      ? await workDueChangedSince(
          db,
          today,
          new Date(new Date(last.at).getTime() - CLOCK_MARGIN_MS).toISOString(),
          WORK_DUE_BATCH,
        )
      : await workDueWithoutReminder(db, today, WORK_DUE_BATCH);
  let written = 0;
  for (const work of due) {
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
  // A full batch may have left more behind: the next run reads everything due again.
  if (due.length < WORK_DUE_BATCH) await recordWorkDueRun(db, today, now.toISOString());
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
 * so running it again sends nothing twice. Once an hour's digests are all written (`digest_run`),
 * the runs until the next digest hour do not look again. Returns the number of digest e-mails written.
 */
export async function sendDigests(db: DB, now: Date): Promise<number> {
  const digestAt = lastDigestTime(now).toISOString();
  // Written for this hour already: until the next, a run is this one look-up, not a read of the
  // day's waiting notifications (all written after the hour, so none of them is due yet).
  if (await digestRunDone(db, digestAt)) return 0;
  const sent = await writeDigests(db, digestAt, now);
  await markDigestRunDone(db, digestAt);
  return sent;
}

async function writeDigests(db: DB, digestAt: string, now: Date): Promise<number> {
  const due = await digestDue(db, digestAt);
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
