import { saveSiteText } from "#db/repositories/site-text.repository";
import type { DB } from "#db/connection";
import type { SiteTextKey } from "~/domain/texts/site";

/** Saves an administrator's version of a site text; refused (409) if someone saved it meanwhile. */
export async function saveSiteTextCommand(
  db: DB,
  input: { key: SiteTextKey; body: string; version: number; userId: number },
): Promise<{ ok: true } | { ok: false; status: 409 }> {
  const saved = await saveSiteText(db, {
    key: input.key,
    body: input.body,
    expectedVersion: input.version,
    userId: input.userId,
    at: new Date().toISOString(),
  });
  return saved ? { ok: true } : { ok: false, status: 409 };
}
