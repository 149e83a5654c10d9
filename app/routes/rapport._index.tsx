import { thisYear } from "#workflows/dates";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { reportStatuses, yearsWithData } from "#db/repositories/report.repository";
import { t } from "~/domain/texts";
import { reportTexts as R } from "~/domain/texts/report";
import { requireUser } from "~/server/auth.server";
import { db } from "~/server/db.server";

export const meta: MetaFunction = () => [{ title: `${R.indexTitle} – ${t.app.name}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const running = thisYear();
  const [years, statuses] = await Promise.all([yearsWithData(db()), reportStatuses(db())]);
  return {
    years: years
      .filter((y) => y >= 2000 && y <= running)
      .map((year) => ({ year, status: R.status[statuses.get(year) ?? "draft"] })),
  };
}

export default function ReportIndexPage() {
  const { years } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{R.indexTitle}</h1>
      <p>{R.indexIntro}</p>
      <h2>{R.years}</h2>
      {years.length === 0 ? (
        <p>{R.noYears}</p>
      ) : (
        <ul>
          {years.map((y) => (
            <li key={y.year}>
              <Link to={`/rapport/${y.year}`}>{R.title(y.year)}</Link>{" "}
              <span className="badge">{y.status}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
