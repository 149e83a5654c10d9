import type { Executor } from "../connection";

export function hasSupported(db: Executor, proposalId: number, userId: number) {
  return db
    .selectFrom("proposal_support")
    .select("user_id")
    .where("proposal_id", "=", proposalId)
    .where("user_id", "=", userId)
    .executeTakeFirst()
    .then((row) => row !== undefined);
}

/** Records a support; false if this person had already supported it (the primary key says no). */
export async function addSupport(
  db: Executor,
  row: { proposalId: number; userId: number; municipalityId: number | null; at: string },
): Promise<boolean> {
  const result = await db
    .insertInto("proposal_support")
    .values({
      proposal_id: row.proposalId,
      user_id: row.userId,
      municipality_id: row.municipalityId,
      created_at: row.at,
    })
    .onConflict((oc) => oc.columns(["proposal_id", "user_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * Per proposal: how many supported it, and the municipalities they came from (name, how many),
 * by name. Supporters without a municipality (ROR-IKT staff) are counted under `null`.
 */
export async function supportByProposal(
  db: Executor,
  proposalIds: readonly number[],
): Promise<Map<number, { total: number; municipalities: { name: string | null; count: number }[] }>> {
  const result = new Map<
    number,
    { total: number; municipalities: { name: string | null; count: number }[] }
  >();
  if (proposalIds.length === 0) return result;
  const rows = await db
    .selectFrom("proposal_support as s")
    .leftJoin("municipality as m", "m.id", "s.municipality_id")
    .where("s.proposal_id", "in", proposalIds)
    .select((eb) => ["s.proposal_id", "m.name", eb.fn.countAll<number>().as("count")])
    .groupBy(["s.proposal_id", "m.name"])
    .orderBy("m.name")
    .execute();
  for (const row of rows) {
    const entry = result.get(row.proposal_id) ?? { total: 0, municipalities: [] };
    entry.total += Number(row.count);
    entry.municipalities.push({ name: row.name, count: Number(row.count) });
    result.set(row.proposal_id, entry);
  }
  return result;
}
