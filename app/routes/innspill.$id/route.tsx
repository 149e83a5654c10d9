import { parseWithZod } from "@conform-to/zod/v4";
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FollowupPanel } from "~/components/followup-panel";
import { Confirmation } from "~/components/confirmation";
import { ProcessDiagram, ProcessPathText } from "~/components/process-diagram";
import { ContactLines } from "~/components/site-text";
import { SupportPanel } from "~/components/support-panel";
import { proposalPageTexts as S, siteTexts } from "~/domain/texts/site";
import { supportProposal } from "~/server/commands/support-proposal.server";
import { setFollowing } from "~/server/commands/notification-center.server";
import { FollowPanel } from "~/components/follow-panel";
import { followSchema } from "~/domain/notification.schema";
import { proposalConfirmation } from "~/server/confirmations.server";
import { StateBadge } from "~/components/state-badge";
import { formatDate, formatDateTime, listNb, t } from "~/domain/texts";
import { notFound, requireUser } from "~/server/auth.server";
import { applyProposalEvent } from "~/server/commands/apply-proposal-event.server";
import { deleteDraftProposal } from "~/server/commands/delete-draft.server";
import { db } from "~/server/db.server";
import { confirmationNeeded, type IrreversibleStep } from "~/server/confirmation.server";
import { ConfirmStep } from "~/components/confirm-step";
import { proposalPage } from "~/server/proposal-page.server";
import { invalid, replyTo } from "~/server/reply.server";
import { proposalPageTexts as P } from "~/domain/texts/proposal-page";
import { AssessmentPanel } from "./assessment-panel";
import { deleteDraftSchema, eventFormSchema, supportSchema } from "./event-form";
import { eventFormId, ProcessActions } from "./process-actions";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.proposal.title} – ${t.app.name}` : `${t.errors.notFoundTitle} – ${t.app.name}` },
];

function idFrom(params: { id?: string }): number {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const page = await proposalPage(idFrom(params), user, {
    diagram: url.searchParams.get("prosess") === "vis",
  });
  if (!page) notFound();
  const confirmation = await proposalConfirmation(url.searchParams.get("melding"), page.proposal);
  return { ...page, confirmation };
}

const closingSteps: Record<string, IrreversibleStep | undefined> = {
  GROUP_REJECT: "reject",
  REDIRECT: "redirect",
  MERGE: "merge",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = idFrom(params);
  const formData = await request.formData();
  if (formData.get("intent") === "support") {
    const submission = parseWithZod(formData, { schema: supportSchema });
    if (submission.status !== "success") return invalid(submission, { form: "support" });
    const result = await supportProposal(db(), { proposalId: id, user });
    return replyTo(result, submission, () => redirect(`/innspill/${id}?melding=stottet#melding`), {
      form: "support",
    });
  }
  if (formData.get("intent") === "follow" || formData.get("intent") === "unfollow") {
    const submission = parseWithZod(formData, { schema: followSchema });
    if (submission.status !== "success") return invalid(submission, { form: "follow" });
    const follow = submission.value.intent === "follow";
    const result = await setFollowing(db(), { proposalId: id, user, follow });
    return replyTo(
      result,
      submission,
      () => redirect(`/innspill/${id}?melding=${follow ? "folger" : "folger-ikke"}#melding`),
      { form: "follow" },
    );
  }
  if (formData.get("intent") === "delete") {
    const submission = parseWithZod(formData, { schema: deleteDraftSchema });
    if (submission.status !== "success") return invalid(submission, { form: "delete" });
    const result = await deleteDraftProposal(db(), { proposalId: id, user });
    return replyTo(result, submission, () => redirect("/innspill?mine=1"), { form: "delete" });
  }
  // Closing a proposal for good is confirmed first, with its consequence in one sentence.
  const step = closingSteps[String(formData.get("type") ?? "")];
  const unconfirmed = step ? confirmationNeeded(formData, step) : null;
  if (unconfirmed) return unconfirmed;
  const form = eventFormId(String(formData.get("type") ?? ""));
  const submission = parseWithZod(formData, { schema: eventFormSchema });
  if (submission.status !== "success") return invalid(submission, { form });
  const { type, version, intent: _intent, ...payload } = submission.value;
  const result = await applyProposalEvent(db(), {
    proposalId: id,
    expectedVersion: version,
    user,
    type,
    payload,
  });
  return replyTo(result, submission, () => redirect(`/innspill/${id}?melding=${type}#melding`), { form });
}

/** The first message of a reply's errors (a small form's refusal, shown beside its button). */
function firstMessage(error: Record<string, unknown> | null | undefined): string | null {
  return (
    Object.values(error ?? {})
      .flat()
      .find((message): message is string => typeof message === "string") ?? null
  );
}

export default function ProposalPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const confirm = answer && "confirm" in answer ? answer.confirm : null;
  const actionData = answer && !("confirm" in answer) ? answer : undefined;
  const p = page.proposal;
  const sections = [
    [t.proposal.fields.background, p.background],
    [t.proposal.fields.problem, p.problem],
    [t.proposal.fields.solution, p.solution],
    [t.proposal.fields.benefits, p.benefits],
    [t.proposal.fields.affected, p.affected],
    [t.proposal.fields.resources, p.resources],
  ] as const;
  return (
    <>
      {confirm ? <ConfirmStep consequence={confirm.consequence} values={confirm.values} /> : null}
      <Confirmation message={page.confirmation} />
      <p className="small muted">
        <Link to="/innspill">← {t.proposal.listTitle}</Link>
      </p>
      <h1>{p.title}</h1>
      <div className="meta" style={{ marginBottom: "1rem" }}>
        <StateBadge state={p.state} label={page.stateLabel} />
        <span>{P.number(p.id)}</span>
        <span>
          {t.proposal.submittedBy} {p.authorName}
        </span>
        {p.submittedAt ? (
          <span>
            {t.proposal.submittedAt} {formatDate(p.submittedAt)}
          </span>
        ) : null}
      </div>
      {p.state === "draft" ? (
        <div className="notice warn">
          <p>{t.proposal.draftOnlyYou}</p>
          {p.isAuthor ? (
            <div className="actions">
              <Link className="button" to={`/innspill/${p.id}/rediger`}>
                {P.editAndSubmit}
              </Link>
              <form method="post">
                <input type="hidden" name="intent" value="delete" />
                <button type="submit" className="danger">
                  {t.proposal.delete}
                </button>
              </form>
            </div>
          ) : null}
        </div>
      ) : null}
      {p.mergedIntoId ? (
        <p className="notice">
          {P.mergedInto} <Link to={`/innspill/${p.mergedIntoId}`}>{P.mergedTarget(p.mergedIntoId)}</Link>
          {P.mergedContinues}
        </p>
      ) : null}
      <div className="two-col">
        <div>
          <section className="card" aria-labelledby="status-heading">
            <h2 id="status-heading" style={{ marginTop: 0 }}>
              {P.whereHeading}
            </h2>
            <p>
              <strong>{page.stateLabel}.</strong> {page.now}
            </p>
            {page.stateReason ? (
              <p className="state-reason">
                <strong>{S.reason}:</strong> {page.stateReason}
              </p>
            ) : null}
            {page.customerService ? (
              <div className="notice">
                <p>{siteTexts.customerService.redirected}</p>
                <ContactLines body={page.customerService} />
              </div>
            ) : null}
            {!page.isFinal ? <p className="muted">{P.nextStep(page.whoActs)}</p> : null}
            <ProcessPathText place={page.place} />
            {/* Not drawn by default (a plain link asks for it): at a phone's width the drawing's text
                would be too small to read, and it was a third of every view's HTML. */}
            {page.diagram ? (
              <details className="process-diagram-details" id="prosessdiagram" open>
                <summary>{P.showInProcess}</summary>
                <ProcessDiagram {...page.diagram} />
              </details>
            ) : (
              <p className="process-diagram-link">
                <Link to={{ search: "?prosess=vis", hash: "#prosessdiagram" }} preventScrollReset>
                  {P.showInProcess}
                </Link>
              </p>
            )}
            <ProcessActions
              page={page}
              reply={actionData?.form === "support" || actionData?.form === "follow" ? undefined : actionData}
            />
          </section>
          {sections.map(([label, text]) =>
            text ? (
              <section key={label} className="card">
                <h2 style={{ marginTop: 0 }}>{label}</h2>
                <p className="prose">{text}</p>
              </section>
            ) : null,
          )}
          <AssessmentPanel page={page} />
          <FollowupPanel followup={page.followup} />
          <section className="card" aria-labelledby="history-heading">
            <h2 id="history-heading" style={{ marginTop: 0 }}>
              {P.historyHeading}
            </h2>
            <ol className="timeline">
              {page.history.map((h) => (
                <li key={h.id}>
                  <strong>{h.eventLabel}</strong> – {h.toLabel}
                  <div className="small muted">
                    {formatDateTime(h.at)} · {h.actorName}
                    {h.groupName && (h.event === "ASSIGN" || h.event === "MOVE_GROUP")
                      ? ` · ${h.groupName}`
                      : ""}
                  </div>
                  {h.protocolItem ? (
                    <div className="small">
                      <Link to={`/moter/${h.protocolItem.meetingId}#sak-${h.protocolItem.id}`}>
                        {h.protocolItem.reference}
                      </Link>
                      {h.recordedBy ? ` · ${h.recordedBy}` : ""}
                    </div>
                  ) : null}
                  {h.reason ? <p className="prose small">{h.reason}</p> : null}
                </li>
              ))}
            </ol>
          </section>
        </div>
        <aside>
          {p.state !== "draft" ? (
            <SupportPanel
              {...page.support}
              error={actionData?.form === "support" ? firstMessage(actionData.result.error) : null}
            />
          ) : null}
          {page.follow ? (
            <FollowPanel
              following={page.follow.following}
              error={actionData?.form === "follow" ? firstMessage(actionData.result.error) : null}
            />
          ) : null}
          <section className="card" aria-labelledby="facts-heading">
            <h2 id="facts-heading" style={{ marginTop: 0 }}>
              {P.factsHeading}
            </h2>
            <dl className="facts">
              <dt>{P.municipalities}</dt>
              <dd>{page.municipalities.length ? listNb(page.municipalities.map((m) => m.name)) : "–"}</dd>
              <dt>{t.proposal.group}</dt>
              <dd>{p.groupName ?? P.notAssigned}</dd>
              {p.suggestedGroupName ? (
                <>
                  <dt>{P.suggested}</dt>
                  <dd>{p.suggestedGroupName}</dd>
                </>
              ) : null}
              <dt>{t.proposal.createdAt}</dt>
              <dd>{formatDate(p.createdAt)}</dd>
            </dl>
          </section>
          <section className="card" aria-labelledby="attachments-heading">
            <h2 id="attachments-heading" style={{ marginTop: 0 }}>
              {t.proposal.fields.attachments}
            </h2>
            {page.attachments.length === 0 ? (
              <p className="muted">{t.proposal.noAttachments}</p>
            ) : (
              <ul>
                {page.attachments.map((a) => (
                  <li key={a.id}>
                    <a href={`/innspill/${p.id}/vedlegg/${a.id}`}>{a.fileName}</a>{" "}
                    <span className="small muted">{P.size(Math.max(1, Math.round(a.size / 1024)))}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {page.merged.length > 0 ? (
            <section className="card" aria-labelledby="merged-heading">
              <h2 id="merged-heading" style={{ marginTop: 0 }}>
                {P.mergedHeading}
              </h2>
              <ul>
                {page.merged.map((m) => (
                  <li key={m.id}>
                    <Link to={`/innspill/${m.id}`}>{m.title}</Link>
                    <div className="small muted">
                      {m.author_name}
                      {m.municipalities.length ? ` · ${listNb(m.municipalities.map((x) => x.name))}` : ""}
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {page.similar.length > 0 ? (
            <section className="card" aria-labelledby="similar-heading">
              <h2 id="similar-heading" style={{ marginTop: 0 }}>
                {t.proposal.similar}
              </h2>
              <ul>
                {page.similar.map((s) => (
                  <li key={s.id}>
                    <Link to={`/innspill/${s.id}`}>{s.title}</Link>{" "}
                    <span className="small muted">
                      (#{s.id}, {s.stateLabel})
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>
    </>
  );
}
