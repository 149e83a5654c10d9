import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Component, lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { KeptMarkup } from "~/components/document-context";
import { FLOWCHART_MARKUP_ID, FLOWCHART_NAME_ID, ProcessFlowchartSvg } from "~/components/process-flowchart";
import { PROCESS_TEXT_MARKUP_ID, ProcessTextVersion } from "~/components/process-text-version";
import { t } from "~/domain/texts";
import { processTexts } from "~/domain/texts/process";
import { getUser } from "~/server/auth.server";
import { flowchartPage } from "~/server/flowchart.server";
import { provideMarkup } from "~/server/kept-markup.server";

/**
 * The live flowchart of the process, for employees with or without a login. The counts are
 * shown to everyone: they are aggregate numbers with no titles or names, the board's papers are
 * public anyway, and the chart should mean the same on the intranet as after logging in.
 */

const ProcessFlow = lazy(() => import("~/components/process-flow"));

export const meta: MetaFunction = () => [{ title: `${processTexts.title} – ${t.app.name}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [user, { drawing, ...page }] = await Promise.all([getUser(request), flowchartPage()]);
  // The drawing and the text version are rendered once per set of counts; the document inserts them.
  provideMarkup(context, FLOWCHART_MARKUP_ID, drawing, () =>
    renderToString(
      <ProcessFlowchartSvg
        layout={page.layout}
        states={page.states}
        edges={page.edges}
        labelledBy={FLOWCHART_NAME_ID}
      />,
    ),
  );
  provideMarkup(context, PROCESS_TEXT_MARKUP_ID, drawing, () =>
    renderToString(<ProcessTextVersion states={page.states} />),
  );
  return { ...page, signedIn: user !== null };
}

/** Shows the server's SVG if the zoomable version fails to load (offline, blocked script). */
class FallbackOnError extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export default function ProcessPage() {
  const { states, edges, layout, signedIn } = useLoaderData<typeof loader>();
  // The SVG is the first render on server and client alike; React Flow replaces it once hydrated.
  // The server inserts the drawing it kept for these counts (flowchart.server.ts); the browser
  // renders the same SVG from the layout, and hydrates it against that markup.
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);

  const svg = (
    <KeptMarkup id={FLOWCHART_MARKUP_ID} className="flowchart-scroll">
      <ProcessFlowchartSvg layout={layout} states={states} edges={edges} labelledBy={FLOWCHART_NAME_ID} />
    </KeptMarkup>
  );

  return (
    <>
      <h1>{processTexts.title}</h1>
      <p>{processTexts.intro}</p>
      {signedIn ? null : (
        <p>
          {processTexts.anonymousHint} <Link to="/logg-inn?redirectTo=%2Fprosess">{t.nav.login}</Link>
        </p>
      )}
      <p>
        <a href="#prosess-tekst">{processTexts.toTextVersion}</a>
      </p>

      <section aria-labelledby="flowchart-heading">
        <h2 id="flowchart-heading">{processTexts.chartHeading}</h2>
        <figure className="flowchart">
          <figcaption>
            <span id={FLOWCHART_NAME_ID} className="visually-hidden">
              {processTexts.chartLabel}
            </span>
            {processTexts.chartCaption}
          </figcaption>
          {enhanced ? (
            <FallbackOnError fallback={svg}>
              <Suspense fallback={svg}>
                <ProcessFlow layout={layout} states={states} edges={edges} labelledBy={FLOWCHART_NAME_ID} />
              </Suspense>
            </FallbackOnError>
          ) : (
            svg
          )}
        </figure>
      </section>

      <KeptMarkup id={PROCESS_TEXT_MARKUP_ID}>
        <ProcessTextVersion states={states} />
      </KeptMarkup>
    </>
  );
}
