import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/server/auth.server";
import { similarToTitle } from "~/server/proposal-list.server";

/** Similar submitted proposals for a title being typed on the intake form. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const title = (new URL(request.url).searchParams.get("tittel") ?? "").slice(0, 200);
  return { similar: await similarToTitle(title) };
}
