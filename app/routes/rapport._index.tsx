import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { t } from "~/domain/texts";
import { reportTexts as R } from "~/domain/texts/report";
import { requireUser } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { reportYears } from "~/server/report.server";

export const meta: MetaFunction = () => [{ title: `${R.indexTitle} – ${t.app.name}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const years = await reportYears(db());
  return { years: years.map((y) => ({ year: y.year, status: R.status[y.status] })) };
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
