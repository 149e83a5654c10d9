import { Link } from "@remix-run/react";
import { StateBadge } from "~/components/state-badge";
import { strategyTexts as S } from "~/domain/texts/strategy";
import type { strategyView } from "~/server/strategy.server";

type View = NonNullable<Awaited<ReturnType<typeof strategyView>>>;

/**
 * The goal view of a strategy: the gaps first, plainly, then per main goal and sub-goal the
 * linked proposals grouped by state. Counts are written out; colour only repeats the words.
 */
export function StrategyGoals({ view }: { view: View }) {
  if (!view.strategy) return <p>{S.noStrategy}</p>;
  const s = view.strategy;
  return (
    <>
      <p className="meta">
        <span>{s.period}</span>
        <span>
          <span className="badge">{S.status[s.status]}</span>
        </span>
        {s.approval ? (
          <span>
            {s.approval.meetingId ? (
              <Link to={`/moter/${s.approval.meetingId}#sak-${s.approval.itemId}`}>{s.approval.text}</Link>
            ) : (
              s.approval.text
            )}
          </span>
        ) : null}
      </p>
      {s.expiredNotice ? (
        <p className="notice warn" role="note">
          {s.expiredNotice}
        </p>
      ) : null}
      {s.status === "replaced" ? (
        <p className="notice">
          {S.replacedNotice}{" "}
          {s.replacedBy ? (
            <>
              {S.replacedBy} <Link to={`/strategi/${s.replacedBy.id}`}>{s.replacedBy.name}</Link>.
            </>
          ) : null}
        </p>
      ) : null}

      <section className="card gap-summary" aria-labelledby="gaps-heading">
        <h2 id="gaps-heading" style={{ marginTop: 0 }}>
          {S.gaps}
        </h2>
        <p className="muted">{S.gapsIntro}</p>
        {view.gaps.length === 0 ? (
          <p>{S.noGaps}</p>
        ) : (
          <ul>
            {view.gaps.map((g) => (
              <li key={g.id}>
                <a href={`#delmal-${g.number}`}>
                  {S.subGoal} {g.number} {g.title}
                </a>
                : <strong>{g.gaps.join("; ")}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>

      {view.coverage.map((main) => (
        <section key={main.id} className="goal" aria-labelledby={`mal-${main.number}`}>
          <h2 id={`mal-${main.number}`}>
            {S.mainGoal} {main.number}: {main.title}
          </h2>
          {main.description ? <p>{main.description}</p> : null}
          {main.subGoals.map((sub) => (
            <article
              key={sub.id}
              className={`card sub-goal${sub.gaps.length > 0 ? " has-gap" : ""}`}
              aria-labelledby={`delmal-${sub.number}`}
            >
              <h3 id={`delmal-${sub.number}`} style={{ marginTop: 0 }}>
                {S.subGoal} {sub.number}: {sub.title}
              </h3>
              {sub.gaps.length > 0 ? (
                <p className="gap-flags">
                  {sub.gaps.map((g) => (
                    <span key={g} className="badge gap">
                      {S.gapLabels[g]}
                    </span>
                  ))}
                </p>
              ) : null}
              {sub.description ? <p className="small muted">{sub.description}</p> : null}
              {sub.groups.length === 0 ? (
                <p className="small">{S.noProposals}</p>
              ) : (
                <dl className="goal-groups">
                  {sub.groups.map((g) => (
                    <div key={g.group}>
                      <dt>
                        {g.label} ({g.proposals.length})
                      </dt>
                      <dd>
                        <ul>
                          {g.proposals.map((p) => (
                            <li key={p.id}>
                              <Link to={`/innspill/${p.id}`}>{p.title}</Link>{" "}
                              <StateBadge state={p.state} label={p.stateLabel} />
                            </li>
                          ))}
                        </ul>
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
            </article>
          ))}
        </section>
      ))}
    </>
  );
}

/** Links to the other strategies (replaced ones, and drafts for those who manage them). */
export function OtherStrategies({ others }: { others: View["others"] }) {
  if (others.length === 0) return null;
  return (
    <section aria-labelledby="others-heading">
      <h2 id="others-heading">{S.otherStrategies}</h2>
      <ul>
        {others.map((o) => (
          <li key={o.id}>
            <Link to={`/strategi/${o.id}`}>{o.name}</Link>{" "}
            <span className="small muted">
              ({o.period}, {S.status[o.status].toLowerCase()})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
