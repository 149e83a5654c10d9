import type { NotificationKind, EmailMode } from "#workflows/notifications";

/** Names of the kinds of notification and the e-mail choices, as "Min profil → Varsler" shows them. */
export const notificationKindLabels: Record<NotificationKind, string> = {
  proposalChanged: "Endringer i innspill jeg har sendt inn, støtter eller følger",
  informationRequested: "Når det trengs mer informasjon fra meg",
  proposalAssigned: "Innspill som er tildelt faggruppen min",
  proposalSupplemented: "Utfyllende informasjon fra innsender",
  awaitingRouting: "Nye innspill som venter på å bli fordelt",
  meetingNotice: "Innkalling til møter",
  protocolToSign: "Protokoll klar til signering",
  protocolSigned: "Signert protokoll",
  workStarted: "Arbeid startet med meg som prosjektleder",
  workDue: "Påminnelse om planlagt sluttdato",
  waitingReminder: "Påminnelse om innspill som har ventet for lenge",
};

export const emailModeLabels: Record<EmailMode, string> = {
  immediate: "Straks",
  digest: "Daglig oppsummering (kl. 07.00)",
  off: "Av",
};
