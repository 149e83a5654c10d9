import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { t } from "~/domain/texts";
import { meetingTexts as T } from "~/domain/texts/meetings";
import { requireUser } from "~/server/auth.server";
import { meetingsOverview } from "~/server/meetings/list.server";

export const meta: MetaFunction = () => [{ title: `${T.listTitle} – ${t.app.name}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return meetingsOverview(user);
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["bodies"][number]["upcoming"][number];

function MeetingTable({ caption, rows, empty }: { caption: string; rows: Row[]; empty: string }) {
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{T.fields.date}</th>
            <th scope="col">{T.documents.time}</th>
            <th scope="col">{T.fields.place}</th>
            <th scope="col">{T.status}</th>
            <th scope="col">{T.documents.caseList}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id}>
              <td>
                <Link to={`/moter/${m.id}`}>{m.date}</Link>
              </td>
              <td>{m.time}</td>
              <td>{m.place}</td>
              <td>
                <span className={`badge meeting-${m.status}`}>{m.statusLabel}</span>
              </td>
              <td>{T.cases(m.cases)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function MeetingsPage() {
  const data = useLoaderData<typeof loader>();
  const quiet = data.bodies.filter((b) => b.kind === "group" && b.upcoming.length + b.past.length === 0);
  return (
    <>
      <h1>{T.listTitle}</h1>
      <p>{T.listIntro}</p>
      {data.mayPlanAny ? (
        <p>
          <Link className="button" to="/moter/ny">
            {T.plan}
          </Link>
        </p>
      ) : null}
      {data.bodies
        .filter((body) => body.kind !== "group" || body.upcoming.length + body.past.length > 0)
        .map((body) => (
          <section key={body.id} className="card" aria-labelledby={`body-${body.id}`}>
            <h2 id={`body-${body.id}`} style={{ marginTop: 0 }}>
              {body.name}
            </h2>
            {body.mayPlan ? (
              <p className="small">
                <Link to={`/moter/ny?organ=${body.id}`}>
                  {T.plan}: {body.name}
                </Link>
              </p>
            ) : null}
            <h3>{T.upcoming}</h3>
            <MeetingTable caption={`${body.name}: ${T.upcoming}`} rows={body.upcoming} empty={T.noUpcoming} />
            {body.past.length > 0 ? (
              <details>
                <summary>
                  {T.past} ({body.past.length})
                </summary>
                <MeetingTable caption={`${body.name}: ${T.past}`} rows={body.past} empty={T.noPast} />
              </details>
            ) : (
              <>
                <h3>{T.past}</h3>
                <p className="muted">{T.noPast}</p>
              </>
            )}
          </section>
        ))}
      {quiet.length > 0 ? (
        <section className="card" aria-labelledby="quiet-bodies">
          <h2 id="quiet-bodies" style={{ marginTop: 0 }}>
            {T.quietBodies}
          </h2>
          <ul>
            {quiet.map((body) => (
              <li key={body.id}>
                {body.mayPlan ? <Link to={`/moter/ny?organ=${body.id}`}>{body.name}</Link> : body.name}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
