import type { Transaction } from "kysely";
import type { DB } from "#db/connection";
import type { Database } from "#db/schema";

export type FieldErrors = Record<string, string[]>;

/**
 * What an admin command answers: done (with the affected row's id), a field error (400),
 * no such record (404) or changed by someone else meanwhile (409).
 */
export type AdminResult =
  | { ok: true; id: number }
  | { ok: false; status: 400; fieldErrors: FieldErrors }
  | { ok: false; status: 404 }
  | { ok: false; status: 409 };

type Refusal = Exclude<AdminResult, { ok: true }>;

/** Thrown inside a transaction so nothing is written when a check fails half-way. */
class Refused extends Error {
  constructor(readonly result: Refusal) {
    super("refused");
  }
}

/** Refuses with a message next to one field. */
export function fieldError(field: string, message: string): never {
  throw new Refused({ ok: false, status: 400, fieldErrors: { [field]: [message] } });
}

export function refuse(status: 404 | 409): never {
  throw new Refused(status === 404 ? { ok: false, status } : { ok: false, status });
}

/** Runs checks and writes in one transaction; a refusal rolls everything back and is returned. */
export async function inTransaction(
  database: DB,
  work: (trx: Transaction<Database>) => Promise<number>,
): Promise<AdminResult> {
  try {
    return { ok: true, id: await database.transaction().execute(work) };
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}
