import type { LoaderFunctionArgs } from "@remix-run/node";
import { similarProposals } from "#db/repositories/proposal.repository";
import { requireUser } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { bodyNames, stateLabel } from "~/server/process.server";

/** Similar submitted proposals for a title being typed on the intake form. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const title = (new URL(request.url).searchParams.get("tittel") ?? "").slice(0, 200);
  const [rows, names] = await Promise.all([similarProposals(db(), title), bodyNames()]);
  return { similar: rows.map((r) => ({ id: r.id, title: r.title, stateLabel: stateLabel(r.state, names) })) };
}
