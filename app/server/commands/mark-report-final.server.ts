import { mayFinaliseReports } from "#workflows/policy";
import type { Executor } from "#db/connection";
import { markReportFinal } from "#db/repositories/report.repository";
import { reportTexts as R } from "~/domain/texts/report";
import type { CurrentUser } from "../auth.server";
import { liveReport } from "../report.server";

export type MarkFinalResult = { ok: true } | { ok: false; status: 403 | 409; message: string };

/**
 * Marks the year's report final: freezes it as it is now in the transaction that sets the
 * status, so the frozen copy and the lock on report texts begin together.
 */
export async function markReportFinalCommand(
  db: Executor,
  input: { year: number; user: CurrentUser; now?: Date },
): Promise<MarkFinalResult> {
  if (!mayFinaliseReports(input.user)) return { ok: false, status: 403, message: "" };
  const now = input.now ?? new Date();
  const run = async (trx: Executor): Promise<MarkFinalResult> => {
    const model = await liveReport(trx, input.year, now);
    const done = await markReportFinal(trx, {
      year: input.year,
      snapshot: JSON.stringify(model),
      userId: input.user.id,
      at: now.toISOString(),
    });
    return done ? { ok: true } : { ok: false, status: 409, message: R.alreadyFinal };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
