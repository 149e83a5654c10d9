import { mayFinaliseReports } from "#workflows/policy";
import type { Executor } from "#db/connection";
import { markReportFinal } from "#db/repositories/report.repository";
import { reportTexts as R } from "~/domain/texts/report";
import type { CurrentUser } from "../auth.server";
import { liveReport } from "../report.server";
import { refusal, refuse, runCommand, type CommandResult } from "./result.server";

/**
 * Marks the year's report final: freezes it as it is now in the transaction that sets the
 * status, so the frozen copy and the lock on report texts begin together.
 */
export async function markReportFinalCommand(
  db: Executor,
  input: { year: number; user: CurrentUser; now?: Date },
): Promise<CommandResult> {
  if (!mayFinaliseReports(input.user)) return refusal(403);
  const now = input.now ?? new Date();
  return runCommand(db, async (trx) => {
    const model = await liveReport(trx, input.year, now);
    const done = await markReportFinal(trx, {
      year: input.year,
      snapshot: JSON.stringify(model),
      userId: input.user.id,
      at: now.toISOString(),
    });
    if (!done) refuse(409, R.alreadyFinal);
    return {};
  });
}
