import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listBodies, listMunicipalities } from "#db/repositories/organisation.repository";
import { listProposals, municipalityNamesFor, submissionYears } from "#db/repositories/proposal.repository";
import { proposalStates } from "#workflows/proposal.machine";
import { StateBadge } from "~/components/state-badge";
import { parseProposalFilters } from "~/domain/proposal-filters";
import { formatDate, t } from "~/domain/texts";
import { requireUser } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { listFilters } from "~/server/proposal-list.server";
import { supportLines } from "~/server/support.server";
import { bodyNames, stateLabel } from "~/server/process.server";

export const meta: MetaFunction = () => [{ title: `${t.proposal.listTitle} – ${t.app.name}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const f = parseProposalFilters(url);
  const [result, groups, municipalities, names, years] = await Promise.all([
    listProposals(db(), listFilters(f, user.id)),
    listBodies(db(), { kind: "group" }),
    listMunicipalities(db()),
    bodyNames(),
    submissionYears(db()),
  ]);
  const [municipalityNames, support] = await Promise.all([
    municipalityNamesFor(
      db(),
      result.rows.map((r) => r.id),
    ),
    supportLines(result.rows.map((r) => r.id)),
  ]);
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  return {
    filters: f,
    total: result.total,
    page: result.page,
    pages: Math.max(1, Math.ceil(result.total / result.pageSize)),
    rows: result.rows.map((r) => ({
      id: r.id,
      title: r.title,
      state: r.state,
      stateLabel: stateLabel(r.state, names),
      groupName: r.group_id ? (groupName.get(r.group_id) ?? "") : "",
      authorName: r.author_name,
      date: formatDate(r.submitted_at ?? r.created_at),
      municipalities: municipalityNames.get(r.id) ?? [],
      support: support.get(r.id) ?? null,
    })),
    stateOptions: [
      { value: "aktive", label: "Alle under behandling" },
      ...proposalStates.map((s) => ({ value: s, label: stateLabel(s, names) })),
      { value: "avsluttet", label: "Alle avsluttede" },
    ],
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    municipalities: municipalities.map((m) => ({ id: m.id, name: m.name })),
    // Only years with submissions, the same list as /statistikk's.
    years,
  };
}

export default function ProposalListPage() {
  const data = useLoaderData<typeof loader>();
  const f = data.filters;
  const pageLink = (side: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v !== undefined && k !== "side") params.set(k, String(v));
    params.set("side", String(side));
    return `?${params}`;
  };
  const exportParams = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && k !== "side") exportParams.set(k, String(v));
  return (
    <>
      <h1>{t.proposal.listTitle}</h1>
      <Form method="get" className="card filters" role="search" aria-label={t.proposal.searchLabel}>
        <div className="field">
          <label htmlFor="q">{t.proposal.search}</label>
          <input type="search" id="q" name="q" defaultValue={f.q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="status">{t.proposal.state}</label>
          <select id="status" name="status" defaultValue={f.status ?? ""}>
            <option value="">{t.proposal.allStates}</option>
            {data.stateOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="gruppe">{t.proposal.group}</label>
          <select id="gruppe" name="gruppe" defaultValue={f.gruppe ?? ""}>
            <option value="">{t.proposal.allGroups}</option>
            {data.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="kommune">Kommune</label>
          <select id="kommune" name="kommune" defaultValue={f.kommune ?? ""}>
            <option value="">{t.proposal.allMunicipalities}</option>
            {data.municipalities.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="aar">År</label>
          <select id="aar" name="aar" defaultValue={f.aar ?? ""}>
            <option value="">{t.proposal.allYears}</option>
            {data.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sorter">{t.proposal.sort}</label>
          <select id="sorter" name="sorter" defaultValue={f.sorter ?? "nyeste"}>
            <option value="nyeste">{t.proposal.sortNewest}</option>
            <option value="eldste">{t.proposal.sortOldest}</option>
          </select>
        </div>
        <div className="field checks">
          <label>
            <input type="checkbox" name="mine" value="1" defaultChecked={f.mine === "1"} /> {t.proposal.mine}
          </label>
        </div>
        <button type="submit" className="primary">
          {t.proposal.filter}
        </button>
      </Form>
      <p aria-live="polite">
        <strong>{t.proposal.results(data.total)}</strong>
        {" · "}
        <a href={`/innspill/eksport.csv?${exportParams}`}>Last ned som CSV</a>
      </p>
      {data.rows.length === 0 ? (
        <p>{t.proposal.noResults}</p>
      ) : (
        <ul className="proposal-list">
          {data.rows.map((r) => (
            <li key={r.id}>
              <h2 style={{ fontSize: "1.05rem", margin: "0 0 .25rem" }}>
                <Link to={`/innspill/${r.id}`}>{r.title}</Link>
              </h2>
              <div className="meta">
                <StateBadge state={r.state} label={r.stateLabel} />
                <span>#{r.id}</span>
                <span>{r.date}</span>
                <span>{r.authorName}</span>
                {r.groupName ? <span>{r.groupName}</span> : null}
                {r.municipalities.length > 0 ? <span>{r.municipalities.join(", ")}</span> : null}
                {r.support ? <span className="support-line">{r.support}</span> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      {data.pages > 1 ? (
        <nav className="pagination" aria-label="Sider">
          {data.page > 1 ? <Link to={pageLink(data.page - 1)}>{t.proposal.previous}</Link> : null}
          <span>{t.proposal.page(data.page, data.pages)}</span>
          {data.page < data.pages ? <Link to={pageLink(data.page + 1)}>{t.proposal.next}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
