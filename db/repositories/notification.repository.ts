import { sql, type Insertable } from "kysely";
import { isPostgres } from "../dialect";
import type { Executor } from "../connection";
import type { EmailOutboxTable, NotificationPreferenceTable, NotificationTable } from "../schema";

export type NewNotification = Insertable<NotificationTable>;
export type NewOutgoingEmail = Omit<
  Insertable<EmailOutboxTable>,
  "id" | "status" | "attempts" | "claimed_until" | "last_error" | "sent_at"
>;

/** Rows per INSERT statement: 12 columns each stays far below both engines' bound-parameter limits. */
const ROWS_PER_INSERT = 500;

const dedupeOf = (row: { user_id: number; dedupe_key?: string | null }) =>
  row.dedupe_key == null ? null : `${row.user_id}\u0000${row.dedupe_key}`;

/**
 * Writes notifications; a row whose (user, dedupe key) already exists (or comes earlier in `rows`)
 * is skipped. Call it inside the transaction of the event that causes them (the transactional
 * outbox): a rolled-back event writes none. Returns, for each row given, its new id, or undefined
 * when it was skipped.
 *
 * One multi-row INSERT … ON CONFLICT DO NOTHING RETURNING per 500 rows (SQLite ≥ 3.35 and
 * PostgreSQL both return only the rows inserted). The returned rows are matched back to the input
 * by id order: ids grow in the order the VALUES list is inserted, and the rows that survive are
 * known from their (user, dedupe key) — a row without a key can never conflict.
 */
export async function insertNotificationRows(
  db: Executor,
  rows: readonly NewNotification[],
): Promise<(number | undefined)[]> {
  const ids: (number | undefined)[] = new Array(rows.length).fill(undefined);
  // A key repeated within `rows` is written once, for its first row (as one insert after another would).
  const firstOfKey = new Set<string>();
  const candidates: number[] = [];
  rows.forEach((row, index) => {
    const key = dedupeOf(row);
    if (key !== null) {
      if (firstOfKey.has(key)) return;
      firstOfKey.add(key);
    }
    candidates.push(index);
  });
  for (let start = 0; start < candidates.length; start += ROWS_PER_INSERT) {
    const chunk = candidates.slice(start, start + ROWS_PER_INSERT);
    // Written as SQL rather than with the builder: it runs for every notifying event, and building a
    // dozen rows' values cost half of what inserting them does. Portable SQL (SQLite ≥ 3.35, PostgreSQL).
    const { rows: written } = await sql<{ id: number; user_id: number; dedupe_key: string | null }>`
      insert into notification
        (user_id, kind, proposal_id, meeting_id, title, body, link, dedupe_key, email, digested_at, created_at, read_at)
      values ${sql.join(
        chunk.map((index) => {
          const r = rows[index]!;
          return sql`(${r.user_id}, ${r.kind}, ${r.proposal_id ?? null}, ${r.meeting_id ?? null}, ${r.title},
            ${r.body ?? ""}, ${r.link}, ${r.dedupe_key ?? null}, ${r.email}, ${r.digested_at ?? null},
            ${r.created_at}, ${r.read_at ?? null})`;
        }),
      )}
      on conflict (user_id, dedupe_key) where dedupe_key is not null do nothing
      returning id, user_id, dedupe_key`.execute(db);
    const insertedKeys = new Set(written.map(dedupeOf));
    const survivors = chunk.filter((index) => {
      const key = dedupeOf(rows[index]!);
      return key === null || insertedKeys.has(key);
    });
    const writtenIds = written.map((w) => w.id).sort((a, b) => a - b);
    survivors.forEach((index, i) => (ids[index] = writtenIds[i]));
  }
  return ids;
}

/**
 * Writes notifications; a row whose (user, dedupe key) already exists is skipped. Call it inside the
 * transaction of the event that causes them (the transactional outbox): a rolled-back event writes none.
 * Returns the ids of the rows written, in order.
 */
export async function insertNotifications(db: Executor, rows: readonly NewNotification[]): Promise<number[]> {
  return (await insertNotificationRows(db, rows)).filter((id): id is number => id !== undefined);
}

/**
 * Settles what the demo seed's past wrote: its e-mails are dropped and its digest lines marked
 * collected, so a fresh demo sends no one anything about 2021 (the bell still shows them).
 */
export async function settleSeededNotifications(db: Executor, at: string): Promise<void> {
  await db.deleteFrom("email_outbox").where("status", "=", "pending").execute();
  await db
    .updateTable("notification")
    .set({ digested_at: at })
    .where("email", "=", "digest")
    .where("digested_at", "is", null)
    .execute();
}

/** Puts one e-mail in the outbox, in the caller's transaction; the delivery worker sends it. */
export async function enqueueEmail(db: Executor, email: NewOutgoingEmail): Promise<number> {
  const row = await db.insertInto("email_outbox").values(email).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** Puts e-mails in the outbox, in the caller's transaction, with one INSERT per 500. */
export async function enqueueEmails(db: Executor, emails: readonly NewOutgoingEmail[]): Promise<void> {
  // As SQL, for the reason given in insertNotificationRows.
  for (let start = 0; start < emails.length; start += ROWS_PER_INSERT) {
    await sql`insert into email_outbox
        (user_id, notification_id, to_address, message_id, subject, text_body, html_body, ics, next_attempt_at, created_at)
      values ${sql.join(
        emails.slice(start, start + ROWS_PER_INSERT).map(
          (e) => sql`(${e.user_id ?? null}, ${e.notification_id ?? null}, ${e.to_address}, ${e.message_id},
            ${e.subject}, ${e.text_body}, ${e.html_body}, ${e.ics ?? null}, ${e.next_attempt_at}, ${e.created_at})`,
        ),
      )}`.execute(db);
  }
}

// ---------------------------------------------------------------------------------------------
// Who is around a record (active accounts only; memberships and bodies valid on the day given)

/** Active members (any role) of a body on a date. */
export async function activeMembersOfBody(db: Executor, bodyId: number, on: string): Promise<number[]> {
  const rows = await db
    .selectFrom("membership")
    .innerJoin("user", "user.id", "membership.user_id")
    .select("user.id")
    .distinct()
    .where("membership.body_id", "=", bodyId)
    .where("user.active", "=", 1)
    .where("membership.valid_from", "<=", on)
    .where((eb) => eb.or([eb("membership.valid_to", "is", null), eb("membership.valid_to", ">", on)]))
    .orderBy("user.id")
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Those who might route new proposals on a date, as policies see them (`mayRouteProposals` decides):
 * active coordinators, and active people with a group membership that day, with those memberships.
 */
export async function routingCandidates(db: Executor, on: string) {
  const [coordinators, groupMemberships] = await Promise.all([
    db.selectFrom("user").select("id").where("active", "=", 1).where("is_coordinator", "=", 1).execute(),
    db
      .selectFrom("membership")
      .innerJoin("body", "body.id", "membership.body_id")
      .innerJoin("user", "user.id", "membership.user_id")
      .select(["membership.user_id", "membership.body_id", "membership.role", "body.kind"])
      .where("user.active", "=", 1)
      .where("body.kind", "=", "group")
      .where("membership.valid_from", "<=", on)
      .where((w) => w.or([w("membership.valid_to", "is", null), w("membership.valid_to", ">", on)]))
      .where("body.valid_from", "<=", on)
      .where((w) => w.or([w("body.valid_to", "is", null), w("body.valid_to", ">", on)]))
      .execute(),
  ]);
  const ids = [...new Set([...coordinators.map((c) => c.id), ...groupMemberships.map((m) => m.user_id)])];
  const coordinatorIds = new Set(coordinators.map((c) => c.id));
  return ids
    .sort((a, b) => a - b)
    .map((id) => ({
      id,
      isCoordinator: coordinatorIds.has(id),
      memberships: groupMemberships
        .filter((m) => m.user_id === id)
        .map((m) => ({ body_id: m.body_id, kind: m.kind as string, role: m.role as string })),
    }));
}

/** Active coordinators. */
export async function activeCoordinators(db: Executor): Promise<number[]> {
  const rows = await db
    .selectFrom("user")
    .select("id")
    .where("active", "=", 1)
    .where("is_coordinator", "=", 1)
    .orderBy("id")
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The people around a proposal, in one query: its active supporters and followers, and the active
 * members (on the date given) of its group, if it has one.
 */
export async function proposalAudience(
  db: Executor,
  proposal: { id: number; groupId: number | null },
  on: string,
): Promise<{ supporters: number[]; followers: number[]; groupMembers: number[] }> {
  // Written as SQL rather than with the builder: it runs for every process event, and building the
  // three-part union cost twice what running it does. Portable SQL ("user" quoted for PostgreSQL).
  const { rows } = await sql<{ role: "supporter" | "follower" | "member"; id: number }>`
    select 'supporter' as role, u.id from proposal_support s join "user" u on u.id = s.user_id
      where s.proposal_id = ${proposal.id} and u.active = 1
    union all
    select 'follower' as role, u.id from proposal_follower f join "user" u on u.id = f.user_id
      where f.proposal_id = ${proposal.id} and u.active = 1
    union all
    select 'member' as role, u.id from membership m join "user" u on u.id = m.user_id
      where m.body_id = ${proposal.groupId ?? -1} and u.active = 1
        and m.valid_from <= ${on} and (m.valid_to is null or m.valid_to > ${on})`.execute(db);
  const idsOf = (role: string) =>
    [...new Set(rows.filter((r) => r.role === role).map((r) => Number(r.id)))].sort((a, b) => a - b);
  return { supporters: idsOf("supporter"), followers: idsOf("follower"), groupMembers: idsOf("member") };
}

/** Name, address and chosen e-mail modes of the given active people (inactive ones are left out). */
export async function recipientsByIds(db: Executor, userIds: readonly number[]) {
  if (userIds.length === 0) return [];
  // One statement (each person's row once per chosen mode): it runs for every notifying event.
  const { rows } = await sql<{
    id: number;
    email: string;
    name: string;
    kind: string | null;
    mode: NotificationPreferenceTable["mode"] | null;
  }>`select u.id, u.email, u.name, p.kind, p.mode
    from "user" u left join notification_preference p on p.user_id = u.id
    where u.id in (${sql.join([...userIds])}) and u.active = 1`.execute(db);
  type Mode = NotificationPreferenceTable["mode"];
  const people = new Map<number, { id: number; email: string; name: string; modes: Map<string, Mode> }>();
  for (const row of rows) {
    const id = Number(row.id);
    let person = people.get(id);
    if (!person) people.set(id, (person = { id, email: row.email, name: row.name, modes: new Map() }));
    if (row.kind !== null && row.mode !== null) person.modes.set(row.kind, row.mode);
  }
  return [...people.values()];
}

// ---------------------------------------------------------------------------------------------
// Scheduled jobs

/** The waiting limit (days) of each process state that has one. */
export async function stepLimits(db: Executor): Promise<Map<string, number>> {
  const rows = await db.selectFrom("step_limit").select(["state", "limit_days"]).execute();
  return new Map(rows.map((r) => [r.state, r.limit_days]));
}

/** Where the waiting-reminder job has come to in a state: the last proposal handled, and in which ISO week. */
export interface ReminderCursor {
  week: string;
  afterChangedAt: string;
  afterId: number;
}

/** The waiting-reminder job's cursor in a state, if it has one (of any week). */
export async function reminderCursor(db: Executor, state: string): Promise<ReminderCursor | undefined> {
  const row = await db
    .selectFrom("reminder_cursor")
    .select(["week", "after_changed_at", "after_id"])
    .where("state", "=", state)
    .executeTakeFirst();
  return row && { week: row.week, afterChangedAt: row.after_changed_at, afterId: row.after_id };
}

/**
 * Moves the waiting-reminder job's cursor in a state to a proposal it has handled. Within a week it
 * only moves forward, so two workers running at once never send each other back (going back would
 * only read proposals again: their reminders' dedupe keys keep them single).
 */
export async function advanceReminderCursor(
  db: Executor,
  state: string,
  cursor: ReminderCursor,
): Promise<void> {
  await db
    .insertInto("reminder_cursor")
    .values({
      state,
      week: cursor.week,
      after_changed_at: cursor.afterChangedAt,
      after_id: cursor.afterId,
    })
    .onConflict((oc) =>
      oc
        .column("state")
        .doUpdateSet((eb) => ({
          week: eb.ref("excluded.week"),
          after_changed_at: eb.ref("excluded.after_changed_at"),
          after_id: eb.ref("excluded.after_id"),
        }))
        .where((eb) =>
          eb.or([
            eb("reminder_cursor.week", "<", eb.ref("excluded.week")),
            eb.and([
              eb("reminder_cursor.week", "=", eb.ref("excluded.week")),
              eb.or([
                eb("reminder_cursor.after_changed_at", "<", eb.ref("excluded.after_changed_at")),
                eb.and([
                  eb("reminder_cursor.after_changed_at", "=", eb.ref("excluded.after_changed_at")),
                  eb("reminder_cursor.after_id", "<", eb.ref("excluded.after_id")),
                ]),
              ]),
            ]),
          ]),
        ),
    )
    .execute();
}

/**
 * Proposals in a state since before an instant (ISO text, compared as strings), after a point in
 * (state_changed_at, id) order (none: from the start), longest-waiting first. One range of the
 * `proposal_waiting` index: a proposal enters a state with state_changed_at = now, so nothing new
 * appears behind the point within a week.
 */
export function proposalsWaitingPast(
  db: Executor,
  input: { state: string; before: string; after: Omit<ReminderCursor, "week"> | undefined; limit: number },
) {
  return proposalsWaitingPastQuery(db, input).execute();
}

/** The query of `proposalsWaitingPast` (its plan is tested). */
export function proposalsWaitingPastQuery(
  db: Executor,
  input: { state: string; before: string; after: Omit<ReminderCursor, "week"> | undefined; limit: number },
) {
  const { after } = input;
  let query = db
    .selectFrom("proposal")
    .select([
      "proposal.id",
      "proposal.title",
      "proposal.state",
      "proposal.author_id",
      "proposal.group_id",
      "proposal.state_changed_at",
    ])
    .where("proposal.state", "=", input.state)
    .where("proposal.state_changed_at", "<", input.before);
  if (after)
    query = query
      .where("proposal.state_changed_at", ">=", after.afterChangedAt)
      .where((eb) =>
        eb.or([
          eb("proposal.state_changed_at", ">", after.afterChangedAt),
          eb("proposal.id", ">", after.afterId),
        ]),
      );
  return query.orderBy("proposal.state_changed_at", "asc").orderBy("proposal.id", "asc").limit(input.limit);
}

/**
 * Started work whose planned end has come (Oslo date `today`), with an active project lead not yet
 * reminded; at most `limit` (a backlog is worked off over the next runs). A lead whose account is
 * closed is left out here, so the job does not look the work up again on every run.
 */
export function workDueWithoutReminder(db: Executor, today: string, limit = 500) {
  return workDueWithoutReminderQuery(db, today).orderBy("proposal.id").limit(limit).execute();
}

/**
 * As `workDueWithoutReminder`, among work started or follow-ups changed at or after an instant:
 * two index ranges (`proposal_waiting` on the state's time, `proposal_followup_updated`; the
 * changed follow-ups are read first, so no planner starts from every started work instead). With
 * more than `limit` follow-ups changed, all work due is read.
 */
export async function workDueChangedSince(db: Executor, today: string, since: string, limit = 500) {
  const changedIds = (
    await db
      .selectFrom("proposal_followup")
      .select("proposal_id")
      .where("updated_at", ">=", since)
      .limit(limit + 1)
      .execute()
  ).map((r) => r.proposal_id);
  if (changedIds.length > limit) return workDueWithoutReminder(db, today, limit);
  const [started, changed] = await Promise.all([
    workDueWithoutReminderQuery(db, today)
      .where("proposal.state_changed_at", ">=", since)
      .orderBy("proposal.id")
      .limit(limit)
      .execute(),
    changedIds.length === 0
      ? Promise.resolve([])
      : workDueWithoutReminderQuery(db, today).where("proposal.id", "in", changedIds).execute(),
  ]);
  const byId = new Map([...started, ...changed].map((w) => [w.id, w]));
  return [...byId.values()].sort((a, b) => a.id - b.id).slice(0, limit);
}

/** The work-due job's last complete run (Oslo day and instant), if any. */
export async function lastWorkDueRun(db: Executor): Promise<{ day: string; at: string } | undefined> {
  return db.selectFrom("work_due_run").select(["day", "at"]).orderBy("day", "desc").executeTakeFirst();
}

/** Records a complete run of the work-due job (earlier days' rows go). */
export async function recordWorkDueRun(db: Executor, day: string, at: string): Promise<void> {
  await db
    .insertInto("work_due_run")
    .values({ day, at })
    .onConflict((oc) =>
      oc
        .column("day")
        .doUpdateSet((eb) => ({ at: eb.ref("excluded.at") }))
        .where((eb) => eb("work_due_run.at", "<", eb.ref("excluded.at"))),
    )
    .execute();
  await db.deleteFrom("work_due_run").where("day", "<", day).execute();
}

/** The query of `workDueWithoutReminder` (its plan is tested). */
export function workDueWithoutReminderQuery(db: Executor, today: string) {
  return db
    .selectFrom("proposal_followup")
    .innerJoin("proposal", "proposal.id", "proposal_followup.proposal_id")
    .innerJoin("user as lead", "lead.id", "proposal_followup.project_lead_id")
    .select([
      "proposal.id",
      "proposal.title",
      "proposal_followup.project_lead_id",
      "proposal_followup.planned_end",
    ])
    .where("proposal.state", "=", "inProgress")
    .where("lead.active", "=", 1)
    .where("proposal_followup.planned_end", "<=", today)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("notification")
            .select("notification.id")
            .whereRef("notification.proposal_id", "=", "proposal.id")
            .where("notification.kind", "=", "workDue"),
        ),
      ),
    );
}

/** Whether the digests of a digest hour (ISO instant) are all written. */
export async function digestRunDone(db: Executor, digestAt: string): Promise<boolean> {
  const row = await db
    .selectFrom("digest_run")
    .select("digest_at")
    .where("digest_at", "=", digestAt)
    .executeTakeFirst();
  return row !== undefined;
}

/** Records that the digests of a digest hour are all written (the earlier hours' rows go). */
export async function markDigestRunDone(db: Executor, digestAt: string): Promise<void> {
  await db
    .insertInto("digest_run")
    .values({ digest_at: digestAt })
    .onConflict((oc) => oc.column("digest_at").doNothing())
    .execute();
  await db.deleteFrom("digest_run").where("digest_at", "<", digestAt).execute();
}

/** Notifications waiting for a digest, created before an instant, by person (oldest first). */
export function digestDue(db: Executor, createdBefore: string) {
  return digestDueQuery(db, createdBefore).execute();
}

/** The query of `digestDue` (its plan is tested). */
export function digestDueQuery(db: Executor, createdBefore: string) {
  return (
    db
      .selectFrom("notification")
      .select(["id", "user_id", "kind", "title", "body", "link", "created_at"])
      // As literals, so both engines match the partial index `notification_digest_waiting` (migration h15f-001).
      .where(sql<boolean>`email = 'digest' and digested_at is null`)
      .where("created_at", "<", createdBefore)
      .orderBy("user_id")
      .orderBy("id")
  );
}

/**
 * Marks notifications as collected into a digest; returns how many were still waiting (0 when
 * another run took them first, so that run's e-mail is the only one).
 */
export async function markDigested(db: Executor, ids: readonly number[], at: string): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable("notification")
    .set({ digested_at: at })
    .where("id", "in", [...ids])
    .where("digested_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Records that a process event happened, for its notifications to be fanned out after commit
 * (decision 031). Call it in the event's transaction: rolled back, the row never existed.
 */
export async function recordNotificationEvent(
  db: Executor,
  row: { proposal_id: number | null; cause: string; at: string },
): Promise<void> {
  await sql`insert into notification_event (proposal_id, cause, at) values (${row.proposal_id}, ${row.cause}, ${row.at})`.execute(
    db,
  );
}

export interface PendingNotificationEvent {
  id: number;
  cause: string;
  at: string;
}

/**
 * Takes up to `limit` events not yet fanned out, oldest first, and deletes them, in the caller's
 * transaction: the fan-out writes their notifications in the same transaction, so a crash before
 * its commit leaves the events pending. The DELETE is the claim: on SQLite the write lock
 * serialises two workers; on PostgreSQL rows another worker holds are skipped, not waited for.
 */
export async function takePendingNotificationEvents(
  db: Executor,
  limit: number,
): Promise<PendingNotificationEvent[]> {
  const lock = isPostgres(db) ? sql` for update skip locked` : sql``;
  const { rows } = await sql<PendingNotificationEvent>`delete from notification_event where id in (
      select id from notification_event order by id limit ${limit}${lock}
    ) returning id, cause, at`.execute(db);
  return [...rows].sort((a, b) => a.id - b.id);
}

/** How many events wait for their fan-out (tests and the bench). */
export async function pendingNotificationEventCount(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("notification_event")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The ids of the oldest pending events, without taking them (a failed batch is retried one by one). */
export async function pendingNotificationEventIds(db: Executor, limit: number): Promise<number[]> {
  const rows = await db.selectFrom("notification_event").select("id").orderBy("id").limit(limit).execute();
  return rows.map((row) => row.id);
}

/** Takes one pending event by id (deleting it), in the caller's transaction; undefined when gone. */
export async function takeNotificationEvent(
  db: Executor,
  id: number,
): Promise<PendingNotificationEvent | undefined> {
  const { rows } = await sql<PendingNotificationEvent>`delete from notification_event where id = ${id}
    returning id, cause, at`.execute(db);
  return rows[0];
}
