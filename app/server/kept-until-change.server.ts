import { changeStamp } from "#db/dialect";
import { db } from "./db.server";

/**
 * A read kept until the database changes: the result is read again only when `changeStamp` has
 * moved since (any commit, by any connection or server process), so it is exact. For reads that
 * cost milliseconds at national scale and that most requests repeat without a write between (the
 * flowchart's counts, a council's members). PostgreSQL has no such stamp: there it reads every
 * time. The kept value is shared between requests: read it, never change it. At most `limit`
 * keys are kept per database handle (the oldest goes first); a failed read is not kept.
 */
type Kept = Map<string, { stamp: string; value: Promise<unknown> }>;
/** Per database handle, so a test's fresh database never sees another's rows. */
const keptOf = new WeakMap<object, Kept>();

export async function keptUntilChange<T>(
  key: string,
  read: (handle: ReturnType<typeof db>) => Promise<T>,
  limit = 64,
): Promise<T> {
  const handle = db();
  const stamp = await changeStamp(handle);
  if (stamp === null) return read(handle);
  let kept = keptOf.get(handle);
  if (!kept) keptOf.set(handle, (kept = new Map()));
  const found = kept.get(key);
  if (found?.stamp === stamp) return found.value as Promise<T>;
  const value = read(handle);
  const entry = { stamp, value };
  kept.delete(key);
  if (kept.size >= limit) kept.delete(kept.keys().next().value!);
  kept.set(key, entry);
  value.catch(() => {
    if (kept.get(key) === entry) kept.delete(key);
  });
  return value;
}
