import { thisYear } from "#workflows/dates";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { BarChart } from "~/components/bar-chart";
import { t } from "~/domain/texts";
import { statisticsTexts as T } from "~/domain/texts/report";
import { requireUser } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { statistics, statisticsYears } from "~/server/statistics.server";

export const meta: MetaFunction = () => [{ title: `${T.title} – ${t.app.name}` }];

const decimal = (n: number) => String(n).replace(".", ",");

/**
 * The year shown: ?aar=2021, "alle" for every year; by default the latest year with
 * submissions (an unknown value falls back to it too).
 */
function chosenYear(param: string | null, years: number[]): number | undefined {
  if (param === "alle") return undefined;
  const asked = Number(param);
  if (param && years.includes(asked)) return asked;
  return years[0] ?? thisYear();
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const years = await statisticsYears(db());
  const year = chosenYear(new URL(request.url).searchParams.get("aar"), years);
  return { years, year: year ?? null, stats: await statistics(db(), year) };
}

/** A chart and its numbers side by side; both describe the same data. */
function ChartSection({
  id,
  heading,
  chart,
  caption,
  head,
  rows,
  note,
}: {
  id: string;
  heading: string;
  chart: ReactNode;
  caption: string;
  head: string[];
  rows: (string | number)[][];
  note?: string;
}) {
  return (
    <section className="card chart-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} style={{ marginTop: 0 }}>
        {heading}
      </h2>
      {note ? <p className="small muted">{note}</p> : null}
      {rows.length === 0 ? (
        <p>{T.none}</p>
      ) : (
        <div className={head.length > 2 ? "chart-over-table" : "chart-with-table"}>
          <div className="chart-wrap">{chart}</div>
          <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {head.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={i}>
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
        </div>
      )}
    </section>
  );
}

const describe = (caption: string, items: { label: string; value: string | number }[]) =>
  T.chartDesc(caption, items.map((i) => `${i.label}: ${i.value}`).join(", "));

export default function StatisticsPage() {
  const { years, year, stats } = useLoaderData<typeof loader>();
  const perPeriodTitle = year === null ? T.perYear : T.perMonth(year);
  const all = stats.perPeriod.every((p) => p.value === 0) ? [] : stats.perPeriod;
  return (
    <>
      <h1>{T.title}</h1>
      <p>{T.intro}</p>
      <Form method="get" className="card filters">
        <div className="field">
          <label htmlFor="aar">{T.yearFilter}</label>
          <select id="aar" name="aar" defaultValue={year === null ? "alle" : String(year)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
            <option value="alle">{T.allYears}</option>
          </select>
        </div>
        <button type="submit" className="secondary">
          {T.show}
        </button>
      </Form>

      <ChartSection
        id="per-period"
        heading={perPeriodTitle}
        caption={perPeriodTitle}
        head={[year === null ? T.year : T.month, T.count]}
        rows={all.map((p) => [p.name, p.value])}
        chart={
          <BarChart
            orientation="vertical"
            title={perPeriodTitle}
            description={describe(
              perPeriodTitle,
              all.map((p) => ({ label: p.name, value: p.value })),
            )}
            bars={all.map((p) => ({ label: p.label, value: p.value }))}
          />
        }
      />
      <ChartSection
        id="by-state"
        heading={T.byState}
        caption={T.byState}
        head={[T.state, T.count]}
        rows={stats.byState.map((s) => [s.label, s.value])}
        chart={
          <BarChart title={T.byState} description={describe(T.byState, stats.byState)} bars={stats.byState} />
        }
      />
      <ChartSection
        id="by-municipality"
        heading={T.byMunicipality}
        caption={T.byMunicipality}
        head={[T.municipality, T.count]}
        rows={stats.byMunicipality.map((s) => [s.label, s.value])}
        chart={
          <BarChart
            title={T.byMunicipality}
            description={describe(T.byMunicipality, stats.byMunicipality)}
            bars={stats.byMunicipality}
          />
        }
      />
      <ChartSection
        id="by-group"
        heading={T.byGroup}
        caption={T.byGroup}
        head={[T.group, T.count]}
        rows={stats.byGroup.map((s) => [s.label, s.value])}
        chart={
          <BarChart title={T.byGroup} description={describe(T.byGroup, stats.byGroup)} bars={stats.byGroup} />
        }
      />
      <ChartSection
        id="time-in-state"
        heading={T.timeInState}
        note={T.timeInStateNote}
        caption={T.timeInState}
        head={[T.state, T.averageDays, T.medianDays, T.periods]}
        rows={stats.timeInState.map((s) => [s.label, decimal(s.average), decimal(s.median), s.periods])}
        chart={
          <BarChart
            title={`${T.timeInState} (${T.averageDays.toLowerCase()})`}
            description={describe(
              T.timeInState,
              stats.timeInState.map((s) => ({ label: s.label, value: `${decimal(s.average)} dager` })),
            )}
            bars={stats.timeInState.map((s) => ({
              label: s.label,
              value: s.average,
              valueLabel: `${decimal(s.average)} d`,
            }))}
          />
        }
      />
    </>
  );
}
