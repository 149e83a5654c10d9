import type { LoaderFunctionArgs } from "@remix-run/node";
import { listBodies } from "#db/repositories/organisation.repository";
import { listProposals, municipalityNamesFor } from "#db/repositories/proposal.repository";
import { parseProposalFilters } from "~/domain/proposal-filters";
import { formatDate } from "~/domain/texts";
import { exportTexts as X } from "~/domain/texts/report";
import { requireUser } from "~/server/auth.server";
import { csvResponse, toCsv } from "~/server/csv.server";
import { db } from "~/server/db.server";
import { bodyNames, stateLabel } from "~/server/process.server";
import { listFilters } from "~/server/proposal-list.server";

/** The rows of an export: every page of the list at once, up to this many. */
const MAX_ROWS = 50_000;

/** The proposal list as CSV, filtered exactly as the list page with the same query string. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const filters = listFilters(parseProposalFilters(new URL(request.url)), user.id);
  const [result, groups, names] = await Promise.all([
    listProposals(db(), { ...filters, page: 1, pageSize: MAX_ROWS }),
    listBodies(db(), { kind: "group" }),
    bodyNames(),
  ]);
  const municipalities = await municipalityNamesFor(
    db(),
    result.rows.map((r) => r.id),
  );
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const C = X.columns;
  const csv = toCsv(
    [C.id, C.title, C.state, C.group, C.municipalities, C.author, C.submitted, C.created, C.stateChanged],
    result.rows.map((r) => [
      r.id,
      r.title,
      stateLabel(r.state, names),
      r.group_id ? (groupName.get(r.group_id) ?? "") : "",
      (municipalities.get(r.id) ?? []).join(", "),
      r.author_name,
      formatDate(r.submitted_at),
      formatDate(r.created_at),
      formatDate(r.state_changed_at),
    ]),
  );
  return csvResponse(csv, X.fileName);
}
