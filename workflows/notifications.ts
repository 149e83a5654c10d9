/**
 * The kinds of notification, and how each is e-mailed when the person has not chosen
 * (Min profil → Varsler). Who receives which kind, and what it may say, is decided in this module too.
 */
export const notificationKinds = [
  /** Submitter, supporters and followers: the proposal changed state (with the reason where there is one). */
  "proposalChanged",
  /** Submitter: the group wants more information (link straight to the answer form). */
  "informationRequested",
  /** Group leaders and members: a proposal was assigned or moved to their group. */
  "proposalAssigned",
  /** Group leaders and members: the submitter supplied what was asked for. */
  "proposalSupplemented",
  /** Coordinator and group leaders: a newly submitted proposal waits to be routed. */
  "awaitingRouting",
  /** Committee/board members and deputies: the notice of a meeting was published (with an .ics invitation). */
  "meetingNotice",
  /** Signers: the protocol is ready to sign. */
  "protocolToSign",
  /** Members and deputies: the protocol is signed. */
  "protocolSigned",
  /** Project lead: work started with them as lead. */
  "workStarted",
  /** Project lead: the planned end date has come. */
  "workDue",
  /** Those who act on a proposal that has waited longer than its step's limit (weekly). */
  "waitingReminder",
] as const;

export type NotificationKind = (typeof notificationKinds)[number];

export type EmailMode = "immediate" | "digest" | "off";

export const defaultEmailMode: Record<NotificationKind, EmailMode> = {
  proposalChanged: "immediate",
  informationRequested: "immediate",
  proposalAssigned: "immediate",
  proposalSupplemented: "immediate",
  awaitingRouting: "digest",
  meetingNotice: "immediate",
  protocolToSign: "immediate",
  protocolSigned: "immediate",
  workStarted: "immediate",
  workDue: "immediate",
  waitingReminder: "digest",
};

/** The daily digest is sent at this Oslo time. */
export const DIGEST_HOUR_OSLO = 7;
