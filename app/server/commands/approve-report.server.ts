import type { Executor } from "#db/connection";
import {
  listMembershipsOfBody,
  listMunicipalities,
  bodyOfKind,
} from "#db/repositories/organisation.repository";
import { approvalsOfReport, getAnnualReport, insertReportApproval } from "#db/repositories/report.repository";
import { decideReportApproval } from "#workflows/report-approval";
import { today as osloToday } from "#workflows/dates";
import { recordTexts } from "~/domain/texts/records";
import type { CurrentUser } from "../auth.server";
import { reportApprovalLines } from "../report.server";
import { refuse, runCommand, type CommandResult } from "./result.server";

const A = recordTexts.reportApproval;

/** The municipalities that were members in the report's year (valid at its end). */
export function memberMunicipalities(db: Executor, year: number) {
  return listMunicipalities(db, { activeOn: `${year}-12-31` });
}

/** The municipality a user represents on the board today, if any: they are its chief executive. */
export async function boardSeatOf(db: Executor, userId: number, now = new Date()): Promise<number | null> {
  const today = osloToday(now);
  const board = await bodyOfKind(db, "board", today);
  if (!board) return null;
  const seat = (await listMembershipsOfBody(db, board.id, { on: today })).find(
    (m) => m.user_id === userId && m.municipality_id !== null && m.role !== "secretary",
  );
  return seat?.municipality_id ?? null;
}

/**
 * A member municipality's approval of the year's final report, given by its chief executive (its
 * seat on the board). Refused with a message, writing nothing, before the report is final, for
 * anyone else, and a second time.
 */
export function approveReport(
  db: Executor,
  input: { year: number; user: CurrentUser; now?: Date },
): Promise<CommandResult> {
  const now = input.now ?? new Date();
  return runCommand(db, async (trx) => {
    const [report, members, approvals, seat] = await Promise.all([
      getAnnualReport(trx, input.year),
      memberMunicipalities(trx, input.year),
      approvalsOfReport(trx, input.year),
      boardSeatOf(trx, input.user.id, now),
    ]);
    const decision = decideReportApproval(
      report?.status ?? null,
      members.map((m) => m.id),
      approvals.map((a) => a.municipality_id),
      seat,
    );
    if (!decision.ok) refuse(400, A[decision.why]);
    const done = await insertReportApproval(trx, {
      year: input.year,
      municipalityId: decision.municipalityId,
      userId: input.user.id,
      title: A.title,
      at: now.toISOString(),
    });
    if (!done) refuse(400, A.alreadyApproved);
    return {};
  });
}

/** The approvals of a year's report as a reader sees them, and the municipality this reader may approve for. */
export async function reportApprovalView(db: Executor, year: number, user: CurrentUser) {
  const [lines, members, seat] = await Promise.all([
    reportApprovalLines(db, year),
    memberMunicipalities(db, year),
    boardSeatOf(db, user.id),
  ]);
  const mine = members.find((m) => m.id === seat);
  const pending = mine !== undefined && lines.some((l) => l.municipality === mine.name && !l.approved);
  return { lines, approveFor: pending ? mine.name : null };
}
