import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { t } from "~/domain/texts";
import { meetingTexts as T } from "~/domain/texts/meetings";
import { publicMeetings } from "~/server/meetings/public.server";

export const meta: MetaFunction = () => [{ title: `${T.public.title} – ${t.app.name}` }];

/** No login: the published notices and protocols of every body. */
export async function loader() {
  return { bodies: await publicMeetings() };
}

export default function PublicMeetingsPage() {
  const { bodies } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{T.public.title}</h1>
      <p>{T.public.intro}</p>
      {bodies.length === 0 ? <p className="muted">{T.public.none}</p> : null}
      {bodies.map((body) => (
        <section key={body.id} className="card" aria-labelledby={`public-body-${body.id}`}>
          <h2 id={`public-body-${body.id}`} style={{ marginTop: 0 }}>
            {body.name}
            {body.formerNames.length > 0 ? (
              <span className="muted small"> {T.formerNames(body.formerNames.join(", "))}</span>
            ) : null}
          </h2>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{body.name}</caption>
              <thead>
                <tr>
                  <th scope="col">{T.meetingColumn}</th>
                  <th scope="col">{T.public.notices}</th>
                  <th scope="col">{T.public.protocols}</th>
                </tr>
              </thead>
              <tbody>
                {body.meetings.map((m) => (
                  <tr key={m.id}>
                    <td>{m.title}</td>
                    <td>
                      <Link to={`/offentlig/moter/${m.id}#innkalling`}>
                        {T.documents.notice} ({T.cases(m.cases)})
                      </Link>
                    </td>
                    <td>
                      {m.protocol ? (
                        <Link to={`/offentlig/moter/${m.id}#protokoll`}>{T.documents.protocol}</Link>
                      ) : (
                        <span className="muted">{T.public.protocolNotPublished}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
