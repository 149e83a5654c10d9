import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { MeetingStatus } from "../workflows/meeting.machine";
import type { VoteChoice } from "../workflows/vote";
import type { SigningRule } from "../workflows/signing";

/** ISO date (YYYY-MM-DD) or timestamp (ISO 8601) stored as text. */
type IsoText = string;

export interface MunicipalityTable {
  id: Generated<number>;
  name: string;
  valid_from: IsoText;
  valid_to: IsoText | null;
}

export type BodyKind = "group" | "committee" | "board";

export type { SigningRule };

export interface BodyTable {
  id: Generated<number>;
  kind: BodyKind;
  valid_from: IsoText;
  valid_to: IsoText | null;
  /** Null: the default for the body's kind (workflows/signing.ts). */
  signing_rule: ColumnType<SigningRule | null, SigningRule | null | undefined, SigningRule | null>;
}

export interface BodyNameTable {
  id: Generated<number>;
  body_id: number;
  name: string;
  valid_from: IsoText;
  /** "SR", "PR": tells cases of several bodies apart ("SR-sak 1/2026"). */
  short_code: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  is_admin: ColumnType<number, number | undefined, number>;
  is_coordinator: ColumnType<number, number | undefined, number>;
  active: ColumnType<number, number | undefined, number>;
  municipality_id: number | null;
  created_at: IsoText;
  must_change_password: ColumnType<number, number | undefined, number>;
}

export type MembershipRole = "leader" | "member" | "secretary" | "chair" | "union_rep";

export interface MembershipTable {
  id: Generated<number>;
  user_id: number;
  body_id: number;
  role: MembershipRole;
  municipality_id: number | null;
  vote_weight: ColumnType<number, number | undefined, number>;
  valid_from: IsoText;
  valid_to: IsoText | null;
}

export interface SessionTable {
  id: string;
  user_id: number;
  created_at: IsoText;
  expires_at: IsoText;
  last_seen_at: IsoText | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  email: string;
  ip: string;
  at: IsoText;
  success: number;
}

export interface ProposalTable {
  id: Generated<number>;
  title: string;
  background: ColumnType<string, string | undefined, string>;
  problem: ColumnType<string, string | undefined, string>;
  solution: ColumnType<string, string | undefined, string>;
  benefits: ColumnType<string, string | undefined, string>;
  affected: ColumnType<string, string | undefined, string>;
  resources: ColumnType<string, string | undefined, string>;
  suggested_group_id: number | null;
  group_id: number | null;
  state: string;
  version: ColumnType<number, number | undefined, number>;
  author_id: number;
  merged_into_id: number | null;
  created_at: IsoText;
  submitted_at: IsoText | null;
  state_changed_at: IsoText;
  decided_at: IsoText | null;
}

export interface ProposalMunicipalityTable {
  proposal_id: number;
  municipality_id: number;
  /**
   * A copy of when the proposal was listed (`coalesce(submitted_at, created_at)`), the list's sort
   * key, kept by the database's triggers on every write (migration 2026-11-30-h15t-001): never written.
   */
  listed_at: Generated<IsoText>;
}

export interface AttachmentTable {
  id: Generated<number>;
  proposal_id: number;
  file_name: string;
  content_type: string;
  size: number;
  storage_key: string;
  uploaded_by: number;
  created_at: IsoText;
}

export interface ProposalHistoryTable {
  id: Generated<number>;
  proposal_id: number;
  from_state: string | null;
  to_state: string;
  event: string;
  actor_id: number;
  at: IsoText;
  reason: string | null;
  group_id: number | null;
  protocol_item_id: number | null;
}

export interface StrategyTable {
  id: Generated<number>;
  name: string;
  period_from: number;
  period_to: number;
  status: "draft" | "approved" | "replaced";
  approved_item_id: number | null;
  replaced_by_id: number | null;
  /** Bumped by every edit of the strategy or its goals (optimistic lock while a draft). */
  version: ColumnType<number, number | undefined, number>;
  /** When it was approved (ISO timestamp); null for drafts and for strategies approved before this was kept. */
  approved_at: ColumnType<IsoText | null, IsoText | null | undefined, IsoText | null>;
}

export interface StrategyGoalTable {
  id: Generated<number>;
  strategy_id: number;
  parent_id: number | null;
  number: string;
  title: string;
  description: ColumnType<string, string | undefined, string>;
}

export interface PriorityBandTable {
  id: Generated<number>;
  label: string;
  min_total: number;
}

export interface AssessmentTable {
  proposal_id: number;
  strategic_value: number | null;
  service_quality: number | null;
  economic_benefit: number | null;
  necessity: number | null;
  risk: number | null;
  adjustment: ColumnType<number, number | undefined, number>;
  adjustment_reason: ColumnType<string, string | undefined, string>;
  benefits_plan: ColumnType<string, string | undefined, string>;
  cost_once: number | null;
  cost_yearly: number | null;
  version: ColumnType<number, number | undefined, number>;
  updated_by: number;
  updated_at: IsoText;
}

export interface AssessmentGoalTable {
  proposal_id: number;
  goal_id: number;
}

// The process's states are defined by the machines in workflows/; the schema only stores them.
export type { MeetingStatus, VoteChoice };

export interface MeetingTable {
  id: Generated<number>;
  body_id: number;
  /** Local wall-clock time in Norway, "YYYY-MM-DDTHH:MM". */
  starts_at: string;
  /** "HH:MM", when known. */
  end_time: string | null;
  place: ColumnType<string, string | undefined, string>;
  video_link: string | null;
  status: MeetingStatus;
  version: ColumnType<number, number | undefined, number>;
  created_by: number;
  created_at: IsoText;
  notice_published_at: IsoText | null;
  protocol_approved_at: IsoText | null;
  protocol_approved_by: number | null;
  protocol_published_at: IsoText | null;
  cancelled_at: IsoText | null;
  cancel_reason: string | null;
}

/** A case on a meeting's agenda; once numbered, a protocol item ("Sak 12/2021"). */
export interface ProtocolItemTable {
  id: Generated<number>;
  meeting_id: number;
  body_id: number;
  kind: "proposal" | "other";
  proposal_id: number | null;
  title: string;
  /** Saksframlegg. */
  presentation: ColumnType<string, string | undefined, string>;
  /** Innstilling / forslag til vedtak. */
  recommendation: ColumnType<string, string | undefined, string>;
  exempt: ColumnType<number, number | undefined, number>;
  exempt_basis: string | null;
  sequence: number;
  number: number | null;
  number_year: number | null;
  deferred_from_id: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: IsoText;
  /** The earlier case of the same matter whose exemption this case follows. */
  exempt_from_item_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** Why an exemption that followed the matter was lifted, by whom and when. */
  exempt_lifted_reason: ColumnType<string | null, string | null | undefined, string | null>;
  exempt_lifted_by: ColumnType<number | null, number | null | undefined, number | null>;
  exempt_lifted_at: ColumnType<IsoText | null, IsoText | null | undefined, IsoText | null>;
}

export interface CaseNumberCounterTable {
  body_id: number;
  year: number;
  last_number: number;
}

export type AttendanceStatus = "present" | "absent" | "substitute";

export interface AttendanceTable {
  meeting_id: number;
  user_id: number;
  status: AttendanceStatus;
  substitute_for_id: number | null;
}

export interface ConflictOfInterestTable {
  protocol_item_id: number;
  user_id: number;
  reason: ColumnType<string, string | undefined, string>;
}

export interface DecisionTable {
  protocol_item_id: number;
  outcome: string;
  /** Vedtak. */
  text: string;
  /** Other proposals put forward in the meeting (kommuneloven § 11-4). */
  motions: ColumnType<string, string | undefined, string>;
  vote_result: "adopted" | "notAdopted" | null;
  unanimous: ColumnType<number, number | undefined, number>;
  recorded_by: number;
  recorded_at: IsoText;
}

export interface VoteTable {
  protocol_item_id: number;
  user_id: number;
  choice: VoteChoice;
  weight: number;
}

export interface ProtocolAddendumTable {
  id: Generated<number>;
  meeting_id: number;
  text: string;
  added_by: number;
  added_at: IsoText;
}

/** Follow-up of a decided proposal: started, completed, and what the annual report says about it. */
export interface ProposalFollowupTable {
  proposal_id: number;
  project_lead_id: number | null;
  /** ISO dates (YYYY-MM-DD). */
  start_date: IsoText | null;
  planned_end: IsoText | null;
  completed_on: IsoText | null;
  realised_benefits: ColumnType<string, string | undefined, string>;
  /** "Hva ble innført, for hvem" – the annual report's text. */
  report_text: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  updated_by: number;
  updated_at: IsoText;
}

/** The annual report of a year: a draft until marked final, then frozen as a snapshot. */
export interface AnnualReportTable {
  year: number;
  status: "draft" | "final";
  snapshot: string | null;
  finalised_by: number | null;
  finalised_at: IsoText | null;
}

/**
 * A document rendered once and served as stored: a final report's files, a published protocol's
 * Word file. `key` says which version of the record it was rendered from; `content` is base64.
 */
export interface FrozenDocumentTable {
  kind: "report" | "public-protocol";
  key: string;
  format: "docx" | "md" | "csv";
  content: string;
  created_at: IsoText;
}

/** A signer of a meeting's protocol; `signed_at` is their electronic approval. */
export interface ProtocolSignerTable {
  meeting_id: number;
  user_id: number;
  role: "chair" | "member";
  signed_at: IsoText | null;
}

/** A member municipality's approval of a final annual report (the report's chapter 7 "Godkjenning"). */
export interface AnnualReportApprovalTable {
  year: number;
  municipality_id: number;
  approved_by: number;
  approver_title: string;
  approved_at: IsoText;
}

/** An identity at an OpenID Connect issuer that signs in as a user (created from it, or linked by e-mail). */
export interface UserIdentityTable {
  id: Generated<number>;
  user_id: number;
  /** The issuer's identifier (the ID token's `iss`). */
  issuer: string;
  /** Stable within the issuer: Entra's `oid`, otherwise `sub`. Never the e-mail. */
  subject: string;
  how: "created" | "linked";
  /** The e-mail the identity had when it was created or linked. */
  linked_email: string;
  created_at: IsoText;
  last_sign_in_at: IsoText;
}

/** Which municipality a new account signing in gets: by the issuer, or by the e-mail's domain. */
export interface SignInRuleTable {
  id: Generated<number>;
  kind: "issuer" | "domain";
  value: string;
  municipality_id: number;
  created_at: IsoText;
}

/** The issuer's ID token behind an Innspill session, for signing out at the issuer too. */
export interface OidcSessionTable {
  session_id: string;
  issuer_key: string;
  id_token: string;
  expires_at: IsoText;
}

/** An administrator's version of a text on the site; absent: the application's default. */
export interface SiteTextTable {
  key: string;
  body: string;
  version: Generated<number>;
  updated_at: IsoText;
  updated_by: number | null;
}

/** An employee's support of a proposal ("Dette gjelder også oss"), for their municipality. */
export interface ProposalSupportTable {
  proposal_id: number;
  user_id: number;
  municipality_id: number | null;
  created_at: IsoText;
}

/** One notification to one person: the bell's row, and the source of its e-mail or digest line. */
export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  proposal_id: number | null;
  meeting_id: number | null;
  title: string;
  body: Generated<string>;
  link: string;
  dedupe_key: string | null;
  email: "immediate" | "digest" | "none";
  digested_at: IsoText | null;
  created_at: IsoText;
  read_at: IsoText | null;
}

/** An e-mail waiting for, in or past delivery (the transactional outbox). */
export interface EmailOutboxTable {
  id: Generated<number>;
  user_id: number | null;
  notification_id: number | null;
  to_address: string;
  message_id: string;
  subject: string;
  text_body: string;
  html_body: string;
  ics: string | null;
  status: Generated<"pending" | "sending" | "sent" | "failed">;
  attempts: Generated<number>;
  next_attempt_at: IsoText;
  claimed_until: IsoText | null;
  last_error: string | null;
  created_at: IsoText;
  sent_at: IsoText | null;
}

/** How a person wants one kind of notification by e-mail; no row means the kind's default. */
export interface NotificationPreferenceTable {
  user_id: number;
  kind: string;
  mode: "immediate" | "digest" | "off";
}

/** "Følg innspillet". */
export interface ProposalFollowerTable {
  proposal_id: number;
  user_id: number;
  created_at: IsoText;
}

/** How long a proposal may wait in a process state before those who act on it are reminded. */
export interface StepLimitTable {
  state: string;
  limit_days: number;
}

/**
 * How far the weekly waiting-reminder job has come in a state this ISO week: the last proposal it
 * handled, by (state_changed_at, id). A row of an earlier week counts as none.
 */
export interface ReminderCursorTable {
  state: string;
  week: string;
  after_changed_at: IsoText;
  after_id: number;
}

/** A digest hour (ISO instant) whose digests are all written: the job does not look again until the next. */
export interface DigestRunTable {
  digest_at: IsoText;
}

/** The work-due job's last complete run: its Oslo day and instant (one row). */
export interface WorkDueRunTable {
  day: string;
  at: IsoText;
}

/**
 * A process event not yet fanned out to its notifications (decision 031): written in the event's
 * transaction, deleted in the fan-out's. `cause` is the JSON of the event's notification cause.
 */
export interface NotificationEventTable {
  id: Generated<number>;
  proposal_id: number | null;
  cause: string;
  at: IsoText;
}

/** A single-use "Glemt passord?" link; only the token's hash is stored. */
export interface PasswordResetTable {
  token_hash: string;
  user_id: number;
  created_at: IsoText;
  expires_at: IsoText;
  used_at: IsoText | null;
}

/** A "Glemt passord?" request, kept a day for throttling (known e-mail or not). */
export interface PasswordResetRequestTable {
  id: Generated<number>;
  email: string;
  ip: string;
  at: IsoText;
}

export interface Database {
  municipality: MunicipalityTable;
  body: BodyTable;
  body_name: BodyNameTable;
  user: UserTable;
  membership: MembershipTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  proposal: ProposalTable;
  proposal_municipality: ProposalMunicipalityTable;
  attachment: AttachmentTable;
  proposal_history: ProposalHistoryTable;
  strategy: StrategyTable;
  strategy_goal: StrategyGoalTable;
  priority_band: PriorityBandTable;
  assessment: AssessmentTable;
  assessment_goal: AssessmentGoalTable;
  meeting: MeetingTable;
  protocol_item: ProtocolItemTable;
  case_number_counter: CaseNumberCounterTable;
  attendance: AttendanceTable;
  conflict_of_interest: ConflictOfInterestTable;
  decision: DecisionTable;
  vote: VoteTable;
  protocol_addendum: ProtocolAddendumTable;
  proposal_followup: ProposalFollowupTable;
  annual_report: AnnualReportTable;
  protocol_signer: ProtocolSignerTable;
  annual_report_approval: AnnualReportApprovalTable;
  user_identity: UserIdentityTable;
  sign_in_rule: SignInRuleTable;
  oidc_session: OidcSessionTable;
  site_text: SiteTextTable;
  proposal_support: ProposalSupportTable;
  notification: NotificationTable;
  email_outbox: EmailOutboxTable;
  notification_preference: NotificationPreferenceTable;
  proposal_follower: ProposalFollowerTable;
  step_limit: StepLimitTable;
  reminder_cursor: ReminderCursorTable;
  digest_run: DigestRunTable;
  work_due_run: WorkDueRunTable;
  notification_event: NotificationEventTable;
  password_reset: PasswordResetTable;
  password_reset_request: PasswordResetRequestTable;
  frozen_document: FrozenDocumentTable;
}

export type Municipality = Selectable<MunicipalityTable>;
export type Body = Selectable<BodyTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Membership = Selectable<MembershipTable>;
export type Proposal = Selectable<ProposalTable>;
export type NewProposal = Insertable<ProposalTable>;
export type Attachment = Selectable<AttachmentTable>;
export type ProposalHistory = Selectable<ProposalHistoryTable>;
export type Assessment = Selectable<AssessmentTable>;
export type StrategyGoal = Selectable<StrategyGoalTable>;
export type Meeting = Selectable<MeetingTable>;
export type ProtocolItem = Selectable<ProtocolItemTable>;
export type MeetingDecision = Selectable<DecisionTable>;
export type ProposalFollowup = Selectable<ProposalFollowupTable>;
export type Strategy = Selectable<StrategyTable>;
export type UserIdentity = Selectable<UserIdentityTable>;
export type SignInRule = Selectable<SignInRuleTable>;
