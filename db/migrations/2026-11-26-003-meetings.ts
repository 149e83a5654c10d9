import { sql, type Kysely } from "kysely";
import { autoIncrementId, floatType, isPostgres, postgresRefuseTrigger } from "../dialect";

/**
 * Meetings of every body: the agenda (protocol items, numbered per body and year when the notice
 * is published), attendance, conflicts of interest, decisions with votes, and the protocol's
 * approval and dated addenda. An approved protocol is frozen by triggers as well as by the server.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("meeting")
    .addColumn("id", "integer", autoIncrementId(db))
    .addColumn("body_id", "integer", (c) => c.notNull().references("body.id"))
    // Local wall-clock time in Norway ("2021-04-14T10:00"): a meeting is held at a time on the clock.
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("end_time", "text")
    .addColumn("place", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("video_link", "text")
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .check(
          sql`status in ('planned', 'noticePublished', 'held', 'protocolApproved', 'protocolPublished', 'cancelled')`,
        ),
    )
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("notice_published_at", "text")
    .addColumn("protocol_approved_at", "text")
    .addColumn("protocol_approved_by", "integer", (c) => c.references("user.id"))
    .addColumn("protocol_published_at", "text")
    .addColumn("cancelled_at", "text")
    .addColumn("cancel_reason", "text")
    .execute();
  await db.schema
    .createIndex("meeting_body_starts")
    .on("meeting")
    .columns(["body_id", "starts_at"])
    .execute();
  await db.schema
    .createIndex("meeting_status_starts")
    .on("meeting")
    .columns(["status", "starts_at"])
    .execute();

  await db.schema
    .createTable("protocol_item")
    .addColumn("id", "integer", autoIncrementId(db))
    .addColumn("meeting_id", "integer", (c) => c.notNull().references("meeting.id"))
    // The meeting's body, repeated so the database itself can refuse a duplicate case number.
    .addColumn("body_id", "integer", (c) => c.notNull().references("body.id"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('proposal', 'other')`))
    .addColumn("proposal_id", "integer", (c) => c.references("proposal.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("presentation", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("recommendation", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("exempt", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("exempt_basis", "text")
    .addColumn("sequence", "integer", (c) => c.notNull())
    .addColumn("number", "integer")
    .addColumn("number_year", "integer")
    .addColumn("deferred_from_id", "integer", (c) => c.references("protocol_item.id"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint("protocol_item_proposal_kind", sql`(kind = 'proposal') = (proposal_id is not null)`)
    .addCheckConstraint(
      "protocol_item_exempt_basis",
      sql`exempt = 0 or (exempt_basis is not null and trim(exempt_basis) <> '')`,
    )
    .addCheckConstraint("protocol_item_number_year", sql`(number is null) = (number_year is null)`)
    .execute();
  await db.schema
    .createIndex("protocol_item_number")
    .on("protocol_item")
    .columns(["body_id", "number_year", "number"])
    .unique()
    .execute();
  await db.schema
    .createIndex("protocol_item_meeting")
    .on("protocol_item")
    .columns(["meeting_id", "sequence"])
    .execute();
  await db.schema
    .createIndex("protocol_item_proposal")
    .on("protocol_item")
    .columns(["proposal_id"])
    .execute();

  await db.schema
    .createTable("case_number_counter")
    .addColumn("body_id", "integer", (c) => c.notNull().references("body.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("last_number", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("case_number_counter_pk", ["body_id", "year"])
    .execute();

  await db.schema
    .createTable("attendance")
    .addColumn("meeting_id", "integer", (c) => c.notNull().references("meeting.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('present', 'absent', 'substitute')`))
    .addColumn("substitute_for_id", "integer", (c) => c.references("user.id"))
    .addPrimaryKeyConstraint("attendance_pk", ["meeting_id", "user_id"])
    .addCheckConstraint(
      "attendance_substitute",
      sql`(status = 'substitute') = (substitute_for_id is not null)`,
    )
    .execute();

  await db.schema
    .createTable("conflict_of_interest")
    .addColumn("protocol_item_id", "integer", (c) => c.notNull().references("protocol_item.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("reason", "text", (c) => c.notNull().defaultTo(""))
    .addPrimaryKeyConstraint("conflict_of_interest_pk", ["protocol_item_id", "user_id"])
    .execute();

  await db.schema
    .createTable("decision")
    .addColumn("protocol_item_id", "integer", (c) => c.primaryKey().references("protocol_item.id"))
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("motions", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("vote_result", "text", (c) => c.check(sql`vote_result in ('adopted', 'notAdopted')`))
    .addColumn("unanimous", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("recorded_by", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("vote")
    .addColumn("protocol_item_id", "integer", (c) => c.notNull().references("protocol_item.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("choice", "text", (c) => c.notNull().check(sql`choice in ('for', 'against', 'abstain')`))
    .addColumn("weight", floatType(db), (c) => c.notNull())
    .addPrimaryKeyConstraint("vote_pk", ["protocol_item_id", "user_id"])
    .execute();

  await db.schema
    .createTable("protocol_addendum")
    .addColumn("id", "integer", autoIncrementId(db))
    .addColumn("meeting_id", "integer", (c) => c.notNull().references("meeting.id"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("added_by", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("added_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("protocol_addendum_meeting")
    .on("protocol_addendum")
    .columns(["meeting_id", "id"])
    .execute();

  // An approved protocol is a legal record: the database refuses changes to it, whatever the code does.
  if (isPostgres(db)) return frozenOnPostgres(db);
  const frozen = (meetingId: string) =>
    sql.raw(
      `(select status from meeting where id = ${meetingId}) in ('protocolApproved', 'protocolPublished')`,
    );
  const viaItem = (itemId: string) => `(select meeting_id from protocol_item where id = ${itemId})`;
  const refuse = sql.raw(`select raise(abort, 'protocol approved: the meeting record cannot be changed')`);

  await sql`create trigger meeting_frozen_update before update on meeting
    when old.status in ('protocolApproved', 'protocolPublished') and (
      new.body_id is not old.body_id or new.starts_at is not old.starts_at
      or new.end_time is not old.end_time or new.place is not old.place
      or new.video_link is not old.video_link or new.notice_published_at is not old.notice_published_at
      or new.protocol_approved_at is not old.protocol_approved_at
      or new.protocol_approved_by is not old.protocol_approved_by
      or new.cancelled_at is not old.cancelled_at or new.cancel_reason is not old.cancel_reason
      or not (new.status = old.status or (old.status = 'protocolApproved' and new.status = 'protocolPublished'))
    ) begin ${refuse}; end`.execute(db);
  await sql`create trigger meeting_frozen_delete before delete on meeting
    when old.status in ('protocolApproved', 'protocolPublished') begin ${refuse}; end`.execute(db);

  const perMeeting: [table: string, meetingOf: (row: "new" | "old") => string][] = [
    ["protocol_item", (row) => `${row}.meeting_id`],
    ["attendance", (row) => `${row}.meeting_id`],
    ["conflict_of_interest", (row) => viaItem(`${row}.protocol_item_id`)],
    ["decision", (row) => viaItem(`${row}.protocol_item_id`)],
    ["vote", (row) => viaItem(`${row}.protocol_item_id`)],
  ];
  for (const [table, meetingOf] of perMeeting) {
    const name = (op: string) => sql.raw(`${table}_frozen_${op}`);
    const t = sql.raw(table);
    await sql`create trigger ${name("insert")} before insert on ${t}
      when ${frozen(meetingOf("new"))} begin ${refuse}; end`.execute(db);
    await sql`create trigger ${name("update")} before update on ${t}
      when ${frozen(meetingOf("old"))} or ${frozen(meetingOf("new"))} begin ${refuse}; end`.execute(db);
    await sql`create trigger ${name("delete")} before delete on ${t}
      when ${frozen(meetingOf("old"))} begin ${refuse}; end`.execute(db);
  }

  await sql`create trigger protocol_addendum_no_update before update on protocol_addendum begin
    select raise(abort, 'protocol_addendum is append-only');
  end`.execute(db);
  await sql`create trigger protocol_addendum_no_delete before delete on protocol_addendum begin
    select raise(abort, 'protocol_addendum is append-only');
  end`.execute(db);
}

/** The same refusals on PostgreSQL: row triggers whose conditions call functions (a trigger's WHEN may not hold a subquery). */
async function frozenOnPostgres(db: Kysely<any>) {
  await sql`create or replace function innspill_meeting_frozen(integer) returns boolean
    language sql stable as $$
      select coalesce((select status in ('protocolApproved', 'protocolPublished') from meeting where id = $1), false)
    $$`.execute(db);
  await sql`create or replace function innspill_item_meeting(integer) returns integer
    language sql stable as $$ select meeting_id from protocol_item where id = $1 $$`.execute(db);
  const message = "protocol approved: the meeting record cannot be changed";
  const changed = [
    "body_id",
    "starts_at",
    "end_time",
    "place",
    "video_link",
    "notice_published_at",
    "protocol_approved_at",
    "protocol_approved_by",
    "cancelled_at",
    "cancel_reason",
  ]
    .map((c) => `new.${c} is distinct from old.${c}`)
    .join(" or ");
  await postgresRefuseTrigger(
    "meeting_frozen_update",
    "update",
    "meeting",
    message,
    `old.status in ('protocolApproved', 'protocolPublished') and (${changed}
      or not (new.status = old.status or (old.status = 'protocolApproved' and new.status = 'protocolPublished')))`,
  ).execute(db);
  await postgresRefuseTrigger(
    "meeting_frozen_delete",
    "delete",
    "meeting",
    message,
    "old.status in ('protocolApproved', 'protocolPublished')",
  ).execute(db);
  const perMeeting: [table: string, meetingOf: (row: "new" | "old") => string][] = [
    ["protocol_item", (row) => `${row}.meeting_id`],
    ["attendance", (row) => `${row}.meeting_id`],
    ["conflict_of_interest", (row) => `innspill_item_meeting(${row}.protocol_item_id)`],
    ["decision", (row) => `innspill_item_meeting(${row}.protocol_item_id)`],
    ["vote", (row) => `innspill_item_meeting(${row}.protocol_item_id)`],
  ];
  const frozen = (meeting: string) => `innspill_meeting_frozen(${meeting})`;
  for (const [table, meetingOf] of perMeeting) {
    await postgresRefuseTrigger(
      `${table}_frozen_insert`,
      "insert",
      table,
      message,
      frozen(meetingOf("new")),
    ).execute(db);
    await postgresRefuseTrigger(
      `${table}_frozen_update`,
      "update",
      table,
      message,
      `${frozen(meetingOf("old"))} or ${frozen(meetingOf("new"))}`,
    ).execute(db);
    await postgresRefuseTrigger(
      `${table}_frozen_delete`,
      "delete",
      table,
      message,
      frozen(meetingOf("old")),
    ).execute(db);
  }
  const appendOnly = "protocol_addendum is append-only";
  await postgresRefuseTrigger(
    "protocol_addendum_no_update",
    "update",
    "protocol_addendum",
    appendOnly,
  ).execute(db);
  await postgresRefuseTrigger(
    "protocol_addendum_no_delete",
    "delete",
    "protocol_addendum",
    appendOnly,
  ).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "protocol_addendum",
    "vote",
    "decision",
    "conflict_of_interest",
    "attendance",
    "case_number_counter",
    "protocol_item",
    "meeting",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
