import type { DB } from "../../db/connection";
import { reportDocx } from "../../app/server/report-docx.server";
import { yearReport } from "../../app/server/report.server";
import { time, type Timing } from "./in-process";

/**
 * The annual report as a Word file, as the download route builds it: the year's report composed
 * from the records (or its frozen copy), then the DOCX. Timed in-process, a few runs.
 */
export async function reportDocxTiming(
  db: DB,
  year: number,
): Promise<{ timing: Timing; bytes: number; proposals: number }> {
  const { n } = await db
    .selectFrom("proposal")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("submitted_at", ">=", `${year}-01-01`)
    .where("submitted_at", "<", `${year + 1}-01-01`)
    .executeTakeFirstOrThrow();
  let bytes = 0;
  const timing = await time(
    async () => {
      const { model, status } = await yearReport(db, year);
      bytes = (await reportDocx(model, status)).length;
    },
    // Seconds each at national scale: a few runs, no warm-up beyond the first's.
    3,
    0,
  );
  return { timing, bytes, proposals: Number(n) };
}
