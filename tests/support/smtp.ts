import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerDataStream } from "smtp-server";

/** A message the test SMTP server accepted, parsed, with its raw source. */
export interface ReceivedMail {
  parsed: ParsedMail;
  raw: string;
  /** The envelope's recipients (RCPT TO). */
  to: string[];
}

export interface TestSmtp {
  /** `smtp://127.0.0.1:<port>` for SMTP_URL. */
  url: string;
  /** Every message accepted so far, in order (a held one too: it was written before the reply). */
  received: ReceivedMail[];
  /** Answers the next `count` messages with a rejection (451: try later, 550: never) instead of accepting them. */
  rejectNext(count: number, code?: number): void;
  /** Refuses this recipient (RCPT TO) `count` times with `code`, whatever else is being sent meanwhile. */
  rejectRecipient(address: string, code: number, count?: number): void;
  /**
   * Keeps the final reply to the next message: it is received and recorded, but the client waits for the
   * answer. Resolves once such a message has come in (so a test can kill the sender mid-delivery).
   */
  holdNext(): Promise<ReceivedMail>;
  /** Waits until `count` messages have been received in all. */
  waitForCount(count: number, timeoutMs?: number): Promise<void>;
  /** The messages received with this Message-ID (nodemailer keeps the angle brackets). */
  withMessageId(messageId: string): ReceivedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server in the test process (smtp-server on a random local port, no TLS, no
 * authentication), parsing what it receives with mailparser. It can be told to refuse messages with
 * a given code, and to withhold its final reply to one.
 */
export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const rejections: number[] = [];
  const refusedRecipients = new Map<string, { code: number; left: number }>();
  let holdWaiter: ((mail: ReceivedMail) => void) | undefined;
  const held: (() => void)[] = [];
  const waiters = new Set<() => void>();

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = refusedRecipients.get(address.address.toLowerCase());
      if (refusal && refusal.left > 0) {
        refusal.left--;
        callback(Object.assign(new Error("Recipient refused"), { responseCode: refusal.code }));
        return;
      }
      callback();
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const code = rejections.shift();
        if (code !== undefined) {
          const error = Object.assign(new Error(code >= 500 ? "Mailbox unavailable" : "Try again later"), {
            responseCode: code,
          });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        void simpleParser(raw).then((parsed) => {
          const mail: ReceivedMail = {
            parsed,
            raw,
            to: session.envelope.rcptTo.map((r) => r.address),
          };
          received.push(mail);
          for (const wake of waiters) wake();
          if (holdWaiter) {
            const wake = holdWaiter;
            holdWaiter = undefined;
            // The reply is kept; answered (to a closed socket, harmlessly) when the server closes.
            held.push(() => callback());
            wake(mail);
            return;
          }
          callback();
        }, callback);
      });
    },
  });
  // A client killed mid-delivery resets its connection: that is expected here.
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    rejectNext(count, code = 451) {
      for (let i = 0; i < count; i++) rejections.push(code);
    },
    rejectRecipient(address, code, count = 1) {
      refusedRecipients.set(address.toLowerCase(), { code, left: count });
    },
    holdNext() {
      return new Promise((resolve) => (holdWaiter = resolve));
    },
    async waitForCount(count, timeoutMs = 60_000) {
      if (received.length >= count) return;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Received ${received.length} of ${count} messages`));
        }, timeoutMs);
        const check = () => {
          if (received.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      });
    },
    withMessageId(messageId) {
      return received.filter((m) => m.parsed.messageId === messageId);
    },
    async close() {
      for (const release of held.splice(0)) {
        try {
          release();
        } catch {
          // The client is gone.
        }
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
