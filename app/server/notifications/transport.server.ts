import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import nodemailer, { type SendMailOptions } from "nodemailer";
import type { ClaimedEmail } from "#db/repositories/email-outbox.repository";
import { unsubscribeUrl } from "./unsubscribe.server";

/** How one delivery attempt ended, when it did not succeed: worth another try later, or never. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

/** Sends one e-mail of the outbox, or throws a DeliveryError. */
export interface MailTransport {
  /** What it is, for the log ("smtp" or "eml"). */
  readonly kind: "smtp" | "eml";
  send(email: ClaimedEmail): Promise<void>;
  close(): void;
}

export interface TransportSettings {
  smtpUrl: string | undefined;
  from: string;
  outboxDir: string;
  publicUrl: string;
  sessionSecret: string;
}

/**
 * The message as nodemailer composes it. The Message-ID is the row's, so a message sent again after
 * a crash is recognisably the same one. Mail from a notification carries the one-click unsubscribe
 * of its kind (RFC 2369, RFC 8058); every message says it is automatic (RFC 3834), so auto-replies stay away.
 */
export function messageOf(email: ClaimedEmail, settings: TransportSettings): SendMailOptions {
  const headers: Record<string, string> = { "Auto-Submitted": "auto-generated" };
  if (email.kind && email.user_id !== null) {
    const url = unsubscribeUrl(settings, email.user_id, email.kind);
    headers["List-Unsubscribe"] = `<${url}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  return {
    from: settings.from,
    to: email.to_address,
    subject: email.subject,
    text: email.text_body,
    html: email.html_body,
    messageId: email.message_id,
    date: new Date(email.created_at),
    headers,
    attachments: email.ics
      ? [
          {
            filename: "invitation.ics",
            content: email.ics,
            contentType: "text/calendar; method=PUBLISH; charset=utf-8",
          },
        ]
      : [],
  };
}

/**
 * SMTP when SMTP_URL is set; otherwise every message becomes an `.eml` file in `$DATA_DIR/outbox/`
 * (the demo: the administrator reads them under Administrasjon → E-post).
 */
export function createTransport(settings: TransportSettings): MailTransport {
  return settings.smtpUrl ? smtpTransport(settings, settings.smtpUrl) : emlTransport(settings);
}

function smtpTransport(settings: TransportSettings, url: string): MailTransport {
  // Timeouts well inside the worker's claim, so a hung server is given up before another worker
  // may take the message over.
  const mailer = nodemailer.createTransport({
    url,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    kind: "smtp",
    async send(email) {
      try {
        await mailer.sendMail(messageOf(email, settings));
      } catch (error) {
        throw classify(error);
      }
    },
    close: () => mailer.close(),
  };
}

/**
 * A reply in the 500s is permanent (no such mailbox, refused); a 400s reply, a lost connection or a
 * timeout is worth another try.
 */
function classify(error: unknown): DeliveryError {
  const e = error as { responseCode?: number; code?: string; message?: string };
  const code = typeof e.responseCode === "number" ? e.responseCode : undefined;
  const message = [code, e.code, e.message ?? String(error)].filter(Boolean).join(" ").slice(0, 1000);
  return new DeliveryError(message, code !== undefined && code >= 500 && code < 600);
}

function emlTransport(settings: TransportSettings): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    kind: "eml",
    async send(email) {
      const info = await composer.sendMail(messageOf(email, settings));
      try {
        mkdirSync(settings.outboxDir, { recursive: true, mode: 0o700 });
        // Written whole or not at all: a crash leaves no half file under the final name.
        const file = path.join(settings.outboxDir, emlFileName(email.id));
        const partial = `${file}.${process.pid}.tmp`;
        writeFileSync(partial, info.message as Buffer, { mode: 0o600 });
        renameSync(partial, file);
      } catch (error) {
        throw new DeliveryError(String((error as Error).message ?? error), false);
      }
    },
    close: () => undefined,
  };
}

/** The `.eml` file of an outbox row: its id, so a message sent again replaces its own file. */
export function emlFileName(id: number): string {
  return `${String(id).padStart(8, "0")}.eml`;
}
