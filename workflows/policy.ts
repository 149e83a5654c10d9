import type { ProcessActor } from "./proposal.machine";
import { localLoginAllows, type LocalLoginMode } from "./sign-in";

/**
 * WHO MAY SEE OR DO WHAT, outside the steps of the two machines (which decide those themselves,
 * with `availableEvents` / `availableMeetingEvents`). One pure function per question, over the
 * actor and the record: loaders, actions, commands, the buttons a page shows and the reliability
 * suite's authorisation table all call these, so a rule changes in one file. No I/O: the server
 * builds the actor (from the session and the organisation) and reads the record, then asks here.
 * See docs/decisions/009-policies.md.
 */

/** A membership of the actor in a body, valid today. */
export interface ActorMembership {
  body_id: number;
  kind: string;
  role: string;
}

/** The signed-in person as policies see them: account flags and today's memberships. */
export interface Actor {
  id: number;
  isAdmin: boolean;
  isCoordinator: boolean;
  memberships: readonly ActorMembership[];
}

/** The actor's roles in one body on a meeting day (the server reads them for that day). */
export interface BodyActor {
  isCoordinator: boolean;
  bodyRoles: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Accounts and the organisation

/**
 * An account's admin right may be taken away (demoted or deactivated) only while another active
 * administrator remains: the installation is never left without one. The command counts the
 * others in the same transaction as the change.
 */
export function mayRemoveAdminRight(otherActiveAdmins: number): boolean {
  return otherActiveAdmins > 0;
}

/** Administrators manage users, municipalities and bodies. */
export function mayAdminister(actor: Pick<Actor, "isAdmin">): boolean {
  return actor.isAdmin;
}

/**
 * Administrators see the e-mail outbox (recipients, subjects and texts as sent, which may name
 * proposals the reader could not otherwise open) and send failed messages again.
 */
export function mayManageEmailOutbox(actor: Pick<Actor, "isAdmin">): boolean {
  return actor.isAdmin;
}

// ---------------------------------------------------------------------------------------------
// Proposals

/** Whether the actor leads any specialist group. */
function leadsAnyGroup(actor: Pick<Actor, "memberships">): boolean {
  return actor.memberships.some((m) => m.kind === "group" && m.role === "leader");
}

/** Who routes new proposals to a group: coordinators and every group leader. */
export function mayRouteProposals(actor: Pick<Actor, "isCoordinator" | "memberships">): boolean {
  return actor.isCoordinator || leadsAnyGroup(actor);
}

/** Who follows up decided work (starts it, cancels it): the coordinators. */
export function mayFollowUpDecisions(actor: Pick<Actor, "isCoordinator">): boolean {
  return actor.isCoordinator;
}

/**
 * Who the actor is in the process, for one proposal: what the proposal machine's guards read.
 * `meeting` is set only when a decision is recorded in a meeting, as that body's protocol item.
 */
export function proposalActor(
  actor: Actor,
  proposal: { author_id: number; group_id: number | null },
  meeting: ProcessActor["meeting"] = null,
): ProcessActor {
  const inGroup = actor.memberships.filter((m) => m.kind === "group" && m.body_id === proposal.group_id);
  return {
    userId: actor.id,
    isSubmitter: proposal.author_id === actor.id,
    isCoordinator: actor.isCoordinator,
    isAnyGroupLeader: leadsAnyGroup(actor),
    groupRole: inGroup.some((m) => m.role === "leader") ? "leader" : inGroup.length > 0 ? "member" : null,
    meeting,
  };
}

/** Only the author edits (or deletes) a draft; to everyone else it does not exist. */
export function mayEditDraft(
  actor: Pick<Actor, "id">,
  proposal: { state: string; author_id: number },
): boolean {
  return proposal.state === "draft" && proposal.author_id === actor.id;
}

/** Who may write the assessment, and when: the assigned group (or a coordinator) while the group has the case. */
export function mayAssess(
  actor: Pick<ProcessActor, "isCoordinator" | "groupRole">,
  proposal: { state: string },
): boolean {
  return (
    (proposal.state === "groupReview" || proposal.state === "awaitingSubmitter") &&
    (actor.isCoordinator || actor.groupRole !== null)
  );
}

// ---------------------------------------------------------------------------------------------
// Strategies and the annual report

/** Coordinators and administrators manage strategies (and see drafts); everyone signed in reads the others. */
export function mayManageStrategies(actor: Pick<Actor, "isAdmin" | "isCoordinator">): boolean {
  return actor.isAdmin || actor.isCoordinator;
}

/** Coordinators and administrators close a year's report. */
export function mayFinaliseReports(actor: Pick<Actor, "isAdmin" | "isCoordinator">): boolean {
  return actor.isAdmin || actor.isCoordinator;
}

/**
 * The report text of started or completed work is kept up to date by the coordinator or the
 * leader of the proposal's group.
 */
export function mayEditReportText(
  actor: Pick<ProcessActor, "isCoordinator" | "groupRole">,
  proposal: { state: string },
): boolean {
  if (proposal.state !== "inProgress" && proposal.state !== "completed") return false;
  return actor.isCoordinator || actor.groupRole === "leader";
}

// ---------------------------------------------------------------------------------------------
// Meetings

/** Roles in a body that may organise its meetings: the chair and the secretary (a group's leader chairs it). */
const organiserRoles = ["chair", "secretary", "leader"];

/**
 * Whether an actor may plan and run the meetings of a body: coordinators, and the chair,
 * secretary or (for a specialist group) leader of that body. The meeting machine's guards use it.
 */
export function mayOrganiseMeetings(actor: BodyActor): boolean {
  return actor.isCoordinator || actor.bodyRoles.some((r) => organiserRoles.includes(r));
}

/**
 * Whether a viewer may read a body's exempt cases (offentleglova), decided on the day of reading:
 * administrators and whoever is a member of the body that day, in any role (its secretary
 * included). A member whose membership has ended has lost access; being a coordinator gives none
 * by itself. Nobody who is not signed in.
 */
export function maySeeExemptCases(
  actor: Pick<Actor, "id" | "isAdmin"> | null,
  body: { membersToday: readonly { user_id: number }[] },
): boolean {
  if (!actor) return false;
  return actor.isAdmin || body.membersToday.some((m) => m.user_id === actor.id);
}

// ---------------------------------------------------------------------------------------------
// Notifications and accounts

/** Who may see a proposal: everyone signed in, but a draft only its author. */
export function mayViewProposal(actor: Pick<Actor, "id">, proposal: { state: string; author_id: number }) {
  return proposal.state !== "draft" || proposal.author_id === actor.id;
}

/** "Følg innspillet": anyone who may see a submitted proposal (a draft has nothing to follow yet). */
export function mayFollowProposal(actor: Pick<Actor, "id">, proposal: { state: string; author_id: number }) {
  return proposal.state !== "draft" && mayViewProposal(actor, proposal);
}

/**
 * Who gets a "Glemt passord?" link: an active account that may sign in with a password under the
 * configured mode (LOCAL_LOGIN) and has one (an account made by signing in at an issuer has none,
 * and gets none this way). Everyone else gets the same answer and no e-mail.
 */
export function mayResetPassword(
  mode: LocalLoginMode,
  account: { active: number; is_admin: number; password_hash: string },
): boolean {
  return account.active === 1 && account.password_hash !== "" && localLoginAllows(mode, account);
}
