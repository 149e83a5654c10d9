import { Link } from "@remix-run/react";
import type { ReportPageBlock } from "~/domain/report-page";
import { reportTexts as R } from "~/domain/texts/report";

const tags = { 1: "h2", 2: "h3", 3: "h4", 4: "h5" } as const;

/**
 * The report draft on the page, from the same blocks as the Word and Markdown files; the page's
 * own h1 is the title, so the report's levels start at h2. A long field's entries are bounded
 * (~/domain/report-page): plain links under `path` show the rest, with or without JavaScript.
 */
export function ReportDocument({ blocks, path }: { blocks: ReportPageBlock[]; path: string }) {
  return (
    <div className="report-document">
      {blocks.map((b, i) => {
        switch (b.kind) {
          case "heading": {
            const Tag = tags[b.level];
            return (
              <Tag key={i} id={`kap-${b.number}`}>
                <span className="report-number">{b.number}</span> {b.text}
              </Tag>
            );
          }
          case "paragraph":
            return (
              <p key={i} className={b.placeholder ? "muted" : undefined}>
                {b.placeholder ? <em>{b.text}</em> : b.text}
              </p>
            );
          case "entry":
            return (
              <div key={i} className="report-entry" data-proposal={b.proposalId}>
                <p>
                  <strong>
                    <Link to={`/innspill/${b.proposalId}`}>{b.title}</Link>
                    {b.municipalities ? ` – ${b.municipalities}` : ""}
                  </strong>
                </p>
                <p className="small muted">{b.state}</p>
                {b.text.split(/\n\s*\n/).map((para, k) => (
                  <p key={k} className="prose">
                    {para.trim()}
                  </p>
                ))}
              </div>
            );
          case "more":
            return (
              <p key={i} className="report-more no-print">
                {R.entriesShown(b.shown, b.total)}{" "}
                <Link to={`${path}?felt=${b.number}#kap-${b.number}`}>
                  {R.showAllEntries(b.total, b.field)}
                </Link>
              </p>
            );
          case "pages": {
            const at = (page: number) => `${path}?felt=${b.number}&side=${page}#kap-${b.number}`;
            return (
              <nav key={i} className="pagination no-print" aria-label={R.entriesPaging(b.field)}>
                {b.page > 1 ? <Link to={at(b.page - 1)}>{R.previousPage}</Link> : null}
                <span>{R.entriesPage(b.page, b.pages)}</span>
                {b.page < b.pages ? <Link to={at(b.page + 1)}>{R.nextPage}</Link> : null}
                <Link to={`${path}#kap-${b.number}`}>{R.showFewerEntries}</Link>
              </nav>
            );
          }
          case "list":
            return (
              <ul key={i}>
                {b.items.map((item, k) => (
                  <li key={k}>{item}</li>
                ))}
              </ul>
            );
          case "table":
            return (
              // Wide tables scroll on narrow screens: the region is focusable so keyboards can scroll it.
              <div key={i} className="table-wrap" role="region" aria-label={b.caption} tabIndex={0}>
                <table>
                  <caption>{b.caption}</caption>
                  <thead>
                    <tr>
                      {b.head.map((h, k) => (
                        <th key={k} scope="col">
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {b.rows.map((row, r) => (
                      <tr key={r}>
                        {row.map((cell, k) =>
                          k === 0 ? (
                            <th key={k} scope="row">
                              {cell}
                            </th>
                          ) : (
                            <td key={k}>{cell}</td>
                          ),
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
        }
      })}
    </div>
  );
}
