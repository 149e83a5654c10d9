import { Link } from "@remix-run/react";
import { assessmentTexts as A } from "~/domain/texts/assessment";
import type { ProposalPageData } from "~/server/proposal-page.server";

const kroner = (n: number | null) => (n === null ? "–" : `${n.toLocaleString("nb-NO")} kr`);

/** The specialist group's assessment as read by everyone, with the way in for those who may change it. */
export function AssessmentPanel({ page }: { page: ProposalPageData }) {
  const a = page.assessment;
  if (!a && !page.canAssess) return null;
  return (
    <section className="card" aria-labelledby="assessment-heading">
      <h2 id="assessment-heading" style={{ marginTop: 0 }}>
        {A.title}
      </h2>
      {a ? (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{A.title}</caption>
              <tbody>
                {a.scores.map((s) => (
                  <tr key={s.key}>
                    <th scope="row">{s.label}</th>
                    <td>{s.value ?? A.notScored}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{A.adjustment}</th>
                  <td>
                    {a.adjustment}
                    {a.adjustmentReason ? ` – ${a.adjustmentReason}` : ""}
                  </td>
                </tr>
                <tr>
                  <th scope="row">{A.total}</th>
                  <td>
                    <strong>{a.total ?? "–"}</strong>
                    {a.band ? ` (${A.band}: ${a.band})` : ""}
                  </td>
                </tr>
                <tr>
                  <th scope="row">{A.costOnce}</th>
                  <td>{kroner(a.costOnce)}</td>
                </tr>
                <tr>
                  <th scope="row">{A.costYearly}</th>
                  <td>{kroner(a.costYearly)}</td>
                </tr>
              </tbody>
            </table>
          </div>
          {a.benefitsPlan ? (
            <>
              <h3>{A.benefitsPlan}</h3>
              <p className="prose">{a.benefitsPlan}</p>
            </>
          ) : null}
          <p className={a.complete ? "small" : "small muted"}>{a.complete ? A.complete : A.incomplete}</p>
        </>
      ) : (
        <p className="muted">{A.none}</p>
      )}
      <h3>{A.goals}</h3>
      {page.goals.length === 0 ? (
        <p className="muted">{A.noGoals}</p>
      ) : (
        <ul>
          {page.goals.map((g) => (
            <li key={g.id}>{g.label}</li>
          ))}
        </ul>
      )}
      {page.canAssess ? (
        <p>
          <Link className="button secondary" to={`/innspill/${page.proposal.id}/vurdering`}>
            {A.edit}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
