import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { StateBadge } from "~/components/state-badge";
import { filterParams as P } from "~/domain/proposal-filters";
import { parseProposalFilters } from "~/domain/proposal-filters.schema";
import { layoutTexts as L } from "~/domain/texts/layout";
import { proposalListTexts as T } from "~/domain/texts/proposal-list";
import { requireUser } from "~/server/auth.server";
import { proposalListPage } from "~/server/proposal-list.server";

export const meta: MetaFunction = () => [{ title: `${T.listTitle} – ${L.app.name}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return proposalListPage(user, parseProposalFilters(new URL(request.url)));
}

export default function ProposalListPage() {
  const data = useLoaderData<typeof loader>();
  // The form and the links speak the query string's own keys (see ~/domain/proposal-filters).
  const f = data.query;
  const withParam = (key: string, value: string) => {
    const params = new URLSearchParams(f);
    params.delete(P.page);
    params.set(key, value);
    return `?${params}`;
  };
  const pageLink = (page: number) => withParam(P.page, String(page));
  const exportParams = new URLSearchParams(f);
  exportParams.delete(P.page);
  return (
    <>
      <h1>{T.listTitle}</h1>
      <Form method="get" className="card filters" role="search" aria-label={T.searchLabel}>
        <div className="field">
          <label htmlFor="q">{T.search}</label>
          <input type="search" id="q" name={P.q} defaultValue={f[P.q] ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="status">{T.state}</label>
          <select id="status" name={P.status} defaultValue={f[P.status] ?? ""}>
            <option value="">{T.allStates}</option>
            {data.stateOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="gruppe">{T.group}</label>
          <select id="gruppe" name={P.groupId} defaultValue={f[P.groupId] ?? ""}>
            <option value="">{T.allGroups}</option>
            {data.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="kommune">{T.municipality}</label>
          {/* A text matched on the server: 356 options would weigh on every list page. */}
          <input
            type="text"
            id="kommune"
            name={P.municipality}
            defaultValue={f[P.municipality] ?? ""}
            aria-describedby="kommune-hint"
            autoComplete="off"
          />
          <span id="kommune-hint" className="hint">
            {T.municipalityHint}
          </span>
        </div>
        <div className="field">
          <label htmlFor="aar">{T.year}</label>
          <select id="aar" name={P.year} defaultValue={f[P.year] ?? ""}>
            <option value="">{T.allYears}</option>
            {data.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sorter">{T.sort}</label>
          <select id="sorter" name={P.sort} defaultValue={f[P.sort] ?? (f[P.q] ? "" : "nyeste")}>
            {f[P.q] ? <option value="">{T.sortRelevance}</option> : null}
            <option value="nyeste">{T.sortNewest}</option>
            <option value="eldste">{T.sortOldest}</option>
          </select>
        </div>
        <div className="field checks">
          <label>
            <input type="checkbox" name={P.mineOnly} value="1" defaultChecked={f[P.mineOnly] === "1"} />{" "}
            {T.mine}
          </label>
        </div>
        <button type="submit" className="primary">
          {T.filter}
        </button>
      </Form>
      {data.municipalityCandidates ? (
        <div className="card" role="status">
          {data.municipalityCandidates.length === 0 ? (
            <p>{T.municipalityNotFound(f[P.municipality] ?? "")}</p>
          ) : (
            <>
              <p>{T.municipalityChoose(f[P.municipality] ?? "")}</p>
              <ul>
                {data.municipalityCandidates.map((name) => (
                  <li key={name}>
                    <Link to={withParam(P.municipality, name)}>{name}</Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}
      <p aria-live="polite">
        <strong>{data.more ? T.resultsMore(data.total) : T.results(data.total)}</strong>
        {" · "}
        <a href={`/innspill/eksport.csv?${exportParams}`}>{T.downloadCsv}</a>
      </p>
      {data.rows.length === 0 ? (
        <p>{T.noResults}</p>
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
          {data.page > 1 ? <Link to={pageLink(data.page - 1)}>{T.previous}</Link> : null}
          <span>{T.page(data.page, data.pages)}</span>
          {data.page < data.pages ? <Link to={pageLink(data.page + 1)}>{T.next}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
