import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportYear } from "#workflows/report";
import { notFound, requireUser } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { reportFile } from "~/server/report-files.server";

/** The year's report as a Word file, as Markdown, or its underlying data as CSV; a final report's as stored. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const year = reportYear(params.year);
  if (year === null) notFound();
  const format = params.format;
  if (format !== "docx" && format !== "md" && format !== "csv") notFound();
  const file = await reportFile(db(), year, format);
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
