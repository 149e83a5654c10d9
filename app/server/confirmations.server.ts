import { bodyText, type ProposalEventType } from "#workflows/proposal.machine";
import { t } from "~/domain/texts";
import { assessmentTexts } from "~/domain/texts/assessment";
import { proposalConfirmations, proposalPageConfirmations } from "~/domain/texts/confirmations";
import { supportTexts } from "~/domain/texts/support";
import { bodyNames } from "./process.server";

/**
 * The confirmation for `?melding=<key>` on a proposal's page: a process step (its event type, with
 * the group or merged proposal it led to) or another step on the page. Unknown keys say nothing.
 */
export async function proposalConfirmation(
  key: string | null,
  proposal: { groupName: string | null; mergedIntoId: number | null },
): Promise<string | null> {
  if (!key) return null;
  const fixed: Record<string, string> = {
    sendt: t.proposal.submitted,
    lagret: t.proposal.saved,
    vurdert: assessmentTexts.saved,
    stottet: supportTexts.done,
    ...proposalPageConfirmations,
  };
  if (key in fixed) return fixed[key]!;
  if (!Object.hasOwn(proposalConfirmations, key)) return null;
  const text = proposalConfirmations[key as ProposalEventType]({
    group: proposal.groupName,
    mergedInto: proposal.mergedIntoId,
  });
  return bodyText(text, await bodyNames());
}
