import { today } from "#workflows/dates";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { listBodies, listMunicipalities } from "#db/repositories/organisation.repository";
import { getProposalForViewer, municipalitiesOfProposal } from "#db/repositories/proposal.repository";
import { mayEditDraft } from "#workflows/policy";
import { notFound, type CurrentUser } from "./auth.server";
import type { proposalSchema, ProposalForm } from "~/domain/proposal.schema";
import { t } from "~/domain/texts";
import { securityTexts } from "~/domain/texts/security";
import { contentMatchesType, FormTooLargeError, readForm } from "./attachments.server";
import { db } from "./db.server";

/** The municipalities and specialist groups a proposal may name today. */
export async function intakeChoices() {
  const on = today();
  const [municipalities, groups] = await Promise.all([
    listMunicipalities(db(), { activeOn: on }),
    listBodies(db(), { kind: "group", on, activeOnly: true }),
  ]);
  return {
    municipalities: municipalities.map((m) => ({ id: m.id, name: m.name })),
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    ids: { municipalityIds: municipalities.map((m) => m.id), groupIds: groups.map((g) => g.id) },
  };
}

type Parsed =
  | {
      ok: true;
      value: ProposalForm;
      /** For the command's answer: a refusal is replied to the form without the files. */
      submission: {
        reply(options?: {
          formErrors?: string[];
          fieldErrors?: Record<string, string[]>;
        }): SubmissionResult<string[]>;
      };
    }
  | { ok: false; reply: SubmissionResult<string[]> };

/** Reads and validates the proposal form; a failure keeps what was typed (but not the files) for the form. */
export async function parseProposalForm(
  request: Request,
  schema: ReturnType<typeof proposalSchema>,
): Promise<Parsed> {
  let formData: FormData;
  try {
    formData = await readForm(request);
  } catch (error) {
    if (!(error instanceof FormTooLargeError)) throw error;
    return { ok: false, reply: { status: "error", error: { "": [t.proposal.errors.textTooLong] } } };
  }
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success")
    return { ok: false, reply: submission.reply({ hideFields: ["attachments"] }) };
  for (const file of submission.value.attachments ?? [])
    if (!(await contentMatchesType(file)))
      return {
        ok: false,
        reply: submission.reply({
          fieldErrors: { attachments: [securityTexts.attachments.contentMismatch(file.name)] },
          hideFields: ["attachments"],
        }),
      };
  return {
    ok: true,
    value: submission.value,
    submission: { reply: (options) => submission.reply({ ...options, hideFields: ["attachments"] }) },
  };
}

/** The author's own draft; anything else (another's, a submitted one, none) is not found. */
export async function ownDraft(id: number, user: CurrentUser) {
  const proposal = await getProposalForViewer(db(), id, user.id);
  if (!proposal || !mayEditDraft(user, proposal)) notFound();
  return proposal;
}

/** What the draft's edit form starts from: its texts and the municipalities it names. */
export async function draftFormValues(proposal: Awaited<ReturnType<typeof ownDraft>>) {
  const municipalities = await municipalitiesOfProposal(db(), proposal.id);
  return {
    title: proposal.title,
    background: proposal.background,
    problem: proposal.problem,
    solution: proposal.solution,
    benefits: proposal.benefits,
    affected: proposal.affected,
    resources: proposal.resources,
    municipalityIds: municipalities.map((m) => String(m.id)),
    suggestedGroupId: proposal.suggested_group_id ? String(proposal.suggested_group_id) : undefined,
  };
}
