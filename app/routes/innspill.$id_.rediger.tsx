import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { getProposalForViewer, municipalitiesOfProposal } from "#db/repositories/proposal.repository";
import { ProposalForm } from "~/components/proposal-form";
import { proposalSchema } from "~/domain/proposal.schema";
import { t } from "~/domain/texts";
import { notFound, requireUser, type CurrentUser } from "~/server/auth.server";
import { saveProposal } from "~/server/commands/save-proposal.server";
import { db } from "~/server/db.server";
import { intakeChoices, parseProposalForm } from "~/server/intake.server";

export const meta: MetaFunction = () => [{ title: `${t.proposal.editTitle} – ${t.app.name}` }];

/** Only the author's own draft can be edited; anything else is not found. */
async function ownDraft(params: { id?: string }, user: CurrentUser) {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id)) notFound();
  const proposal = await getProposalForViewer(db(), id, user.id);
  if (!proposal || proposal.state !== "draft" || proposal.author_id !== user.id) notFound();
  return proposal;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const proposal = await ownDraft(params, user);
  const [choices, municipalities] = await Promise.all([
    intakeChoices(),
    municipalitiesOfProposal(db(), proposal.id),
  ]);
  return {
    ...choices,
    version: proposal.version,
    defaultValue: {
      title: proposal.title,
      background: proposal.background,
      problem: proposal.problem,
      solution: proposal.solution,
      benefits: proposal.benefits,
      affected: proposal.affected,
      resources: proposal.resources,
      municipalityIds: municipalities.map((m) => String(m.id)),
      suggestedGroupId: proposal.suggested_group_id ? String(proposal.suggested_group_id) : undefined,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const proposal = await ownDraft(params, user);
  const choices = await intakeChoices();
  const parsed = await parseProposalForm(request, proposalSchema(choices.ids));
  if (!parsed.ok) return data(parsed.reply, { status: 400 });
  const version = parsed.value.version ?? proposal.version;
  const result = await saveProposal({ user, form: parsed.value, existing: { id: proposal.id, version } });
  if (!result.ok && result.status === 409) {
    return data({ status: "error" as const, error: { "": [t.errors.conflict] } }, { status: 409 });
  }
  if (!result.ok && result.status === 400)
    return data({ status: "error" as const, error: result.fieldErrors }, { status: 400 });
  if (!result.ok) notFound();
  return redirect(
    `/innspill/${proposal.id}?melding=${parsed.value.intent === "submit" ? "sendt" : "lagret"}`,
  );
}

export default function EditDraftPage() {
  const { municipalities, groups, defaultValue, version } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <h1>{t.proposal.editTitle}</h1>
      <div className="card">
        <ProposalForm
          lastResult={lastResult}
          municipalities={municipalities}
          groups={groups}
          defaultValue={defaultValue}
          version={version}
        />
      </div>
    </>
  );
}
