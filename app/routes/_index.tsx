import type { ReactNode } from "react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StateBadge } from "~/components/state-badge";
import { filterParams } from "~/domain/proposal-filters";
import { formatDate, t, waitedFor } from "~/domain/texts";
import { homeTexts as H } from "~/domain/texts/home";
import { requireUser } from "~/server/auth.server";
import { workQueues } from "~/server/work-queues.server";

export const meta: MetaFunction = () => [{ title: `${t.nav.home} – ${t.app.name}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { name: user.name, ...(await workQueues(user)) };
}

/** One proposal in a list: its title as a link, its state, and what else the list shows. */
function ProposalItem(props: {
  item: { id: number; title: string; state: string; stateLabel: string };
  children: ReactNode;
}) {
  const { item } = props;
  return (
    <li>
      <h3>
        <Link to={`/innspill/${item.id}`}>{item.title}</Link>
      </h3>
      <div className="meta">
        <StateBadge state={item.state} label={item.stateLabel} />
        {props.children}
      </div>
    </li>
  );
}

export default function StartPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{H.greeting(data.name.split(" ")[0] ?? "")}</h1>
      <div className="grid">
        <section className="card">
          <h2 style={{ marginTop: 0 }}>{H.ideaTitle}</h2>
          <p>{H.ideaText}</p>
          <Link to="/innspill/ny" className="button">
            {t.nav.newProposal}
          </Link>
        </section>
        <section className="card">
          <h2 style={{ marginTop: 0 }}>{H.processTitle}</h2>
          <p>{H.processText}</p>
          <Link to="/prosess">{H.processLink}</Link>
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
                <ProposalItem key={item.id} item={item}>
                  <span>#{item.id}</span>
                  {item.groupName ? <span>{item.groupName}</span> : null}
                  <span>
                    {/* Work under way is not waiting: say since when it has run. */}
                    {item.state === "inProgress"
                      ? H.inProgressSince(formatDate(item.since))
                      : H.waited(waitedFor(item.since))}
                  </span>
                </ProposalItem>
              ))}
            </ul>
          )}
        </section>
      ))}
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">{H.mineTitle}</h2>
        {data.mine.length === 0 ? (
          <p className="muted">{H.mineEmpty}</p>
        ) : (
          <ul className="proposal-list">
            {data.mine.map((item) => (
              <ProposalItem key={item.id} item={item}>
                <span>{formatDate(item.date)}</span>
              </ProposalItem>
            ))}
          </ul>
        )}
        <p>
          <Link to={`/innspill?${filterParams.mineOnly}=1`}>{H.mineAll}</Link>
        </p>
      </section>
    </>
  );
}
