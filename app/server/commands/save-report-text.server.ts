import type { DB } from "#db/connection";
import { getFollowup, saveReportText } from "#db/repositories/followup.repository";
import { getProposal } from "#db/repositories/proposal.repository";
import { finalReportYears } from "#db/repositories/report.repository";
import { mayEditReportText, proposalActor } from "#workflows/policy";
import { isReportTextLocked, lockingYear } from "#workflows/report";
import type { ReportTextForm } from "~/domain/followup.schema";
import { followupTexts } from "~/domain/texts/report";
import type { CurrentUser } from "../auth.server";
import { refuse, runCommand, type CommandResult } from "./result.server";

/**
 * Rewrites the annual report's text of started or completed work, by the coordinator or the
 * group's leader, unless the report of the year the work was completed is final (409 with a
 * message), or someone else changed it meanwhile (409).
 */
export async function saveReportTextCommand(
  db: DB,
  input: { proposalId: number; user: CurrentUser; form: ReportTextForm; now?: Date },
): Promise<CommandResult> {
  const now = input.now ?? new Date();
  return runCommand(db, async (trx) => {
    const proposal = await getProposal(trx, input.proposalId);
    if (!proposal || proposal.state === "draft") return refuse(404);
    if (!mayEditReportText(proposalActor(input.user, proposal), proposal)) refuse(403);
    const followup = await getFollowup(trx, proposal.id);
    if (followup && isReportTextLocked(followup, await finalReportYears(trx)))
      refuse(409, followupTexts.errors.locked(lockingYear(followup)!));
    const saved = await saveReportText(trx, {
      proposalId: proposal.id,
      expectedVersion: input.form.version,
      reportText: input.form.reportText,
      userId: input.user.id,
      now: now.toISOString(),
    });
    if (!saved) refuse(409, followupTexts.errors.conflict);
    return {};
  });
}
