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
import { intakeChoices, parseProposalForm } from "~/server/intake.server";
import { replyTo } from "~/server/reply.server";

export const meta: MetaFunction = () => [{ title: `${t.proposal.newTitle} – ${t.app.name}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return intakeChoices();
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const choices = await intakeChoices();
  const parsed = await parseProposalForm(request, proposalSchema(choices.ids));
  if (!parsed.ok) return data(parsed.reply, { status: 400 });
  const result = await saveProposal(db(), { user, form: parsed.value });
  const notice = parsed.value.intent === "submit" ? "sendt" : "lagret";
  return replyTo(result, parsed.submission, (saved) => redirect(`/innspill/${saved.id}?melding=${notice}`));
}

export default function NewProposalPage() {
  const { municipalities, groups } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <h1>{t.proposal.newTitle}</h1>
      <div className="card">
        <ProposalForm lastResult={lastResult} municipalities={municipalities} groups={groups} />
      </div>
    </>
  );
}
