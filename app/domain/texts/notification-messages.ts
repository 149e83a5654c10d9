import { formatDate } from "#workflows/dates";

/**
 * The words of notifications: the bell's line and the e-mail (subject, text and HTML). What a
 * message may say is decided in workflows/notifications.ts: where it withholds a title (an exempt
 * matter), these texts say only the neutral line and the link.
 */
export const notificationMessages = {
  appName: "Innspill",
  /** State labels name the committee and the board; these where the organisation has none today. */
  bodyFallback: { committee: "Utvalget", board: "Styret" },
  /** For an exempt matter: nothing about its subject. */
  neutral: "Det har skjedd noe i en sak du følger.",
  neutralTitle: "Ny hendelse i en sak du følger",
  openLink: "Åpne i Innspill",
  loginHint: "Du må være logget inn for å se saken.",
  reason: "Begrunnelse",
  question: "Spørsmål fra faggruppen",
  answer: "Svar fra innsenderen",
  answerLink: "Svar faggruppen",

  proposalChanged: (title: string, state: string) => `«${title}» har fått ny status: ${state}`,
  proposalChangedBody: (event: string, state: string) => `${event}. Innspillet er nå: ${state}.`,
  informationRequested: (title: string) => `Faggruppen ber om mer informasjon om «${title}»`,
  informationRequestedBody: "Faggruppen trenger mer informasjon før innspillet kan vurderes videre.",
  proposalAssigned: (title: string) => `Innspill til faggruppen: «${title}»`,
  proposalAssignedBody: "Innspillet er fordelt til faggruppen din for vurdering.",
  proposalSupplemented: (title: string) => `Innsenderen har svart: «${title}»`,
  proposalSupplementedBody:
    "Innsenderen har sendt utfyllende informasjon. Innspillet er tilbake hos faggruppen.",
  awaitingRouting: (title: string) => `Nytt innspill venter på fordeling: «${title}»`,
  awaitingRoutingBody: "Et nytt innspill er sendt inn og venter på å bli fordelt til en faggruppe.",

  meetingNotice: (body: string, startsAt: string) => `Innkalling: ${body} ${formatDate(startsAt)}`,
  meetingNoticeUpdated: (body: string, startsAt: string) =>
    `Endret innkalling: ${body} ${formatDate(startsAt)}`,
  meetingNoticeBody: (body: string, startsAt: string, end: string | null, place: string) =>
    `${body} holder møte ${formatDate(startsAt)} kl. ${startsAt.slice(11, 16)}${end ? `–${end}` : ""}${
      place ? `, ${place}` : ""
    }.`,
  videoLink: "Lenke til videomøte",
  agenda: "Saksliste",
  caseNumber: (number: string | null) => number ?? "Sak uten nummer",
  exemptCase: (basis: string | null) => `Unntatt offentlighet${basis ? ` (${basis})` : ""}`,
  calendarAttached: "Møtet ligger ved som kalenderinvitasjon (.ics).",
  calendarSummary: (body: string) => `Møte i ${body}`,

  protocolToSign: (body: string, startsAt: string) =>
    `Protokoll til signering: ${body} ${formatDate(startsAt)}`,
  protocolToSignBody: "Protokollen er godkjent og venter på din signatur.",
  protocolSigned: (body: string, startsAt: string) =>
    `Protokollen er signert: ${body} ${formatDate(startsAt)}`,
  protocolSignedBody: "Alle har signert protokollen.",

  workStarted: (title: string) => `Du er prosjektleder: «${title}»`,
  workStartedBody: (plannedEnd: string | null) =>
    `Gjennomføringen er startet med deg som prosjektleder.${
      plannedEnd ? ` Planlagt ferdig ${formatDate(plannedEnd)}.` : ""
    }`,
  workDue: (title: string) => `Planlagt sluttdato er nådd: «${title}»`,
  workDueBody: (plannedEnd: string | null) =>
    `Planlagt sluttdato${plannedEnd ? ` (${formatDate(plannedEnd)})` : ""} er nådd. Meld arbeidet som gjennomført, eller oppdater planen.`,

  waitingReminder: (title: string) => `Venter på deg: «${title}»`,
  waitingReminderBody: (state: string, days: number) =>
    `Innspillet har stått i «${state}» i ${days} dager, lenger enn fristen for steget.`,

  digestSubject: (count: number) =>
    `Dagens oppsummering fra Innspill: ${count} ${count === 1 ? "varsel" : "varsler"}`,
  digestIntro: "Her er varslene dine siden forrige oppsummering.",

  footer: "Du får denne e-posten fra Innspill fordi du har varsler slått på.",
  preferences: "Endre varslene dine",
  greeting: (name: string) => `Hei, ${name}!`,
};
