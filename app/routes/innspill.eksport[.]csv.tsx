import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseProposalFilters } from "~/domain/proposal-filters.schema";
import { exportTexts as X } from "~/domain/texts/report";
import { requireUser } from "~/server/auth.server";
import { csvResponse } from "~/server/csv.server";
import { proposalListCsv } from "~/server/proposal-list.server";

/** The proposal list as CSV, filtered exactly as the list page with the same query string. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const csv = await proposalListCsv(user, parseProposalFilters(new URL(request.url)));
  return csvResponse(csv, X.fileName);
}
