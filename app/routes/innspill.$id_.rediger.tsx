import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ProposalForm } from "~/components/proposal-form";
import { proposalSchema } from "~/domain/proposal.schema";
import { t } from "~/domain/texts";
import { requireUser } from "~/server/auth.server";
import { saveProposal } from "~/server/commands/save-proposal.server";
import { db } from "~/server/db.server";
import { replyTo } from "~/server/reply.server";
import { draftFormValues, intakeChoices, ownDraft, parseProposalForm } from "~/server/intake.server";
import { idParam } from "~/server/params.server";

export const meta: MetaFunction = () => [{ title: `${t.proposal.editTitle} – ${t.app.name}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const proposal = await ownDraft(idParam(params.id), user);
  const [choices, defaultValue] = await Promise.all([intakeChoices(), draftFormValues(proposal)]);
  return { ...choices, version: proposal.version, defaultValue };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const proposal = await ownDraft(idParam(params.id), user);
  const choices = await intakeChoices();
  const parsed = await parseProposalForm(request, proposalSchema(choices.ids));
  if (!parsed.ok) return data(parsed.reply, { status: 400 });
  const version = parsed.value.version ?? proposal.version;
  const result = await saveProposal(db(), {
    user,
    form: parsed.value,
    existing: { id: proposal.id, version },
  });
  return replyTo(result, parsed.submission, () =>
    redirect(`/innspill/${proposal.id}?melding=${parsed.value.intent === "submit" ? "sendt" : "lagret"}`),
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
