import type { Executor } from "#db/connection";
import {
  addAttachment,
  countAttachments,
  createProposal,
  updateDraft,
} from "#db/repositories/proposal.repository";
import { appendHistory } from "#db/repositories/process.repository";
import { MAX_FILES, type ProposalForm } from "~/domain/proposal.schema";
import { securityTexts } from "~/domain/texts/security";
import type { CurrentUser } from "../auth.server";
import { removeFiles, storeFiles } from "../attachments.server";
import { t } from "~/domain/texts";
import { applyProposalEvent } from "./apply-proposal-event.server";
import { orRefuse, refuse, runCommand, type CommandResult } from "./result.server";

/**
 * Writes a new proposal or a changed draft with its files, and submits it when asked:
 * the texts, the files' records, the history and the submission commit together.
 */
export async function saveProposal(
  db: Executor,
  input: { user: CurrentUser; form: ProposalForm; existing?: { id: number; version: number }; now?: Date },
): Promise<CommandResult<{ id: number }>> {
  const { form, user } = input;
  const stored = await storeFiles(form.attachments ?? []);
  const now = (input.now ?? new Date()).toISOString();
  const texts = {
    title: form.title,
    background: form.background,
    problem: form.problem,
    solution: form.solution,
    benefits: form.benefits,
    affected: form.affected,
    resources: form.resources,
    municipalityIds: form.municipalityIds,
    suggestedGroupId: form.suggestedGroupId ?? null,
  };
  const result = await runCommand(db, async (trx) => {
    let id: number;
    let version: number;
    if (input.existing) {
      id = input.existing.id;
      const updated = await updateDraft(trx, id, input.existing.version, texts);
      if (!updated) refuse(409, t.errors.conflict);
      version = input.existing.version + 1;
    } else {
      id = await createProposal(trx, { ...texts, authorId: user.id, state: "draft", now });
      await appendHistory(trx, {
        proposalId: id,
        from: null,
        to: "draft",
        event: "CREATE",
        actorId: user.id,
        at: now,
      });
      version = 1;
    }
    // At most MAX_FILES in all, counted with the ones stored by earlier edits.
    if (stored.length > 0 && (await countAttachments(trx, id)) + stored.length > MAX_FILES)
      refuse(400, "", { attachments: [securityTexts.attachments.tooMany] });
    for (const file of stored) {
      await addAttachment(trx, { proposalId: id, ...file, uploadedBy: user.id, now });
    }
    if (form.intent === "submit") {
      orRefuse(
        await applyProposalEvent(trx, {
          proposalId: id,
          expectedVersion: version,
          user,
          type: "SUBMIT",
          payload: {},
        }),
      );
    }
    return { id };
  }).catch(async (error: unknown) => {
    await removeFiles(stored);
    throw error;
  });
  if (!result.ok) await removeFiles(stored);
  return result;
}
