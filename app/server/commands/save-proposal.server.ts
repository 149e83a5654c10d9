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
import { db } from "../db.server";
import { applyProposalEvent } from "./apply-proposal-event.server";

export type SaveResult =
  | { ok: true; id: number }
  | { ok: false; status: 409 | 404 }
  | { ok: false; status: 400; fieldErrors: Record<string, string[]> };

class Abort extends Error {
  constructor(
    readonly status: 409 | 404 | 400,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super("abort");
  }
}

/**
 * Writes a new proposal or a changed draft with its files, and submits it when asked:
 * the texts, the files' records, the history and the submission commit together.
 */
export async function saveProposal(input: {
  user: CurrentUser;
  form: ProposalForm;
  existing?: { id: number; version: number };
}): Promise<SaveResult> {
  const { form, user } = input;
  const stored = await storeFiles(form.attachments ?? []);
  const now = new Date().toISOString();
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
  try {
    const id = await db()
      .transaction()
      .execute(async (trx) => {
        let id: number;
        let version: number;
        if (input.existing) {
          id = input.existing.id;
          const updated = await updateDraft(trx, id, input.existing.version, texts);
          if (!updated) throw new Abort(409);
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
          throw new Abort(400, { attachments: [securityTexts.attachments.tooMany] });
        for (const file of stored) {
          await addAttachment(trx, { proposalId: id, ...file, uploadedBy: user.id, now });
        }
        if (form.intent === "submit") {
          const result = await applyProposalEvent(trx, {
            proposalId: id,
            expectedVersion: version,
            user,
            type: "SUBMIT",
            payload: {},
          });
          if (!result.ok) throw new Abort(result.status === 404 ? 404 : 409);
        }
        return id;
      });
    return { ok: true, id };
  } catch (error) {
    await removeFiles(stored);
    if (error instanceof Abort)
      return error.status === 400
        ? { ok: false, status: 400, fieldErrors: error.fieldErrors }
        : { ok: false, status: error.status };
    throw error;
  }
}
