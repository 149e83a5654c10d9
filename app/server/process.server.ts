import { bodyOfKind } from "#db/repositories/organisation.repository";
import { bodyText, stateMeta, type BodyNames, type ProposalState } from "#workflows/proposal.machine";
import { db } from "./db.server";

/** The committee's and the board's names valid on a date (today by default), from the organisation data. */
export async function bodyNames(on?: string): Promise<BodyNames> {
  const [committee, board] = await Promise.all([
    bodyOfKind(db(), "committee", on),
    bodyOfKind(db(), "board", on),
  ]);
  return { committee: committee?.name ?? "Utvalget", board: board?.name ?? "Styret" };
}

/** A state's Norwegian label with today's body names. */
export function stateLabel(state: string, names: BodyNames): string {
  return bodyText(stateMeta(state as ProposalState)?.label ?? state, names);
}
