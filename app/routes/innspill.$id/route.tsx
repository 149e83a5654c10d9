import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { deleteDraft } from "#db/repositories/proposal.repository";
import { FollowupPanel } from "~/components/followup-panel";
import { ProcessDiagram, ProcessPathText } from "~/components/process-diagram";
import { StateBadge } from "~/components/state-badge";
import { formatDate, formatDateTime, listNb, t } from "~/domain/texts";
import { notFound, requireUser } from "~/server/auth.server";
import { applyProposalEvent } from "~/server/commands/apply-proposal-event.server";
import { db } from "~/server/db.server";
import { followupPanel } from "~/server/followup.server";
import { proposalPage } from "~/server/proposal-page.server";
import { diagramTexts } from "~/domain/texts/process";
import { proposalPageTexts, siteTexts } from "~/domain/texts/site";
import { ContactLines } from "~/components/site-text";
import { AssessmentPanel } from "./assessment-panel";
import { eventFormSchema } from "./event-form";
import { ProcessActions } from "./process-actions";
import { SupportPanel } from "~/components/support-panel";
import { Confirmation } from "~/components/confirmation";
import { proposalConfirmation } from "~/server/confirmations.server";
import { supportTexts } from "~/domain/texts/support";
import { supportProposal } from "~/server/commands/support-proposal.server";

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
  const page = await proposalPage(idFrom(params), user);
  if (!page) notFound();
  const [followup, confirmation] = await Promise.all([
    followupPanel(page.proposal.id, user),
    proposalConfirmation(new URL(request.url).searchParams.get("melding"), page.proposal),
  ]);
  return { ...page, followup, confirmation };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = idFrom(params);
  const formData = await request.formData();
  if (formData.get("intent") === "support") {
    const result = await supportProposal(db(), { proposalId: id, user });
    if (result.ok) return redirect(`/innspill/${id}?melding=stottet#melding`);
    if (result.status === 404) notFound();
    return data(
      { type: null, fieldErrors: {}, supportError: supportTexts.refusals[result.why] },
      { status: result.status },
    );
  }
  if (formData.get("intent") === "delete") {
    if (!(await deleteDraft(db(), id, user.id))) notFound();
    return redirect("/innspill?mine=1");
  }
  const parsed = eventFormSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data({ type: null, fieldErrors: { "": ["Ugyldig skjema."] } }, { status: 400 });
  const { type, version, ...payload } = parsed.data;
  const result = await applyProposalEvent(db(), {
    proposalId: id,
    expectedVersion: version,
    user,
    type,
    payload,
  });
  if (result.ok) return redirect(`/innspill/${id}?melding=${type}#melding`);
  if (result.status === 400) return data({ type, fieldErrors: result.fieldErrors }, { status: 400 });
  if (result.status === 409) return data({ type, fieldErrors: { "": [t.errors.conflict] } }, { status: 409 });
  throw new Response(null, { status: result.status });
}

export default function ProposalPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
      <Confirmation message={page.confirmation} />
      <p className="small muted">
        <Link to="/innspill">← {t.proposal.listTitle}</Link>
      </p>
      <h1>{p.title}</h1>
      <div className="meta" style={{ marginBottom: "1rem" }}>
        <StateBadge state={p.state} label={page.stateLabel} />
        <span>Innspill #{p.id}</span>
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
                {t.proposal.edit} og send inn
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
          Dette innspillet er slått sammen med{" "}
          <Link to={`/innspill/${p.mergedIntoId}`}>innspill #{p.mergedIntoId}</Link>, som behandles videre.
        </p>
      ) : null}
      <div className="two-col">
        <div>
          <section className="card" aria-labelledby="status-heading">
            <h2 id="status-heading" style={{ marginTop: 0 }}>
              Hvor står innspillet?
            </h2>
            <p>
              <strong>{page.stateLabel}.</strong> {page.now}
            </p>
            {page.stateReason ? (
              <p className="state-reason">
                <strong>{proposalPageTexts.reason}:</strong> {page.stateReason}
              </p>
            ) : null}
            {page.customerService ? (
              <div className="notice">
                <p>{siteTexts.customerService.redirected}</p>
                <ContactLines body={page.customerService} />
              </div>
            ) : null}
            {!page.isFinal ? <p className="muted">Neste steg: {page.whoActs}.</p> : null}
            <ProcessPathText {...page.diagram} />
            {/* Closed by default: at a phone's width the drawing's text would be too small to read. */}
            <details className="process-diagram-details">
              <summary>{diagramTexts.show}</summary>
              <ProcessDiagram {...page.diagram} />
            </details>
            <ProcessActions page={page} actionData={actionData} />
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
              Historikk
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
                        {h.protocolItem.label}
                      </Link>{" "}
                      ({h.protocolItem.bodyName})
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
              error={actionData && "supportError" in actionData ? actionData.supportError : null}
            />
          ) : null}
          <section className="card" aria-labelledby="facts-heading">
            <h2 id="facts-heading" style={{ marginTop: 0 }}>
              Fakta
            </h2>
            <dl className="facts">
              <dt>Kommuner</dt>
              <dd>{page.municipalities.length ? listNb(page.municipalities.map((m) => m.name)) : "–"}</dd>
              <dt>{t.proposal.group}</dt>
              <dd>{p.groupName ?? "Ikke fordelt"}</dd>
              {p.suggestedGroupName ? (
                <>
                  <dt>Foreslått</dt>
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
                    <span className="small muted">({Math.max(1, Math.round(a.size / 1024))} kB)</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {page.merged.length > 0 ? (
            <section className="card" aria-labelledby="merged-heading">
              <h2 id="merged-heading" style={{ marginTop: 0 }}>
                Sammenslåtte innspill
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
