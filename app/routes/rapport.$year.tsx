import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { reportYear } from "#workflows/report";
import { ReportDocument } from "~/components/report-document";
import { formatDate, t } from "~/domain/texts";
import { reportTexts as R } from "~/domain/texts/report";
import { forbidden, notFound, requireUser } from "~/server/auth.server";
import { mayFinaliseReports } from "#workflows/policy";
import { markReportFinalCommand } from "~/server/commands/mark-report-final.server";
import { db } from "~/server/db.server";
import { yearReport } from "~/server/report.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? data.title : t.errors.notFoundTitle} – ${t.app.name}` },
];

function yearFrom(params: { year?: string }): number {
  const year = reportYear(params.year);
  if (year === null) notFound();
  return year;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const year = yearFrom(params);
  const report = await yearReport(db(), year);
  return {
    year,
    title: report.status === "final" ? R.finalTitle(year) : report.model.title,
    status: report.status,
    notice:
      report.status === "final"
        ? R.finalNotice(formatDate(report.finalisedAt))
        : R.draftNotice(formatDate(report.model.generatedAt)),
    live: report.live,
    blocks: report.model.blocks,
    canFinalise: report.status === "draft" && mayFinaliseReports(user),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const year = yearFrom(params);
  if (!mayFinaliseReports(user)) forbidden();
  const form = await request.formData();
  if (form.get("intent") !== "markFinal") return data({ message: null as string | null }, { status: 400 });
  const result = await markReportFinalCommand(db(), { year, user });
  if (result.ok) return redirect(`/rapport/${year}?melding=endelig`);
  if (result.status === 403) forbidden();
  return data({ message: result.message as string | null }, { status: result.status });
}

export default function ReportPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [params] = useSearchParams();
  const base = `/rapport/${page.year}/last-ned`;
  return (
    <>
      <p className="small muted">
        <Link to="/rapport">← {R.indexTitle}</Link>
      </p>
      {params.get("melding") === "endelig" ? (
        <p className="notice ok" role="status">
          {R.markedFinal}
        </p>
      ) : null}
      {answer?.message ? (
        <p className="notice error" role="alert">
          {answer.message}
        </p>
      ) : null}
      <h1>{page.title}</h1>
      <p className="meta">
        <span className="badge">{R.status[page.status]}</span>
      </p>
      <p className={page.status === "final" ? "notice ok" : "notice"}>{page.notice}</p>
      {page.live ? <p className="notice warn">{R.liveFallback}</p> : null}
      <nav aria-label={R.downloads} className="actions no-print">
        <span>{R.downloads}:</span>
        <a className="button secondary" href={`${base}/docx`} download>
          {R.docx}
        </a>
        <a className="button secondary" href={`${base}/md`} download>
          {R.markdown}
        </a>
        <a className="button secondary" href={`${base}/csv`} download>
          {R.csv}
        </a>
      </nav>
      {page.canFinalise ? (
        <Form method="post" className="card no-print">
          <p>{R.markFinalIntro}</p>
          <input type="hidden" name="intent" value="markFinal" />
          <button type="submit" className="primary">
            {R.markFinal}
          </button>
        </Form>
      ) : null}
      <article className="card" aria-label={R.documentLabel}>
        <ReportDocument blocks={page.blocks} />
      </article>
    </>
  );
}
