import { processTexts, proposalCount } from "~/domain/texts/process";
import type { FlowchartState } from "~/server/flowchart.server";

/** The id under which /prosess's loader keeps the text version's markup for the document (`KeptMarkup`). */
export const PROCESS_TEXT_MARKUP_ID = "process-text";

/** What the text version shows of a state: as /prosess's loader gives it. */
export type ProcessTextState = Pick<
  FlowchartState,
  "id" | "label" | "count" | "now" | "whoActs" | "href" | "ways"
>;

/**
 * The process in words, step by step: each state with its count, who acts, a link to its
 * proposals and the ways out of it. Plain links (like the chart's), no router: the server renders
 * it once per set of counts and inserts the markup (`KeptMarkup`); the browser renders the same.
 */
export function ProcessTextVersion({ states }: { states: ProcessTextState[] }) {
  return (
    <section aria-labelledby="prosess-tekst">
      <h2 id="prosess-tekst" tabIndex={-1}>
        {processTexts.textHeading}
      </h2>
      <p>{processTexts.textIntro}</p>
      <ol className="process-steps">
        {states.map((state) => (
          <li key={state.id} id={`steg-${state.id}`}>
            <h3>
              {state.label} – {proposalCount(state.count)}
            </h3>
            <p>{state.now}</p>
            <p>
              {state.whoActs ? (
                <>
                  <strong>{processTexts.whoActs}:</strong> {state.whoActs}
                </>
              ) : (
                processTexts.endState
              )}
            </p>
            <p>
              <a href={state.href}>{processTexts.showProposals(state.label)}</a>
            </p>
            {state.ways.length > 0 ? (
              <>
                <h4>{processTexts.ways}</h4>
                <ul>
                  {state.ways.map((way) => (
                    <li key={way.id}>
                      <strong>{way.label}</strong>{" "}
                      {way.selfLoop ? (
                        processTexts.selfLoop
                      ) : (
                        <>
                          {processTexts.goesTo} <a href={`#steg-${way.to}`}>{way.toLabel}</a>
                        </>
                      )}
                      {way.needs ? ` (${way.needs})` : ""}. {processTexts.decides}: {way.who}
                      {way.inMeeting ? ` (${processTexts.inMeeting})` : ""}.
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
