import type { ApplyResult } from "./apply-proposal-event.server";

/** What the follow-up commands answer: done, field messages (400), or refused (403/404/409). */
export type FollowupResult =
  | { ok: true }
  | { ok: false; status: 400; fieldErrors: Record<string, string[]> }
  | { ok: false; status: 403 | 404 | 409; message?: string };

/** Thrown inside a transaction to roll it back, and caught by the command to answer with it. */
export class Refusal extends Error {
  constructor(readonly result: Exclude<FollowupResult, { ok: true }>) {
    super("refused");
  }
}

/** A refused process event, as the follow-up command's answer. */
export function refusalOf(result: Exclude<ApplyResult, { ok: true }>): Refusal {
  return new Refusal(result);
}

/** Runs the work in a transaction; a Refusal thrown inside rolls everything back and is the answer. */
export async function refusable(work: () => Promise<FollowupResult>): Promise<FollowupResult> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    throw error;
  }
}
