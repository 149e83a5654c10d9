import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { reportYear } from "#workflows/report";
import { ErrorSummary } from "~/components/form";
import { ReportDocument } from "~/components/report-document";
import { parseReportPageQuery, reportPageBlocks } from "~/domain/report-page";
import { formatDate, t } from "~/domain/texts";
import { reportTexts as R } from "~/domain/texts/report";
import { forbidden, notFound, requireUser } from "~/server/auth.server";
import { mayFinaliseReports } from "#workflows/policy";
import { markReportFinalCommand } from "~/server/commands/mark-report-final.server";
import { db } from "~/server/db.server";
import { invalid, replyTo } from "~/server/reply.server";
import { yearReport } from "~/server/report.server";
import { ConfirmStep } from "~/components/confirm-step";
import { recordTexts } from "~/domain/texts/records";
import { approveReport, reportApprovalView } from "~/server/commands/approve-report.server";
import { confirmationNeeded } from "~/server/confirmation.server";

const A = recordTexts.reportApproval;

const approveSchema = z.strictObject(
  { intent: z.literal("approve", { error: R.unknownForm }) },
  { error: R.unknownForm },
);

const markFinalSchema = z.strictObject(
  { intent: z.literal("markFinal", { error: R.unknownForm }) },
  { error: R.unknownForm },
);

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
  const [report, approval] = await Promise.all([
    yearReport(db(), year, new Date(), { basisData: false }),
    reportApprovalView(db(), year, user),
  ]);
  return {
    approvals: approval.lines,
    approveFor: report.status === "final" ? approval.approveFor : null,
    year,
    title: report.status === "final" ? R.finalTitle(year) : report.model.title,
    status: report.status,
    notice:
      report.status === "final"
        ? R.finalNotice(formatDate(report.finalisedAt))
        : R.draftNotice(formatDate(report.model.generatedAt)),
    live: report.live,
    // Bounded: a national year's long fields show their first entries (links to the rest).
    blocks: reportPageBlocks(report.model.blocks, parseReportPageQuery(new URL(request.url))),
    canFinalise: report.status === "draft" && mayFinaliseReports(user),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const year = yearFrom(params);
  const formData = await request.formData();
  if (formData.get("intent") === "approve") {
    // A municipality's approval cannot be taken back: confirmed first.
    const unconfirmed = confirmationNeeded(formData, "approveReport");
    if (unconfirmed) return unconfirmed;
    const approval = parseWithZod(formData, { schema: approveSchema });
    if (approval.status !== "success") return invalid(approval);
    return replyTo(await approveReport(db(), { year, user }), approval, () =>
      redirect(`/rapport/${year}?melding=godkjent#godkjenning`),
    );
  }
  if (!mayFinaliseReports(user)) forbidden();
  if (formData.get("intent") === "markFinal") {
    const unconfirmed = confirmationNeeded(formData, "markFinal");
    if (unconfirmed) return unconfirmed;
  }
  const submission = parseWithZod(formData, { schema: markFinalSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await markReportFinalCommand(db(), { year, user });
  return replyTo(result, submission, () => redirect(`/rapport/${year}?melding=endelig`));
}

export default function ReportPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const confirm = answer && "confirm" in answer ? answer.confirm : null;
  const lastResult = answer && !("confirm" in answer) ? answer : undefined;
  const [form] = useForm({ id: "mark-final", lastResult, shouldValidate: "onSubmit" });
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
      {confirm ? <ConfirmStep consequence={confirm.consequence} values={confirm.values} /> : null}
      {/* Outside the form: a refusal shows also when the form is no longer offered (already final). */}
      <ErrorSummary form={form} labels={{}} compact />
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
        <Form method="post" {...getFormProps(form)} className="card no-print">
          <p>{R.markFinalIntro}</p>
          <input type="hidden" name="intent" value="markFinal" />
          <button type="submit" className="primary">
            {R.markFinal}
          </button>
        </Form>
      ) : null}
      <article className="card" aria-label={R.documentLabel}>
        <ReportDocument blocks={page.blocks} path={`/rapport/${page.year}`} />
      </article>
      <section className="card" aria-labelledby="godkjenning" id="godkjenning">
        <h2 id="godkjenning" style={{ marginTop: 0 }}>
          {A.heading}
        </h2>
        <p>{page.status === "final" ? A.intro : A.pendingIntro}</p>
        <ul>
          {page.approvals.map((a) => (
            <li key={a.municipality}>{a.text}</li>
          ))}
        </ul>
        {page.approveFor ? (
          <Form method="post" className="no-print">
            <input type="hidden" name="intent" value="approve" />
            <button type="submit" className="primary">
              {A.approve(page.approveFor)}
            </button>
          </Form>
        ) : null}
      </section>
    </>
  );
}
