import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** ISO date (YYYY-MM-DD) or timestamp (ISO 8601) stored as text. */
type IsoText = string;

export interface MunicipalityTable {
  id: Generated<number>;
  name: string;
  valid_from: IsoText;
  valid_to: IsoText | null;
}

export type BodyKind = "group" | "committee" | "board";

export interface BodyTable {
  id: Generated<number>;
  kind: BodyKind;
  valid_from: IsoText;
  valid_to: IsoText | null;
}

export interface BodyNameTable {
  id: Generated<number>;
  body_id: number;
  name: string;
  valid_from: IsoText;
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
