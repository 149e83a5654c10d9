import { Link } from "@remix-run/react";
import { VotingText } from "~/components/meeting-document";
import { SelectField, TextArea } from "~/components/form";
import { meetingTexts as T } from "~/domain/texts/meetings";
import type { MeetingPageData } from "~/server/meetings/page.server";
import { DecisionForm } from "./decision-form";
import { PageForm, usePageForm, type MeetingReply } from "./page-form";

type Case = MeetingPageData["cases"][number];

function ConflictForm({ page, item, reply }: { page: MeetingPageData; item: Case; reply: MeetingReply }) {
  const key = `conflict-${item.id}`;
  const [form, fields] = usePageForm<{ userId: string; reason: string }>(key, reply);
  const nameOf = new Map(page.people.map((p) => [p.userId, p.name]));
  return (
    <details className="conflict-form" open={reply?.form === key}>
      <summary>{T.declareConflict}</summary>
      <PageForm
        form={form}
        hidden={{ intent: "conflict", version: page.version, itemId: item.id }}
        labels={{ userId: T.fields.member, reason: T.fields.reason }}
        className="stack"
      >
        <SelectField
          field={fields.userId}
          label={T.fields.member}
          options={item.conflictCandidateIds.map((userId) => ({
            value: userId,
            label: nameOf.get(userId) ?? "",
          }))}
        />
        <TextArea field={fields.reason} label={T.fields.reason} rows={2} />
        <button type="submit" className="secondary">
          {T.declareConflict}
        </button>
      </PageForm>
    </details>
  );
}

function RemoveCaseForm({ page, item, reply }: { page: MeetingPageData; item: Case; reply: MeetingReply }) {
  const [form] = usePageForm(`removeCase-${item.id}`, reply);
  return (
    <PageForm form={form} hidden={{ intent: "removeCase", version: page.version, itemId: item.id }}>
      <button type="submit" className="danger">
        {T.removeCase}
      </button>
    </PageForm>
  );
}

/** One case on the agenda: its texts, its decision, and the forms to deal with it. */
export function CaseCard({ page, item, reply }: { page: MeetingPageData; item: Case; reply: MeetingReply }) {
  const doc = page.document.cases.find((c) => c.id === item.id)!;
  const titleId = `sak-${item.id}-title`;
  return (
    <section id={`sak-${item.id}`} className="card case-card" aria-labelledby={titleId} tabIndex={-1}>
      <h3 id={titleId} style={{ marginTop: 0 }}>
        {doc.label ?? T.numberPending}: {doc.title}
      </h3>
      <div className="meta">
        <span>{T.kinds[item.kind]}</span>
        {doc.deferredFrom ? <span>{T.deferredFrom(doc.deferredFrom)}</span> : null}
        {doc.proposalId ? (
          <Link to={`/innspill/${doc.proposalId}`}>{T.proposalLink(doc.proposalId)}</Link>
        ) : null}
      </div>
      {doc.exemptBasis && !doc.redacted ? (
        <p className="notice warn">{T.exemptInternal(doc.exemptBasis)}</p>
      ) : null}
      {doc.exemptFollows ? <p className="small">{doc.exemptFollows}</p> : null}
      {doc.exemptLifted ? <p className="small">{doc.exemptLifted}</p> : null}
      {doc.presentation ? (
        <details>
          <summary>{T.fields.presentation}</summary>
          <p className="prose">{doc.presentation}</p>
        </details>
      ) : null}
      {doc.recommendation ? (
        <>
          <p className="doc-label">{T.documents.proposedDecision}</p>
          <p className="prose">{doc.recommendation}</p>
        </>
      ) : null}
      {doc.conflicts.length > 0 ? (
        <ul className="small">
          {doc.conflicts.map((c) => (
            <li key={c.name}>
              {T.conflictLine(c.name)}
              {c.reason ? ` ${c.reason}` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      {doc.decision ? (
        <div className="decision">
          <p className="doc-label">
            {T.decision}: <span className="badge outcome">{doc.decision.outcomeLabel}</span>
          </p>
          {doc.decision.text ? <p className="prose">{doc.decision.text}</p> : null}
          {doc.decision.motions ? (
            <>
              <p className="doc-label">{T.documents.motions}</p>
              <p className="prose">{doc.decision.motions}</p>
            </>
          ) : null}
          <VotingText decision={doc.decision} />
        </div>
      ) : null}
      {item.mayEdit || item.mayRemove ? (
        <div className="actions">
          {item.mayEdit ? (
            <Link className="button secondary" to={`/moter/${page.document.meetingId}/sak/${item.id}`}>
              {T.editCase}
            </Link>
          ) : null}
          {item.mayRemove ? <RemoveCaseForm page={page} item={item} reply={reply} /> : null}
        </div>
      ) : null}
      {item.mayDeclareConflict && item.conflictCandidateIds.length > 0 ? (
        <ConflictForm page={page} item={item} reply={reply} />
      ) : null}
      {item.mayDecide ? <DecisionForm page={page} item={item} reply={reply} /> : null}
    </section>
  );
}
