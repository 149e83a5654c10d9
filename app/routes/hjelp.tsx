import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { t } from "~/domain/texts";
import { siteTexts } from "~/domain/texts/site";
import { helpPage } from "~/server/site-texts.server";

/**
 * A short help page for first-time employees: what happens to a proposal, who decides, how long it
 * usually takes (medians from the data: aggregate figures, so open like /prosess) and the words used.
 */

const H = siteTexts.help;

export const meta: MetaFunction = () => [{ title: `${H.title} – ${t.app.name}` }];

export async function loader() {
  return helpPage();
}

export default function HelpPage() {
  const { steps, whoDecides, durations } = useLoaderData<typeof loader>();
  return (
    <article className="site-text">
      <h1>{H.title}</h1>
      <p>{H.intro}</p>
      <h2>{H.whatHappensHeading}</h2>
      <ol>
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p>
        <Link to="/prosess">{H.processLink}</Link>
      </p>
      <h2>{H.whoDecidesHeading}</h2>
      <p>{whoDecides}</p>
      <h2>{H.durationHeading}</h2>
      <p>{H.durationIntro}</p>
      <dl className="help-durations">
        {durations.map((d) => (
          <div key={d.label}>
            <dt>{d.label}</dt>
            <dd>{d.days === null ? H.noData : H.days(d.days, d.count)}</dd>
          </div>
        ))}
      </dl>
      <h2>{H.glossaryHeading}</h2>
      <dl className="glossary">
        {H.glossary.map(([word, meaning]) => (
          <div key={word}>
            <dt>{word}</dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
