import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CompiledQuery } from "kysely";
import { openDatabase, type DB } from "#db/connection";
import { generateDataset } from "../../scripts/bench/generate";

/**
 * A SQLite file in a new temporary folder (named by `prefix`) with thousands of proposals: the
 * benchmark's generator at a small scale. The caller destroys `db` and removes `dir`.
 */
export async function generatedPlansDb(prefix: string): Promise<{ dir: string; db: DB }> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const file = path.join(dir, "plans.db");
  await generateDataset({ file, scale: 0.05, passwordHash: "not-used" });
  return { dir, db: openDatabase(file) };
}

/** The plan SQLite chooses for the very query the app runs, one line ("detail") per step. */
export async function queryPlan(db: DB, query: { compile: () => CompiledQuery }): Promise<string[]> {
  const compiled = query.compile();
  const result = await db.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
  );
  return result.rows.map((r) => r.detail);
}
