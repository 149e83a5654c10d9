import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportYear } from "#workflows/report";
import { reportMarkdown } from "~/domain/report-document";
import { notFound, requireUser } from "~/server/auth.server";
import { csvResponse, toCsvTables } from "~/server/csv.server";
import { db } from "~/server/db.server";
import { docxResponse, reportDocx } from "~/server/report-docx.server";
import { reportApprovalLines, reportApprovalMarkdown, yearReport } from "~/server/report.server";

/** The year's report as a Word file, as Markdown, or its underlying data as CSV. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const year = reportYear(params.year);
  if (year === null) notFound();
  const format = params.format;
  if (format !== "docx" && format !== "md" && format !== "csv") notFound();
  const { model, status } = await yearReport(db(), year);
  const name = `arsrapport-${year}${status === "draft" ? "-utkast" : ""}`;
  const approvals = await reportApprovalLines(db(), year);
  if (format === "docx") return docxResponse(await reportDocx(model, status, approvals), `${name}.docx`);
  if (format === "csv")
    return csvResponse(toCsvTables([model.csv, ...(model.csv.more ?? [])]), `${name}-grunnlag.csv`);
  return new Response(
    `${reportMarkdown(model, status).trimEnd()}\n\n${reportApprovalMarkdown(status, approvals)}\n`,
    {
      headers: {
        "Content-Type": "text/markdown; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}.md"`,
        "Cache-Control": "no-store",
      },
    },
  );
}
