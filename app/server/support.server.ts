import { getMunicipality } from "#db/repositories/organisation.repository";
import { hasSupported, supportByProposal } from "#db/repositories/support.repository";
import { maySupport } from "#workflows/support";
import { supportPlaces, supportTexts } from "~/domain/texts/support";
import type { CurrentUser } from "./auth.server";
import { db } from "./db.server";

/** What a proposal's support panel shows this user: who supported it, and whether they may too. */
export async function supportPanel(
  proposal: { id: number; state: string; author_id: number },
  user: CurrentUser,
) {
  const [summary, mine, municipality] = await Promise.all([
    supportByProposal(db(), [proposal.id]).then((m) => m.get(proposal.id)),
    hasSupported(db(), proposal.id, user.id),
    user.municipalityId ? getMunicipality(db(), user.municipalityId) : Promise.resolve(undefined),
  ]);
  return {
    total: summary?.total ?? 0,
    text: summary
      ? supportTexts.summary(summary.total, supportPlaces(summary.municipalities))
      : supportTexts.none,
    mine,
    canSupport: maySupport({ state: proposal.state, authorId: proposal.author_id }, user.id, mine),
    hint: supportTexts.buttonHint(municipality?.name ?? null),
  };
}

export type SupportPanelData = Awaited<ReturnType<typeof supportPanel>>;

/** "Støttet av 2 personer: Molde, Rauma." (or that nobody has yet), for the group's assessment page. */
export async function supportSummary(proposalId: number): Promise<string> {
  const summary = (await supportByProposal(db(), [proposalId])).get(proposalId);
  return summary
    ? supportTexts.summary(summary.total, supportPlaces(summary.municipalities))
    : supportTexts.none;
}

/** "3 støtter (Molde, Rauma)" per proposal, for the list. */
export async function supportLines(ids: number[]): Promise<Map<number, string>> {
  const byProposal = await supportByProposal(db(), ids);
  return new Map(
    [...byProposal].map(([id, s]) => [
      id,
      `${supportTexts.listSummary(s.total)} (${supportPlaces(s.municipalities)})`,
    ]),
  );
}
