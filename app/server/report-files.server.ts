import type { Executor } from "#db/connection";
import { getFrozenDocument, storeFrozenDocument } from "#db/repositories/frozen-document.repository";
import { getAnnualReport } from "#db/repositories/report.repository";
import { reportMarkdown } from "~/domain/report-document";
import { toCsvTables } from "./csv.server";
import { contentKey } from "./frozen-documents.server";
import { reportDocx } from "./report-docx.server";
import {
  reportApprovalLines,
  reportApprovalMarkdown,
  yearReport,
  type ReportApprovalLine,
} from "./report.server";

export type ReportFormat = "docx" | "md" | "csv";

const contentTypes: Record<ReportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};

export interface ReportFile {
  content: Buffer;
  fileName: string;
  contentType: string;
}

async function render(
  db: Executor,
  year: number,
  format: ReportFormat,
  approvals: ReportApprovalLine[],
  now: Date,
): Promise<{ content: Buffer; status: "draft" | "final"; live: boolean }> {
  // Only the CSV file shows the basis data.
  const { model, status, live } = await yearReport(db, year, now, { basisData: format === "csv" });
  const content =
    format === "docx"
      ? await reportDocx(model, status, approvals)
      : format === "csv"
        ? Buffer.from(toCsvTables([model.csv, ...(model.csv.more ?? [])]), "utf8")
        : Buffer.from(
            `${reportMarkdown(model, status).trimEnd()}\n\n${reportApprovalMarkdown(status, approvals)}\n`,
            "utf8",
          );
  return { content, status, live };
}

/**
 * The year's report as a file. A draft is composed from the records on every request. A final
 * report's file is rendered once from its frozen snapshot and served as stored; its key holds the
 * member municipalities' approvals (chapter 7), the one part that still grows after the report
 * is final, so an approval gives a new file and never an old one.
 */
export async function reportFile(
  db: Executor,
  year: number,
  format: ReportFormat,
  now = new Date(),
): Promise<ReportFile> {
  const [stored, approvals] = await Promise.all([getAnnualReport(db, year), reportApprovalLines(db, year)]);
  const final = stored?.status === "final";
  const fileName = `arsrapport-${year}${final ? "" : "-utkast"}${format === "csv" ? "-grunnlag" : ""}.${format}`;
  const file = (content: Buffer) => ({ content, fileName, contentType: contentTypes[format] });
  if (!final) return file((await render(db, year, format, approvals, now)).content);

  const id = { kind: "report" as const, key: `${year}:${contentKey(JSON.stringify(approvals))}`, format };
  const frozen = await getFrozenDocument(db, id);
  if (frozen) return file(frozen);
  const rendered = await render(db, year, format, approvals, now);
  // A snapshot that could not be read is shown live (and says so); that is never stored.
  if (rendered.live) return file(rendered.content);
  return file(await storeFrozenDocument(db, id, rendered.content, now.toISOString()));
}
