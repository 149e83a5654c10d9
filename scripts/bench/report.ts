import { existsSync } from "node:fs";
import path from "node:path";
import type { DB } from "../../db/connection";
import type { CurrentUser } from "../../app/server/auth.server";
import { time, type Timing } from "./in-process";

/** The annual report as a DOCX for a year, timed in-process; says so when the module is not there yet. */
export async function reportDocx(
  _db: DB,
  _year: number,
  _user: CurrentUser,
): Promise<{ ok: true; timing: Timing; bytes: number; proposals: number } | { ok: false; reason: string }> {
  const root = path.resolve(import.meta.dirname, "../..");
  if (!existsSync(path.join(root, "app/server/report-docx.server.ts")))
    return { ok: false, reason: "not measured: the report's DOCX module (issue 5) is not there yet" };
  void time;
  return { ok: false, reason: "not measured" };
}
