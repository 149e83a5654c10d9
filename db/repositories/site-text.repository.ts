import type { Executor } from "../connection";

/** The stored texts by key, with their versions (keys without a row use the application's default). */
export async function storedSiteTexts(
  db: Executor,
): Promise<Record<string, { body: string; version: number }>> {
  const rows = await db.selectFrom("site_text").select(["key", "body", "version"]).execute();
  return Object.fromEntries(rows.map((r) => [r.key, { body: r.body, version: r.version }]));
}

/**
 * Saves a text if it is still at `expectedVersion` (0: never saved). Returns false when someone
 * else saved it first, so the caller can refuse instead of overwriting.
 */
export async function saveSiteText(
  db: Executor,
  input: { key: string; body: string; expectedVersion: number; userId: number; at: string },
): Promise<boolean> {
  if (input.expectedVersion === 0) {
    const result = await db
      .insertInto("site_text")
      .values({ key: input.key, body: input.body, updated_at: input.at, updated_by: input.userId })
      .onConflict((oc) => oc.column("key").doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const result = await db
    .updateTable("site_text")
    .set((eb) => ({
      body: input.body,
      updated_at: input.at,
      updated_by: input.userId,
      version: eb("version", "+", 1),
    }))
    .where("key", "=", input.key)
    .where("version", "=", input.expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
