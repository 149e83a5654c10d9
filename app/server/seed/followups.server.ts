import type { Executor } from "#db/connection";
import { insertFollowup } from "#db/repositories/followup.repository";
import { historyOfProposal } from "#db/repositories/process.repository";
import type { DemoProposal } from "#db/seed-data/proposals";

/** The demo texts open with the report's heading line ("Digisos – Rauma, … kommune."), which the report builds itself. */
const leadLine = /^[^.]+\.\s+/;

const addMonths = (date: string, months: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/**
 * The follow-up of the demo's started and completed work, after the replay: start and
 * completion dates from the replayed history (START / COMPLETE), the one who started it as
 * project lead, and the report text of the 2021 annual report (issue 5).
 */
export async function seedFollowups(
  trx: Executor,
  specs: readonly DemoProposal[],
  proposalIds: Record<string, number>,
): Promise<void> {
  for (const spec of specs) {
    const proposalId = proposalIds[spec.key];
    if (proposalId === undefined) continue;
    const history = await historyOfProposal(trx, proposalId);
    const start = history.find((h) => h.event === "START");
    if (!start && !spec.reportText) continue;
    const complete = history.find((h) => h.event === "COMPLETE");
    const startDate = start ? start.at.slice(0, 10) : null;
    const completedOn = complete ? complete.at.slice(0, 10) : null;
    const last = history.at(-1)!;
    await insertFollowup(trx, {
      proposalId,
      projectLeadId: start?.actor_id ?? null,
      startDate,
      plannedEnd: completedOn ?? (startDate ? addMonths(startDate, 12) : null),
      completedOn,
      reportText: (spec.reportText ?? "").replace(leadLine, ""),
      userId: (complete ?? start ?? last).actor_id,
      now: (complete ?? start ?? last).at,
    });
  }
}
