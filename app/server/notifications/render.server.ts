import { osloInstant } from "#workflows/dates";
import type { NotificationFacts, PlannedNotification } from "#workflows/notifications";
import { bodyText, stateMeta, type BodyNames } from "#workflows/proposal.machine";
import { notificationMessages as M } from "~/domain/texts/notification-messages";
import { eventLabel } from "~/domain/texts/proposal-events";

/**
 * Notifications in words: the bell's line (title and body) and the e-mail (subject, plain text,
 * HTML and, for a meeting notice, an RFC 5545 invitation). Renders only the facts the rules in
 * workflows/notifications.ts let through: a withheld title (exempt matter) becomes the neutral line.
 */

export interface RenderContext {
  /** The address users reach the app at, no trailing slash. */
  publicUrl: string;
  /** Today's names of the committee and the board, for state labels. */
  names: BodyNames;
  /** When the message is written (the invitation's DTSTAMP). */
  now: Date;
}

/** What the bell shows and the e-mail says. */
export interface NotificationText {
  title: string;
  body: string;
  /** Extra lines of the e-mail (a reason, an agenda); never exempt content. */
  details: string[];
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  ics: string | null;
}

const stateLabel = (state: Parameters<typeof stateMeta>[0], names: BodyNames) =>
  bodyText(stateMeta(state).label, names);

/** Whether a text carries a body's name placeholder (`{committee}`, `{Board}` …) that `bodyText` fills. */
const namesBody = (text: string) => /\{(committee|board|Committee|Board)\}/.test(text);

/**
 * Whether the words of a planned notification name the committee or the board (a state or event
 * label such as "Til behandling i {committee}"): only then must today's names be read. Most events
 * (an ASSIGN, a MOVE_GROUP) name neither, and reading the names was a tenth of an event's cost.
 */
export function needsBodyNames(p: PlannedNotification): boolean {
  const f = p.facts;
  switch (f.topic) {
    case "proposal":
      return f.title !== null && (namesBody(stateMeta(f.to).label) || namesBody(eventLabel(f.event)));
    case "waiting":
      return f.title !== null && namesBody(stateMeta(f.state).label);
    default:
      return false;
  }
}

/** The words of one planned notification. */
export function notificationText(p: PlannedNotification, names: BodyNames): NotificationText {
  const f = p.facts;
  const neutral = { title: M.neutralTitle, body: M.neutral, details: [] };
  switch (f.topic) {
    case "proposal": {
      if (f.title === null) return neutral;
      const state = stateLabel(f.to, names);
      const reasonLabel =
        f.event === "REQUEST_INFO" ? M.question : f.event === "SUPPLEMENT" ? M.answer : M.reason;
      const details = f.reason ? [`${reasonLabel}: ${f.reason}`] : [];
      if (p.kind === "informationRequested")
        return { title: M.informationRequested(f.title), body: M.informationRequestedBody, details };
      if (p.kind === "proposalAssigned")
        return { title: M.proposalAssigned(f.title), body: M.proposalAssignedBody, details };
      if (p.kind === "proposalSupplemented")
        return { title: M.proposalSupplemented(f.title), body: M.proposalSupplementedBody, details };
      if (p.kind === "awaitingRouting")
        return { title: M.awaitingRouting(f.title), body: M.awaitingRoutingBody, details };
      return {
        title: M.proposalChanged(f.title, state),
        body: M.proposalChangedBody(bodyText(eventLabel(f.event), names), state),
        details,
      };
    }
    case "meeting": {
      const title = f.updated ? M.meetingNoticeUpdated : M.meetingNotice;
      return {
        title: title(f.bodyName, f.startsAt),
        body: M.meetingNoticeBody(f.bodyName, f.startsAt, f.endTime, f.place),
        details: [
          `${M.agenda}:`,
          ...f.agenda.map(
            (a) => `${M.caseNumber(a.number)}: ${a.title === null ? M.exemptCase(a.exemptBasis) : a.title}`,
          ),
          ...(f.videoLink ? [`${M.videoLink}: ${f.videoLink}`] : []),
        ],
      };
    }
    case "protocol":
      return p.kind === "protocolToSign"
        ? { title: M.protocolToSign(f.bodyName, f.startsAt), body: M.protocolToSignBody, details: [] }
        : { title: M.protocolSigned(f.bodyName, f.startsAt), body: M.protocolSignedBody, details: [] };
    case "work":
      if (f.title === null) return neutral;
      return p.kind === "workDue"
        ? { title: M.workDue(f.title), body: M.workDueBody(f.plannedEnd), details: [] }
        : { title: M.workStarted(f.title), body: M.workStartedBody(f.plannedEnd), details: [] };
    case "waiting":
      if (f.title === null) return neutral;
      return {
        title: M.waitingReminder(f.title),
        body: M.waitingReminderBody(stateLabel(f.state, names), f.days),
        details: [],
      };
  }
}

/** Escapes text for HTML. */
function html(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

// The app's own colours (app/styles.css), which meet WCAG AA contrast on white: ink 14:1, brand 9:1, muted 6.9:1.
const ink = "#1c2430";
const brand = "#0b4a75";
const muted = "#4f5b69";
const line = "#d4dae1";

/** An accessible HTML e-mail: lang="nb", one heading, text links, the app's colours, no images. */
function htmlEmail(subject: string, blocks: string[], preferencesUrl: string): string {
  const { head, foot } = htmlFrame(subject, preferencesUrl);
  return [head, ...blocks, foot].join("\n");
}

/** What comes before and after the blocks of an HTML e-mail. */
function htmlFrame(subject: string, preferencesUrl: string): { head: string; foot: string } {
  return {
    head: [
      "<!DOCTYPE html>",
      '<html lang="nb">',
      '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>${html(subject)}</title></head>`,
      `<body style="margin:0;padding:0;background:#ffffff;color:${ink};font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">`,
      `<div role="article" aria-label="${html(subject)}" style="max-width:600px;margin:0 auto;padding:24px">`,
    ].join("\n"),
    foot: [
      `<hr style="border:0;border-top:1px solid ${line};margin:24px 0 12px">`,
      `<p style="color:${muted};font-size:14px;margin:0">${html(M.footer)} <a href="${html(preferencesUrl)}" style="color:${brand};text-decoration:underline">${html(M.preferences)}</a></p>`,
      "</div></body></html>",
    ].join("\n"),
  };
}

const link = (href: string, text: string) =>
  `<p><a href="${html(href)}" style="color:${brand};text-decoration:underline;font-weight:bold">${html(text)}</a></p>`;

/** The preferences' address, linked from every e-mail's footer. */
export const preferencesUrl = (publicUrl: string) => `${publicUrl}/min-profil#varsler`;

/**
 * One notification's e-mail, rendered once for everyone it goes to: only the greeting differs
 * between recipients, so `to(recipient)` just puts it in front (an ASSIGN tells a dozen people the
 * same thing; rendering the template a dozen times was a measurable part of applying an event).
 */
export interface EmailTemplate {
  subject: string;
  ics: string | null;
  to(recipient: { name: string }): RenderedEmail;
}

/** Renders a notification's e-mail up to the greeting (see `EmailTemplate`). */
export function emailTemplate(p: PlannedNotification, ctx: RenderContext): EmailTemplate {
  const words = notificationText(p, ctx.names);
  const url = `${ctx.publicUrl}${p.link}`;
  const linkText =
    p.kind === "informationRequested" && p.facts.topic === "proposal" && p.facts.title !== null
      ? M.answerLink
      : M.openLink;
  const prefs = preferencesUrl(ctx.publicUrl);
  const ics = p.facts.topic === "meeting" ? meetingInvitation(p.facts, ctx) : null;
  const textAfterGreeting = [
    "",
    words.title,
    "",
    words.body,
    ...(words.details.length ? ["", ...words.details] : []),
    ...(ics ? ["", M.calendarAttached] : []),
    "",
    `${linkText}: ${url}`,
    M.loginHint,
    "",
    "-- ",
    M.footer,
    `${M.preferences}: ${prefs}`,
  ].join("\n");
  const blocksAfterGreeting = [
    `<h1 style="font-size:20px;line-height:1.3;color:${ink};margin:0 0 12px">${html(words.title)}</h1>`,
    `<p>${html(words.body)}</p>`,
    ...(words.details.length
      ? [`<ul style="padding-left:20px">${words.details.map((d) => `<li>${html(d)}</li>`).join("")}</ul>`]
      : []),
    ...(ics ? [`<p>${html(M.calendarAttached)}</p>`] : []),
    link(url, linkText),
    `<p style="color:${muted};font-size:14px">${html(M.loginHint)}</p>`,
  ].join("\n");
  const { head, foot } = htmlFrame(words.title, prefs);
  return {
    subject: words.title,
    ics,
    to(recipient) {
      const greeting = M.greeting(recipient.name);
      return {
        subject: words.title,
        text: `${greeting}\n${textAfterGreeting}`,
        html: `${head}\n<p>${html(greeting)}</p>\n${blocksAfterGreeting}\n${foot}`,
        ics,
      };
    },
  };
}

/** One notification as an e-mail to one person. */
export function renderEmail(
  p: PlannedNotification,
  recipient: { name: string },
  ctx: RenderContext,
): RenderedEmail {
  return emailTemplate(p, ctx).to(recipient);
}

/** A day's notifications (as the bell stored them) collected into one e-mail. */
export function renderDigest(
  items: readonly { title: string; body: string; link: string }[],
  recipient: { name: string },
  publicUrl: string,
): RenderedEmail {
  const subject = M.digestSubject(items.length);
  const prefs = preferencesUrl(publicUrl);
  const text = [
    M.greeting(recipient.name),
    "",
    M.digestIntro,
    "",
    ...items.flatMap((i) => [`* ${i.title}`, `  ${i.body}`, `  ${publicUrl}${i.link}`, ""]),
    M.loginHint,
    "",
    "-- ",
    M.footer,
    `${M.preferences}: ${prefs}`,
  ].join("\n");
  const blocks = [
    `<p>${html(M.greeting(recipient.name))}</p>`,
    `<h1 style="font-size:20px;line-height:1.3;color:${ink};margin:0 0 12px">${html(subject)}</h1>`,
    `<p>${html(M.digestIntro)}</p>`,
    '<ul style="padding-left:20px">',
    ...items.map(
      (i) =>
        `<li style="margin-bottom:12px"><a href="${html(`${publicUrl}${i.link}`)}" style="color:${brand};text-decoration:underline">${html(i.title)}</a><br>${html(i.body)}</li>`,
    ),
    "</ul>",
    `<p style="color:${muted};font-size:14px">${html(M.loginHint)}</p>`,
  ];
  return { subject, text, html: htmlEmail(subject, blocks, prefs), ics: null };
}

// ---------------------------------------------------------------------------------------------
// Calendar invitation (RFC 5545)

/** Escapes a TEXT value (RFC 5545 § 3.3.11). */
function icsText(value: string): string {
  return value
    .replaceAll("\\", "\\\\")
    .replaceAll(";", "\\;")
    .replaceAll(",", "\\,")
    .replace(/\r?\n/g, "\\n");
}

/** Folds a content line at 75 octets, never inside a UTF-8 character (RFC 5545 § 3.1). */
function fold(contentLine: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of contentLine) {
    const size = Buffer.byteLength(char, "utf8");
    const max = parts.length === 0 ? 75 : 74;
    if (octets + size > max) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** UTC in the basic format, "20261201T090000Z". */
const icsUtc = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/**
 * The meeting as a calendar event: METHOD:PUBLISH, a UID stable per meeting (so a re-published
 * notice updates the same event) and SEQUENCE growing with each publication. The description
 * holds the agenda with exempt cases by number only.
 */
export function meetingInvitation(
  f: Extract<NotificationFacts, { topic: "meeting" }>,
  ctx: RenderContext,
): string {
  const host = new URL(ctx.publicUrl).hostname;
  const start = osloInstant(f.startsAt);
  const end = f.endTime
    ? osloInstant(`${f.startsAt.slice(0, 10)}T${f.endTime}`)
    : new Date(start.getTime() + 2 * 3600_000);
  const url = `${ctx.publicUrl}/moter/${f.meetingId}`;
  const description = [
    M.meetingNoticeBody(f.bodyName, f.startsAt, f.endTime, f.place),
    "",
    `${M.agenda}:`,
    ...f.agenda.map(
      (a) => `${M.caseNumber(a.number)}: ${a.title === null ? M.exemptCase(a.exemptBasis) : a.title}`,
    ),
    ...(f.videoLink ? ["", `${M.videoLink}: ${f.videoLink}`] : []),
    "",
    url,
  ].join("\n");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//ROR-IKT//Innspill//NO",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:meeting-${f.meetingId}@${host}`,
    `SEQUENCE:${f.sequence}`,
    `DTSTAMP:${icsUtc(ctx.now)}`,
    `DTSTART:${icsUtc(start)}`,
    `DTEND:${icsUtc(end > start ? end : new Date(start.getTime() + 3600_000))}`,
    `SUMMARY:${icsText(M.calendarSummary(f.bodyName))}`,
    ...(f.place ? [`LOCATION:${icsText(f.place)}`] : []),
    `DESCRIPTION:${icsText(description)}`,
    `URL:${url}`,
    "STATUS:CONFIRMED",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
