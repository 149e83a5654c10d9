import type { Executor } from "#db/connection";
import { transactionCommitted } from "../notifications/after-commit.server";

/** Messages per form field; the key "" is the form as a whole. */
export type FieldErrors = Record<string, string[]>;

/** The HTTP status a refusal means: invalid input, not allowed, no such record, or changed meanwhile. */
export type RefusalStatus = 400 | 403 | 404 | 409;

/**
 * A command's "no". `message` is for the whole form (empty when the field errors, or the 403/404
 * page, say it all); `fieldErrors` are shown next to their fields.
 */
export interface Refusal {
  ok: false;
  status: RefusalStatus;
  message: string;
  fieldErrors: FieldErrors;
}

/** What every command answers: done (with what the caller needs), or refused. */
export type CommandResult<T extends object = object> = ({ ok: true } & T) | Refusal;

/** Builds a refusal without throwing (for a command's answer outside a transaction). */
export function refusal(status: RefusalStatus, message = "", fieldErrors: FieldErrors = {}): Refusal {
  return { ok: false, status, message, fieldErrors };
}

/**
 * The one error a command throws to refuse: inside `runCommand` it rolls the transaction back
 * and becomes the command's answer.
 */
export class CommandRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message || `refused (${refusal.status})`);
    this.name = "CommandRefused";
  }
}

/** Refuses the command: status, message and optional field errors. */
export function refuse(status: RefusalStatus, message = "", fieldErrors: FieldErrors = {}): never {
  throw new CommandRefused(refusal(status, message, fieldErrors));
}

/** Refuses with a message next to one field (400); the field "" is the form as a whole. */
export function refuseField(field: string, message: string): never {
  throw new CommandRefused(refusal(400, "", { [field]: [message] }));
}

/** The value of another command's result, or its refusal thrown on (rolling back the caller too). */
export function orRefuse<T extends object>(result: CommandResult<T>): T {
  if (!result.ok) throw new CommandRefused(result);
  return result;
}

/**
 * Runs a command's checks and writes in one transaction. The work returns what the caller needs
 * and throws `CommandRefused` (via `refuse`) to say no: then nothing is written and the refusal
 * is the answer. Given a caller's transaction (a command inside another, or the demo seed), the
 * work runs in it and a refusal is returned, for the caller to throw on (`orRefuse`).
 * `translate` turns a database error the command expects (a trigger, a unique index) into a refusal.
 */
export async function runCommand<T extends object>(
  db: Executor,
  work: (trx: Executor) => Promise<T>,
  translate?: (error: unknown) => Refusal | undefined,
): Promise<CommandResult<T>> {
  try {
    if (db.isTransaction) return { ok: true, ...(await work(db)) };
    let trx: Executor | undefined;
    const value = await db.transaction().execute((t) => work((trx = t)));
    // After the commit: an event recorded in it wakes the notification fan-out (decision 031).
    transactionCommitted(trx);
    return { ok: true, ...value };
  } catch (error) {
    if (error instanceof CommandRefused) return error.refusal;
    const translated = translate?.(error);
    if (translated) return translated;
    throw error;
  }
}
