import {
  mayAdminister,
  mayEditReportText,
  mayFinaliseReports,
  mayManageStrategies,
  maySeeExemptCases,
  proposalActor,
  type Actor,
} from "#workflows/policy";
import type { ProposalEventType } from "#workflows/proposal.machine";
import type { FixtureState, Fixtures } from "./fixtures";
import { roles, type Role, type SignedInRole } from "./support";

/**
 * WHO MAY DO WHAT: the one table the authorisation matrix is generated from. Every route file
 * in app/routes has an entry (a test fails for a route without one). Each entry lists probes:
 * a request (a page, or a form post) and, per role, what must happen:
 *
 * - "ok": the route lets the role through. For a page: 200. For a post: the status in `ok`,
 *   chosen so that passing authorisation is visible WITHOUT changing anything — an empty form
 *   (400: the form is checked only after who-may), or a well-formed form at a stale version
 *   (409: the commands answer who-may (403) before staleness (409), see apply-proposal-event).
 * - "login": a redirect to /logg-inn.  "forbidden": 403.  "notFound": 404 (what a user may not
 *   even know exists).  "away": a redirect elsewhere (a logged-in user opening /logg-inn).
 *
 * The test also checks that no refused request, and no probe that is not marked `mutates`,
 * writes anything, and that `reveals` texts appear exactly for the roles listed.
 */

export type Outcome = "ok" | "login" | "forbidden" | "notFound" | "away";

export interface Probe {
  /** What is tried, as the test names it. */
  name: string;
  method: "GET" | "POST";
  path: (fx: Fixtures) => string;
  body?: (fx: Fixtures) => Record<string, string>;
  /** The status that means "let through" (GET: 200). */
  ok?: 200 | 302 | 400 | 409;
  expect: Record<Role, Outcome>;
  /** A text in the answer that only these roles may read (checked for every role let through). */
  reveals?: { text: (fx: Fixtures) => string; to: Role[] };
  /** The allowed request changes data (at most one role may be allowed; it goes last). */
  mutates?: boolean;
  /** Each role logs in afresh for this probe (the probe ends the session). */
  freshSession?: boolean;
}

export interface RouteEntry {
  /** The file or folder name in app/routes. */
  route: string;
  probes: Probe[];
}

// ---------------------------------------------------------------------------------------------
// Expectation builders

const signedInRoles = roles.filter((r): r is SignedInRole => r !== "anonymous");

/** The same for every role, logged in or not. */
const all = (outcome: Outcome): Record<Role, Outcome> =>
  Object.fromEntries(roles.map((r) => [r, outcome])) as Record<Role, Outcome>;

/** Everyone, logged in or not. */
const everyone = () => all("ok");

/** Only these roles; every other signed-in role gets `refused`, anonymous goes to the login page. */
function only(allowed: readonly SignedInRole[], refused: Outcome = "forbidden"): Record<Role, Outcome> {
  return Object.fromEntries(
    roles.map((r) => [r, r === "anonymous" ? "login" : allowed.includes(r) ? "ok" : refused]),
  ) as Record<Role, Outcome>;
}

/** The same roles let through, who then find `outcome` (a record that does not exist). */
const lettingThrough = (expect: Record<Role, Outcome>, outcome: Outcome): Record<Role, Outcome> =>
  Object.fromEntries(Object.entries(expect).map(([r, o]) => [r, o === "ok" ? outcome : o])) as Record<
    Role,
    Outcome
  >;

/** Every signed-in role. */
const signedIn = () => only(signedInRoles);

// ---------------------------------------------------------------------------------------------
// Who the roles are, as the policies (workflows/policy.ts) see them, and the roles each policy
// lets through: where a rule lives in the policy module, the table asks it rather than repeating
// it, so a rule changed there is checked over HTTP here.

const GROUP = 1;
const COMMITTEE = 2;
const BOARD = 3;

/** The demo accounts' flags and memberships (support.ts says who plays which role). */
const profiles: Record<SignedInRole, Omit<Actor, "id">> = {
  employee: { isAdmin: false, isCoordinator: false, memberships: [] },
  submitter: { isAdmin: false, isCoordinator: false, memberships: [] },
  coordinator: {
    isAdmin: false,
    isCoordinator: true,
    memberships: [
      { body_id: GROUP, kind: "group", role: "member" },
      { body_id: COMMITTEE, kind: "committee", role: "secretary" },
    ],
  },
  groupLeader: {
    isAdmin: false,
    isCoordinator: false,
    memberships: [{ body_id: GROUP, kind: "group", role: "leader" }],
  },
  groupMember: {
    isAdmin: false,
    isCoordinator: false,
    memberships: [{ body_id: GROUP, kind: "group", role: "member" }],
  },
  committeeMember: {
    isAdmin: false,
    isCoordinator: false,
    memberships: [{ body_id: COMMITTEE, kind: "committee", role: "member" }],
  },
  boardMember: {
    isAdmin: false,
    isCoordinator: false,
    memberships: [{ body_id: BOARD, kind: "board", role: "member" }],
  },
  admin: { isAdmin: true, isCoordinator: false, memberships: [] },
};

const actorOf = (role: SignedInRole): Actor => ({ id: signedInRoles.indexOf(role) + 1, ...profiles[role] });

/** The signed-in roles a policy lets through. */
const allowedBy = (may: (actor: Actor) => boolean): SignedInRole[] =>
  signedInRoles.filter((r) => may(actorOf(r)));

/** The members of a body, as a meeting record lists them. */
const membersOf = (bodyId: number) =>
  signedInRoles
    .filter((r) => profiles[r].memberships.some((m) => m.body_id === bodyId))
    .map((r) => ({ user_id: actorOf(r).id }));

/** A proposal of the fixtures: written by `submitter`, in the group `groupLeader` leads. */
const fixtureProposal = { author_id: actorOf("submitter").id, group_id: GROUP };

/** Managers of strategies. */
const managers = allowedBy(mayManageStrategies);
/** Who closes a year's report. */
const finalisers = allowedBy(mayFinaliseReports);
/** Who administers accounts and the organisation. */
const administrators = allowedBy(mayAdminister);
/** Who keeps the report text of started or completed work. */
const reportTextEditors = allowedBy((a) =>
  mayEditReportText(proposalActor(a, fixtureProposal), { state: "completed" }),
);
/**
 * Who reads a committee meeting's exempt cases: its members today (the demo coordinator is its
 * secretary) and administrators. Exported for the crawl test.
 */
export const committeeInsiders: Role[] = allowedBy((a) =>
  maySeeExemptCases(a, { membersToday: membersOf(COMMITTEE) }),
);
/** …and a board meeting's: a coordinator who is not on the board does not. */
export const boardInsiders: Role[] = allowedBy((a) =>
  maySeeExemptCases(a, { membersToday: membersOf(BOARD) }),
);

const get = (
  name: string,
  path: Probe["path"],
  expect: Probe["expect"],
  extra: Partial<Probe> = {},
): Probe => ({
  name,
  method: "GET",
  path,
  expect,
  ...extra,
});

const post = (
  name: string,
  path: Probe["path"],
  body: Probe["body"],
  ok: Probe["ok"],
  expect: Probe["expect"],
  extra: Partial<Probe> = {},
): Probe => ({ name, method: "POST", path, body, ok, expect, ...extra });

const empty = () => ({});
/** A token with its signature changed in its last character. */
const forged = (token: string) => token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
const STALE = "999999";

// ---------------------------------------------------------------------------------------------
// The process: who may send which event, in which state (workflows/proposal.machine.ts and
// docs: the submitter writes, submits, supplements and may withdraw until the board decides;
// the coordinator or any group leader routes; the group assesses; its leader (or the
// coordinator) moves and merges; committee and board decide only in a meeting, never here).
// The demo coordinator also sits in Helse og velferd, so acts as a group member there.

const router = ["coordinator", "groupLeader"] as const;
const group = ["coordinator", "groupLeader", "groupMember"] as const;

export const processEvents: {
  type: ProposalEventType;
  state: FixtureState;
  allowed: readonly SignedInRole[];
}[] = [
  { type: "SUBMIT", state: "draft", allowed: ["submitter"] },
  { type: "ASSIGN", state: "submitted", allowed: router },
  { type: "REDIRECT", state: "submitted", allowed: router },
  { type: "MERGE", state: "submitted", allowed: router },
  { type: "WITHDRAW", state: "submitted", allowed: ["submitter"] },
  { type: "REQUEST_INFO", state: "groupReview", allowed: group },
  { type: "RECOMMEND", state: "groupReview", allowed: group },
  { type: "GROUP_REJECT", state: "groupReview", allowed: group },
  { type: "MOVE_GROUP", state: "groupReview", allowed: router },
  { type: "MERGE", state: "groupReview", allowed: router },
  { type: "WITHDRAW", state: "groupReview", allowed: ["submitter"] },
  { type: "SUPPLEMENT", state: "awaitingSubmitter", allowed: ["submitter"] },
  { type: "WITHDRAW", state: "awaitingSubmitter", allowed: ["submitter"] },
  { type: "COMMITTEE_RECOMMEND", state: "committeeReview", allowed: [] },
  { type: "COMMITTEE_APPROVE", state: "committeeReview", allowed: [] },
  { type: "COMMITTEE_RETURN", state: "committeeReview", allowed: [] },
  { type: "COMMITTEE_DEFER", state: "committeeReview", allowed: [] },
  { type: "COMMITTEE_REJECT", state: "committeeReview", allowed: [] },
  { type: "WITHDRAW", state: "committeeReview", allowed: ["submitter"] },
  { type: "BOARD_APPROVE", state: "boardReview", allowed: [] },
  { type: "BOARD_REJECT", state: "boardReview", allowed: [] },
  { type: "BOARD_RETURN", state: "boardReview", allowed: [] },
  { type: "BOARD_DEFER", state: "boardReview", allowed: [] },
  { type: "WITHDRAW", state: "boardReview", allowed: ["submitter"] },
  { type: "START", state: "approved", allowed: ["coordinator"] },
  { type: "CANCEL", state: "approved", allowed: ["coordinator"] },
  { type: "COMPLETE", state: "inProgress", allowed: ["coordinator", "groupLeader"] },
  { type: "CANCEL", state: "inProgress", allowed: ["coordinator"] },
];

/** An event posted from the proposal page at a stale version: 409 for those who may, 403 (404 for a draft) for the rest. */
const eventProbes: Probe[] = processEvents.map((e) =>
  post(
    `${e.type} in ${e.state}`,
    (fx) => `/innspill/${fx.proposal[e.state]}`,
    (fx) => ({
      intent: "event",
      type: e.type,
      version: STALE,
      reason: "Begrunnelse.",
      groupId: String(fx.otherGroupId),
      targetId: String(fx.proposal.submitted),
      // Closing steps (reject, redirect, merge) are sent again from their confirmation.
      confirmed: "yes",
    }),
    409,
    only(e.allowed, e.state === "draft" ? "notFound" : "forbidden"),
  ),
);

// ---------------------------------------------------------------------------------------------
// The table

export const authorizationTable: RouteEntry[] = [
  { route: "_index.tsx", probes: [get("start page", () => "/", signedIn())] },
  { route: "healthz.tsx", probes: [get("liveness", () => "/healthz", everyone())] },
  { route: "prosess.tsx", probes: [get("flowchart", () => "/prosess", everyone())] },
  // What public-sector users expect to find, open to everyone.
  {
    route: "tilgjengelighet.tsx",
    probes: [get("accessibility statement", () => "/tilgjengelighet", everyone())],
  },
  { route: "personvern.tsx", probes: [get("privacy page", () => "/personvern", everyone())] },
  { route: "hjelp.tsx", probes: [get("help page", () => "/hjelp", everyone())] },
  {
    route: "logg-inn.tsx",
    probes: [
      get("login page", () => "/logg-inn", { ...all("away"), anonymous: "ok" }),
      // A signed-in user is sent on from the login page, whatever was posted.
      post("empty login", () => "/logg-inn", empty, 400, { ...all("away"), anonymous: "ok" }),
    ],
  },
  // Sign-in with an issuer: none is configured here, so every start and callback is sent on to
  // the login page with a message (a signed-in user is sent on from the start, as from /logg-inn).
  {
    route: "auth.oidc.$issuer.tsx",
    probes: [get("start sign-in at an issuer", () => "/auth/oidc/test", all("away"))],
  },
  {
    route: "auth.oidc.$issuer_.callback.tsx",
    probes: [get("issuer callback", () => "/auth/oidc/test/callback?code=abc&state=def", all("away"))],
  },
  // The page between signing out here and at the issuer; without a sign-out in progress, on to /logg-inn.
  { route: "logget-ut.tsx", probes: [get("signed out, nothing pending", () => "/logget-ut", all("away"))] },
  {
    route: "min-profil.tsx",
    probes: [
      get("own profile", () => "/min-profil", signedIn()),
      // The empty form reaches the check of the fields (400): every signed-in user may change their password.
      post("empty password change", () => "/min-profil", empty, 400, signedIn()),
    ],
  },
  // "Glemt passord?": open to everyone (the same answer for any e-mail); a link that is not one
  // shows what is wrong with it (200), and an empty form is refused at its fields.
  {
    route: "glemt-passord.tsx",
    probes: [
      get("forgot password page", () => "/glemt-passord", everyone()),
      post("empty reset request", () => "/glemt-passord", empty, 400, everyone()),
    ],
  },
  {
    route: "nytt-passord.$token.tsx",
    probes: [
      get("reset link that is not one", () => "/nytt-passord/ugyldig", everyone()),
      post("empty new password", () => "/nytt-passord/ugyldig", empty, 400, everyone()),
    ],
  },
  // One's own notifications only: another's (or a missing one) is not found.
  {
    route: "varsler._index.tsx",
    probes: [
      get("own notifications", () => "/varsler", signedIn()),
      post("empty notification form", () => "/varsler", empty, 400, signedIn()),
      post(
        "mark a notification that is not one's own",
        () => "/varsler",
        () => ({ intent: "read", id: "999999999" }),
        400,
        only([], "notFound"),
      ),
    ],
  },
  {
    route: "varsler.$id.tsx",
    probes: [
      get("open a notification that is not one's own", () => "/varsler/999999999", only([], "notFound")),
    ],
  },
  {
    route: "logg-ut.tsx",
    probes: [
      get("logout by GET does nothing", () => "/logg-ut", all("away")),
      // Logging out is everyone's right; it answers with the login page (counted as "ok" here).
      post("logout", () => "/logg-ut", empty, 302, everyone(), { freshSession: true, mutates: true }),
    ],
  },

  // Proposals
  {
    route: "innspill._index.tsx",
    probes: [
      // The search words are echoed in the search field, so search for a part of the title.
      get("list, searching for a draft", () => "/innspill?q=7f3a", signedIn(), {
        reveals: { text: (fx) => fx.secrets.draftTitle, to: ["submitter"] },
      }),
    ],
  },
  {
    route: "innspill.eksport[.]csv.tsx",
    probes: [
      get("CSV export", () => "/innspill/eksport.csv", signedIn(), {
        reveals: { text: (fx) => fx.secrets.draftTitle, to: ["submitter"] },
      }),
    ],
  },
  {
    route: "innspill.lignende.tsx",
    probes: [
      get(
        "similar titles (drafts never)",
        () => "/innspill/lignende?tittel=Hemmelig%20utkast%207f3a",
        signedIn(),
        {
          reveals: { text: (fx) => fx.secrets.draftTitle, to: [] },
        },
      ),
    ],
  },
  {
    route: "innspill.ny.tsx",
    probes: [
      get("new proposal form", () => "/innspill/ny", signedIn()),
      post("empty proposal", () => "/innspill/ny", empty, 400, signedIn()),
    ],
  },
  {
    route: "innspill.$id",
    probes: [
      get("submitted proposal", (fx) => `/innspill/${fx.proposal.submitted}`, signedIn()),
      get("someone's draft", (fx) => `/innspill/${fx.proposal.draft}`, only(["submitter"], "notFound"), {
        reveals: { text: (fx) => fx.secrets.draftTitle, to: ["submitter"] },
      }),
      post("malformed event", (fx) => `/innspill/${fx.proposal.submitted}`, empty, 400, signedIn()),
      // Following needs seeing: a draft is unknown to all but its author, who cannot follow it (409).
      post(
        "follow someone's draft",
        (fx) => `/innspill/${fx.proposal.draft}`,
        () => ({ intent: "follow" }),
        409,
        only(["submitter"], "notFound"),
      ),
      ...eventProbes,
      post(
        "delete a draft",
        (fx) => `/innspill/${fx.deletableDraft}`,
        () => ({ intent: "delete" }),
        302,
        only(["submitter"], "notFound"),
        { mutates: true },
      ),
    ],
  },
  {
    route: "innspill.$id_.rediger.tsx",
    probes: [
      get(
        "edit own draft",
        (fx) => `/innspill/${fx.proposal.draft}/rediger`,
        only(["submitter"], "notFound"),
      ),
      get(
        "edit a submitted proposal",
        (fx) => `/innspill/${fx.proposal.submitted}/rediger`,
        only([], "notFound"),
      ),
      post(
        "save draft (empty)",
        (fx) => `/innspill/${fx.proposal.draft}/rediger`,
        empty,
        400,
        only(["submitter"], "notFound"),
      ),
    ],
  },
  {
    route: "innspill.$id_.vedlegg.$attachmentId.tsx",
    probes: [
      get(
        "attachment of a submitted proposal",
        (fx) => `/innspill/${fx.attachment.submitted.proposalId}/vedlegg/${fx.attachment.submitted.id}`,
        signedIn(),
      ),
      get(
        "attachment of a draft",
        (fx) => `/innspill/${fx.attachment.draft.proposalId}/vedlegg/${fx.attachment.draft.id}`,
        only(["submitter"], "notFound"),
      ),
      get(
        "attachment under another proposal's id",
        (fx) => `/innspill/${fx.attachment.submitted.proposalId}/vedlegg/${fx.attachment.draft.id}`,
        only([], "notFound"),
      ),
    ],
  },
  {
    route: "innspill.$id_.vurdering.tsx",
    probes: [
      get("assessment form", (fx) => `/innspill/${fx.proposal.groupReview}/vurdering`, only(group)),
      // The author may see the draft but not assess it; everyone else may not know it exists.
      get("assessment of a draft", (fx) => `/innspill/${fx.proposal.draft}/vurdering`, {
        ...only([], "notFound"),
        submitter: "forbidden",
      }),
      post(
        "save assessment (empty)",
        (fx) => `/innspill/${fx.proposal.groupReview}/vurdering`,
        empty,
        400,
        only(group),
      ),
    ],
  },
  {
    route: "innspill.$id_.oppstart.tsx",
    probes: [
      get("start form", (fx) => `/innspill/${fx.proposal.approved}/oppstart`, only(["coordinator"])),
      post(
        "start (empty)",
        (fx) => `/innspill/${fx.proposal.approved}/oppstart`,
        empty,
        400,
        only(["coordinator"]),
      ),
    ],
  },
  {
    route: "innspill.$id_.avslutning.tsx",
    probes: [
      get(
        "completion form",
        (fx) => `/innspill/${fx.proposal.inProgress}/avslutning`,
        only(["coordinator", "groupLeader"]),
      ),
      post(
        "complete (empty)",
        (fx) => `/innspill/${fx.proposal.inProgress}/avslutning`,
        empty,
        400,
        only(["coordinator", "groupLeader"]),
      ),
    ],
  },
  {
    route: "innspill.$id_.rapporttekst.tsx",
    probes: [
      get(
        "report text form",
        (fx) => `/innspill/${fx.proposal.completed}/rapporttekst`,
        only(reportTextEditors),
      ),
      post(
        "save report text (stale)",
        (fx) => `/innspill/${fx.proposal.completed}/rapporttekst`,
        () => ({ version: STALE, reportText: "Tekst." }),
        409,
        only(reportTextEditors),
      ),
    ],
  },

  // Meetings
  { route: "moter._index.tsx", probes: [get("meetings", () => "/moter", signedIn())] },
  {
    route: "moter.ny.tsx",
    probes: [
      // Organisers: the coordinator for every body, a group leader for the group.
      get("plan form", () => "/moter/ny", only(["coordinator", "groupLeader"])),
      post("plan (empty)", () => "/moter/ny", empty, 400, only(["coordinator", "groupLeader"])),
    ],
  },
  {
    route: "moter.$id",
    probes: [
      get("committee meeting", (fx) => `/moter/${fx.meeting.committee}`, signedIn(), {
        reveals: { text: (fx) => fx.secrets.exemptText, to: committeeInsiders },
      }),
      get("board meeting", (fx) => `/moter/${fx.meeting.published}`, signedIn(), {
        reveals: { text: (fx) => fx.secrets.exemptText, to: boardInsiders },
      }),
      post(
        "publish notice (stale)",
        (fx) => `/moter/${fx.meeting.committee}`,
        () => ({ intent: "publishNotice", version: STALE, confirmed: "yes" }),
        409,
        only(["coordinator"]),
      ),
      post(
        "add case (stale)",
        (fx) => `/moter/${fx.meeting.committee}`,
        () => ({ intent: "addCase", version: STALE, kind: "other", title: "Eventuelt" }),
        409,
        only(["coordinator"]),
      ),
      post(
        "cancel (stale)",
        (fx) => `/moter/${fx.meeting.committee}`,
        () => ({ intent: "cancel", version: STALE, reason: "Avlyst." }),
        409,
        only(["coordinator"]),
      ),
      // Anyone may try to sign; a protocol not sent for signing is refused with a message, nothing written.
      post(
        "sign a protocol not sent for signing",
        (fx) => `/moter/${fx.meeting.committee}`,
        () => ({ intent: "sign", version: STALE, confirmed: "yes" }),
        400,
        signedIn(),
      ),
      post(
        "addendum to a published protocol (stale)",
        (fx) => `/moter/${fx.meeting.published}`,
        () => ({ intent: "addendum", version: STALE, text: "Tillegg." }),
        409,
        only(["coordinator"]),
      ),
    ],
  },
  {
    route: "moter.$id_.rediger.tsx",
    probes: [
      get("edit meeting form", (fx) => `/moter/${fx.meeting.committee}/rediger`, only(["coordinator"])),
      post(
        "edit meeting (stale)",
        (fx) => `/moter/${fx.meeting.committee}/rediger`,
        (fx) => ({
          version: STALE,
          bodyId: String(fx.committeeId),
          date: "2031-05-05",
          startTime: "10:00",
          place: "Rådhuset",
        }),
        409,
        only(["coordinator"]),
      ),
    ],
  },
  {
    route: "moter.$id_.sak.$itemId.tsx",
    probes: [
      get(
        "edit case form",
        (fx) => `/moter/${fx.meeting.committee}/sak/${fx.meeting.committeeCase}`,
        only(["coordinator"]),
      ),
      post(
        "edit case (stale)",
        (fx) => `/moter/${fx.meeting.committee}/sak/${fx.meeting.committeeCase}`,
        () => ({ meetingVersion: STALE, version: "1", title: "Ny tittel" }),
        409,
        only(["coordinator"]),
      ),
    ],
  },
  ...(
    [
      ["moter.$id_.innkalling.tsx", "innkalling", true],
      ["moter.$id_.innkalling[.docx].tsx", "innkalling.docx", false],
      ["moter.$id_.protokoll.tsx", "protokoll", true],
      ["moter.$id_.protokoll[.docx].tsx", "protokoll.docx", false],
    ] as const
  ).map(([route, suffix, html]): RouteEntry => ({
    route,
    probes: [
      get(`meeting document ${suffix}`, (fx) => `/moter/${fx.meeting.committee}/${suffix}`, signedIn(), {
        reveals: html ? { text: (fx) => fx.secrets.exemptText, to: committeeInsiders } : undefined,
      }),
    ],
  })),
  {
    route: "offentlig._index.tsx",
    probes: [
      get("public journal", () => "/offentlig", everyone(), {
        reveals: { text: (fx) => fx.secrets.exemptText, to: [] },
      }),
    ],
  },
  {
    route: "offentlig.moter.$id.tsx",
    probes: [
      get("published meeting", (fx) => `/offentlig/moter/${fx.meeting.published}`, everyone(), {
        reveals: { text: (fx) => fx.secrets.exemptText, to: [] },
      }),
      // Not published: not there, for anyone, logged in or not.
      get("unpublished meeting", (fx) => `/offentlig/moter/${fx.meeting.committee}`, all("notFound")),
    ],
  },
  {
    route: "offentlig.moter.$id_.innkalling[.docx].tsx",
    probes: [
      get(
        "published notice (Word)",
        (fx) => `/offentlig/moter/${fx.meeting.published}/innkalling.docx`,
        everyone(),
      ),
      get(
        "unpublished notice (Word)",
        (fx) => `/offentlig/moter/${fx.meeting.committee}/innkalling.docx`,
        all("notFound"),
      ),
    ],
  },
  {
    route: "offentlig.moter.$id_.protokoll[.docx].tsx",
    probes: [
      get(
        "published protocol (Word)",
        (fx) => `/offentlig/moter/${fx.meeting.published}/protokoll.docx`,
        everyone(),
      ),
      get(
        "unpublished protocol (Word)",
        (fx) => `/offentlig/moter/${fx.meeting.committee}/protokoll.docx`,
        all("notFound"),
      ),
    ],
  },

  // Strategy
  { route: "strategi._index.tsx", probes: [get("current strategy", () => "/strategi", signedIn())] },
  {
    route: "strategi.$id.tsx",
    probes: [
      get("approved strategy", (fx) => `/strategi/${fx.strategy.approved}`, signedIn()),
      get("draft strategy", (fx) => `/strategi/${fx.strategy.draft}`, only(managers, "notFound")),
    ],
  },
  {
    route: "strategi.ny.tsx",
    probes: [
      get("new strategy form", () => "/strategi/ny", only(managers)),
      post("new strategy (empty)", () => "/strategi/ny", empty, 400, only(managers)),
    ],
  },
  {
    route: "strategi.$id_.rediger.tsx",
    probes: [
      get("edit draft strategy", (fx) => `/strategi/${fx.strategy.draft}/rediger`, only(managers)),
      post(
        "edit strategy (empty)",
        (fx) => `/strategi/${fx.strategy.draft}/rediger`,
        empty,
        400,
        only(managers),
      ),
    ],
  },

  // Report and statistics
  { route: "rapport._index.tsx", probes: [get("report years", () => "/rapport", signedIn())] },
  {
    route: "rapport.$year.tsx",
    probes: [
      get("report of a year", (fx) => `/rapport/${fx.year}`, signedIn()),
      post(
        "mark final (unknown intent)",
        (fx) => `/rapport/${fx.year}`,
        () => ({ intent: "nothing" }),
        400,
        only(finalisers),
      ),
      // Everyone may try; before the report is final (and for anyone but a chief executive) it is refused with a message.
      post(
        "approve the report (not final)",
        (fx) => `/rapport/${fx.year}`,
        () => ({ intent: "approve" }),
        400,
        signedIn(),
      ),
    ],
  },
  {
    route: "rapport.$year_.last-ned.$format.tsx",
    probes: (["docx", "md", "csv"] as const).map((format) =>
      get(`report download ${format}`, (fx) => `/rapport/${fx.year}/last-ned/${format}`, signedIn()),
    ),
  },
  { route: "statistikk.tsx", probes: [get("statistics", () => "/statistikk", signedIn())] },

  // Unsubscribing from an e-mail's link: no login, the signed token is the proof; a forged one is not found.
  {
    route: "avmelding.$token.tsx",
    probes: [
      get("unsubscribe page", (fx) => `/avmelding/${fx.unsubscribeToken}`, everyone()),
      get(
        "unsubscribe page (forged token)",
        (fx) => `/avmelding/${forged(fx.unsubscribeToken)}`,
        all("notFound"),
      ),
      post("unsubscribe (empty form)", (fx) => `/avmelding/${fx.unsubscribeToken}`, empty, 400, everyone()),
      post(
        "unsubscribe (forged token)",
        (fx) => `/avmelding/${forged(fx.unsubscribeToken)}`,
        () => ({ "List-Unsubscribe": "One-Click" }),
        302,
        all("notFound"),
      ),
    ],
  },

  // Administration: admins only.
  { route: "admin._index.tsx", probes: [get("admin overview", () => "/admin", only(administrators))] },
  {
    route: "admin.e-post._index.tsx",
    probes: [
      get("e-mail outbox", () => "/admin/e-post", only(administrators)),
      get("e-mail outbox (failed)", () => "/admin/e-post?status=failed&side=1", only(administrators)),
    ],
  },
  {
    route: "admin.e-post.$id.tsx",
    probes: [
      get("one e-mail", (fx) => `/admin/e-post/${fx.email.failed}`, only(administrators)),
      get("no such e-mail", () => "/admin/e-post/999999", lettingThrough(only(administrators), "notFound")),
      post(
        "send again (empty form)",
        (fx) => `/admin/e-post/${fx.email.failed}`,
        empty,
        400,
        only(administrators),
      ),
    ],
  },
  {
    route: "admin.tekster.tsx",
    probes: [
      get("site texts", () => "/admin/tekster", only(administrators)),
      post("site text (empty)", () => "/admin/tekster", empty, 400, only(administrators)),
    ],
  },
  {
    route: "admin.brukere._index.tsx",
    probes: [get("accounts", () => "/admin/brukere", only(administrators))],
  },
  {
    route: "admin.brukere.ny.tsx",
    probes: [
      get("new account form", () => "/admin/brukere/ny", only(administrators)),
      post("new account (empty)", () => "/admin/brukere/ny", empty, 400, only(administrators)),
    ],
  },
  {
    route: "admin.brukere.$userId.tsx",
    probes: [
      get("edit account", (fx) => `/admin/brukere/${fx.users.employee}`, only(administrators)),
      post(
        "edit account (unknown intent)",
        (fx) => `/admin/brukere/${fx.users.employee}`,
        () => ({ intent: "nothing" }),
        400,
        only(administrators),
      ),
    ],
  },
  {
    route: "admin.frister.tsx",
    probes: [
      get("step limits", () => "/admin/frister", only(administrators)),
      post("empty step limits", () => "/admin/frister", empty, 400, only(administrators)),
    ],
  },
  {
    route: "admin.organisasjon._index.tsx",
    probes: [
      get("organisation", () => "/admin/organisasjon", only(administrators)),
      post("organisation (empty)", () => "/admin/organisasjon", empty, 400, only(administrators)),
    ],
  },
  {
    route: "admin.organisasjon.$bodyId.tsx",
    probes: [
      get("body", (fx) => `/admin/organisasjon/${fx.groupId}`, only(administrators)),
      post("body (empty)", (fx) => `/admin/organisasjon/${fx.groupId}`, empty, 400, only(administrators)),
      post(
        "body settings (stale form)",
        (fx) => `/admin/organisasjon/${fx.groupId}`,
        () => ({ intent: "settings", signingRule: "chair", shortCode: "QQ", fingerprint: "0".repeat(32) }),
        409,
        only(administrators),
      ),
    ],
  },
];
