import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StateBadge } from "~/components/state-badge";
import { formatDate, t, waitedFor } from "~/domain/texts";
import { queueTexts } from "~/domain/texts/queues";
import { requireUser } from "~/server/auth.server";
import { workQueues } from "~/server/work-queues.server";

export const meta: MetaFunction = () => [{ title: `${t.nav.home} – ${t.app.name}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { name: user.name, ...(await workQueues(user)) };
}

export default function StartPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Hei, {data.name.split(" ")[0]}</h1>
      <div className="grid">
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Har du en idé?</h2>
          <p>
            Foreslå en ny digital tjeneste eller en endring i en eksisterende. Faggruppen vurderer innspillet
            ditt.
          </p>
          <Link to="/innspill/ny" className="button">
            {t.nav.newProposal}
          </Link>
        </section>
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Slik behandles et innspill</h2>
          <p>Se hele prosessen fra innspill til vedtak, og hvor mange innspill som er i hvert steg nå.</p>
          <Link to="/prosess">Se prosessen</Link>
        </section>
      </div>
      {data.queues.map((q) => (
        <section key={q.key} aria-labelledby={`queue-${q.key}`}>
          <h2 id={`queue-${q.key}`}>
            {q.title} <span className="badge">{q.items.length}</span>
          </h2>
          {q.items.length === 0 ? (
            <p className="muted">{q.empty}</p>
          ) : (
            <ul className="proposal-list">
              {q.items.map((item) => (
                <li key={item.id}>
                  <h3>
                    <Link to={`/innspill/${item.id}`}>{item.title}</Link>
                  </h3>
                  <div className="meta">
                    <StateBadge state={item.state} label={item.stateLabel} />
                    <span>#{item.id}</span>
                    {item.groupName ? <span>{item.groupName}</span> : null}
                    <span>
                      {/* Work under way is not waiting: say since when it has run. */}
                      {item.state === "inProgress"
                        ? queueTexts.inProgressSince(formatDate(item.since))
                        : queueTexts.waited(waitedFor(item.since))}
                    </span>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">Mine innspill</h2>
        {data.mine.length === 0 ? (
          <p className="muted">Du har ikke skrevet noen innspill ennå.</p>
        ) : (
          <ul className="proposal-list">
            {data.mine.map((item) => (
              <li key={item.id}>
                <h3>
                  <Link to={`/innspill/${item.id}`}>{item.title}</Link>
                </h3>
                <div className="meta">
                  <StateBadge state={item.state} label={item.stateLabel} />
                  <span>{formatDate(item.date)}</span>
                </div>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/innspill?mine=1">Alle mine innspill</Link>
        </p>
      </section>
    </>
  );
}
