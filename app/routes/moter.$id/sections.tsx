import { Form, Link } from "@remix-run/react";
import { VotingText } from "~/components/meeting-document";
import { meetingTexts as T } from "~/domain/texts/meetings";
import type { MeetingPageData } from "~/server/meetings.server";

/** What the action answered, for the form it belongs to. */
export interface Reply {
  key: string;
  fieldErrors: Record<string, string[]>;
  values?: Record<string, string>;
}

type Case = MeetingPageData["cases"][number];

const mine = (reply: Reply | undefined, key: string) => (reply?.key === key ? reply : undefined);

/** The errors of one form, each linking to its field; announced when it appears. */
export function FormErrors({ reply, formKey }: { reply: Reply | undefined; formKey: string }) {
  const r = mine(reply, formKey);
  if (!r) return null;
  const entries = Object.entries(r.fieldErrors).filter(([, m]) => m.length > 0);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert">
      <p className="error-summary-title">{T.formErrors}</p>
      <ul>
        {entries.flatMap(([field, messages]) =>
          messages.map((m) => (
            <li key={`${field}-${m}`}>{field ? <a href={`#${formKey}-${field}`}>{m}</a> : m}</li>
          )),
        )}
      </ul>
    </div>
  );
}

function fieldErrorOf(reply: Reply | undefined, key: string, field: string) {
  return mine(reply, key)?.fieldErrors[field]?.[0];
}

function Hidden({ intent, version, itemId }: { intent: string; version: number; itemId?: number }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      {itemId !== undefined ? <input type="hidden" name="itemId" value={itemId} /> : null}
    </>
  );
}

/** The status changes the organiser may make now. */
export function MeetingActions({ page, reply }: { page: MeetingPageData; reply: Reply | undefined }) {
  const a = page.actions;
  const id = page.document.meetingId;
  const cancelError = fieldErrorOf(reply, "cancel", "reason");
  return (
    <div className="actions">
      {a.edit ? (
        <Link className="button secondary" to={`/moter/${id}/rediger`}>
          Endre tid og sted
        </Link>
      ) : null}
      {a.publishNotice || a.publishNoticeBlocked ? (
        <Form method="post">
          <Hidden intent="publishNotice" version={page.version} />
          <button type="submit" className="primary" aria-describedby="publish-hint">
            {T.publishNotice}
          </button>
          <p id="publish-hint" className="small muted">
            {a.publishNoticeBlocked ? T.errors.noCases : T.publishNoticeHint}
          </p>
        </Form>
      ) : null}
      {a.approveProtocol || a.approveProtocolBlocked ? (
        <Form method="post">
          <Hidden intent="approveProtocol" version={page.version} />
          <button type="submit" className="primary" aria-describedby="approve-hint">
            {T.approveProtocol}
          </button>
          <p id="approve-hint" className="small muted">
            {a.approveProtocolBlocked ? T.errors.undecided : T.approveHint}
          </p>
        </Form>
      ) : null}
      {a.publishProtocol ? (
        <Form method="post">
          <Hidden intent="publishProtocol" version={page.version} />
          <button type="submit" className="primary">
            {T.publishProtocol}
          </button>
        </Form>
      ) : null}
      {a.cancel ? (
        <details className="cancel-meeting" open={mine(reply, "cancel") !== undefined}>
          <summary>{T.cancel}</summary>
          <Form method="post" className="stack">
            <FormErrors reply={reply} formKey="cancel" />
            <Hidden intent="cancel" version={page.version} />
            <div className="field" data-invalid={cancelError ? "true" : undefined}>
              <label htmlFor="cancel-reason">{T.fields.cancelReason}</label>
              {cancelError ? (
                <span className="field-error" id="cancel-reason-error">
                  {cancelError}
                </span>
              ) : null}
              <textarea
                id="cancel-reason"
                name="reason"
                rows={2}
                aria-invalid={cancelError ? true : undefined}
                aria-describedby={cancelError ? "cancel-reason-error" : undefined}
              />
            </div>
            <button type="submit" className="danger">
              {T.cancel}
            </button>
          </Form>
        </details>
      ) : null}
    </div>
  );
}

function TextBox({
  id,
  name,
  label,
  hint,
  error,
  defaultValue,
  rows = 4,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  rows?: number;
}) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field" data-invalid={error ? "true" : undefined}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
      />
    </div>
  );
}

function DecisionForm({
  page,
  item,
  reply,
}: {
  page: MeetingPageData;
  item: Case;
  reply: Reply | undefined;
}) {
  const key = `decision-${item.id}`;
  const doc = page.document.cases.find((c) => c.id === item.id)!;
  const values = mine(reply, key)?.values;
  const err = (field: string) => fieldErrorOf(reply, key, field);
  const votesError = mine(reply, key)?.fieldErrors.votes;
  return (
    <Form method="post" className="decision-form" aria-labelledby={`${key}-title`}>
      <h4 id={`${key}-title`}>{T.recordDecision}</h4>
      <FormErrors reply={reply} formKey={key} />
      <Hidden intent="decision" version={page.version} itemId={item.id} />
      {item.proposalVersion !== null ? (
        <input type="hidden" name="proposalVersion" value={item.proposalVersion} />
      ) : null}
      <div className="field" data-invalid={err("outcome") ? "true" : undefined}>
        <label htmlFor={`${key}-outcome`}>{T.fields.outcome}</label>
        {err("outcome") ? (
          <span className="field-error" id={`${key}-outcome-error`}>
            {err("outcome")}
          </span>
        ) : null}
        <select
          id={`${key}-outcome`}
          name="outcome"
          defaultValue={values?.outcome ?? item.outcomes[0]?.value}
          aria-invalid={err("outcome") ? true : undefined}
          aria-describedby={err("outcome") ? `${key}-outcome-error` : undefined}
        >
          {item.outcomes.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <TextBox
        id={`${key}-text`}
        name="text"
        label={T.fields.decisionText}
        error={err("text")}
        defaultValue={values?.text ?? (doc.redacted ? "" : doc.recommendation)}
      />
      <TextBox
        id={`${key}-motions`}
        name="motions"
        label={T.fields.motions}
        hint={T.hints.motions}
        error={err("motions")}
        defaultValue={values?.motions}
        rows={2}
      />
      <fieldset
        className="votes"
        id={`${key}-votes`}
        tabIndex={-1}
        aria-describedby={`${key}-votes-hint${votesError ? ` ${key}-votes-error` : ""}`}
      >
        <legend>{T.votes}</legend>
        <span className="hint" id={`${key}-votes-hint`}>
          {T.hints.vote}
        </span>
        {votesError ? (
          <span className="field-error" id={`${key}-votes-error`}>
            {votesError.join(" ")}
          </span>
        ) : null}
        {!item.quorate ? <p className="notice warn">{T.errors.noQuorum}</p> : null}
        {item.voters.map((v) => (
          <fieldset key={v.userId} className="vote-row">
            <legend>
              {v.name}
              {v.weight !== 1 ? (
                <span className="muted"> (vekt {String(v.weight).replace(".", ",")})</span>
              ) : null}
            </legend>
            {(
              [
                ["for", T.voteFor],
                ["against", T.voteAgainst],
                ["abstain", T.voteAbstain],
                ["", T.notVoting],
              ] as const
            ).map(([value, label]) => (
              <label key={value}>
                <input
                  type="radio"
                  name={`vote-${v.userId}`}
                  value={value}
                  defaultChecked={(values?.[`vote-${v.userId}`] ?? "") === value}
                />
                {label}
              </label>
            ))}
          </fieldset>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" name="mode" value="votes" className="primary">
          {T.recordDecision}
        </button>
        <button type="submit" name="mode" value="unanimous" className="secondary">
          {T.unanimousButton}
        </button>
      </div>
    </Form>
  );
}

function ConflictForm({
  page,
  item,
  reply,
}: {
  page: MeetingPageData;
  item: Case;
  reply: Reply | undefined;
}) {
  const key = `conflict-${item.id}`;
  if (item.conflictCandidates.length === 0) return null;
  return (
    <details className="conflict-form" open={mine(reply, key) !== undefined}>
      <summary>{T.declareConflict}</summary>
      <Form method="post" className="stack">
        <FormErrors reply={reply} formKey={key} />
        <Hidden intent="conflict" version={page.version} itemId={item.id} />
        <div className="field">
          <label htmlFor={`${key}-userId`}>{T.fields.member}</label>
          <select id={`${key}-userId`} name="userId">
            {item.conflictCandidates.map((c) => (
              <option key={c.userId} value={c.userId}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <TextBox id={`${key}-reason`} name="reason" label={T.fields.reason} rows={2} />
        <button type="submit" className="secondary">
          {T.declareConflict}
        </button>
      </Form>
    </details>
  );
}

/** One case on the agenda: its texts, its decision, and the forms to deal with it. */
export function CaseCard({
  page,
  item,
  reply,
}: {
  page: MeetingPageData;
  item: Case;
  reply: Reply | undefined;
}) {
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
        {doc.proposalId ? <Link to={`/innspill/${doc.proposalId}`}>Innspill #{doc.proposalId}</Link> : null}
      </div>
      {doc.exemptBasis && !doc.redacted ? (
        <p className="notice warn">{T.exemptInternal(doc.exemptBasis)}</p>
      ) : null}
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
      <FormErrors reply={reply} formKey={`removeCase-${item.id}`} />
      {item.mayEdit || item.mayRemove ? (
        <div className="actions">
          {item.mayEdit ? (
            <Link className="button secondary" to={`/moter/${page.document.meetingId}/sak/${item.id}`}>
              {T.editCase}
            </Link>
          ) : null}
          {item.mayRemove ? (
            <Form method="post">
              <Hidden intent="removeCase" version={page.version} itemId={item.id} />
              <button type="submit" className="danger">
                {T.removeCase}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
      {item.mayDeclareConflict ? <ConflictForm page={page} item={item} reply={reply} /> : null}
      {item.mayDecide ? <DecisionForm page={page} item={item} reply={reply} /> : null}
    </section>
  );
}

/** Putting a waiting proposal, a deferred case or another case on the agenda. */
export function AddCaseForms({ page, reply }: { page: MeetingPageData; reply: Reply | undefined }) {
  const key = "addCase";
  const r = mine(reply, key);
  const kind = r?.values?.kind;
  const err = (field: string) => (r ? r.fieldErrors[field]?.[0] : undefined);
  const takesProposals = page.bodyKind === "committee" || page.bodyKind === "board";
  return (
    <section className="card" aria-labelledby="add-case-heading">
      <h3 id="add-case-heading" style={{ marginTop: 0 }}>
        {T.addCaseTitle}
      </h3>
      {takesProposals ? (
        <Form method="post" className="stack" aria-labelledby="add-proposal-heading">
          <h4 id="add-proposal-heading">{T.waitingProposals}</h4>
          {kind === "proposal" ? <FormErrors reply={reply} formKey={key} /> : null}
          {page.waiting.length === 0 ? (
            <p className="muted">{T.noWaiting}</p>
          ) : (
            <>
              <Hidden intent="addCase" version={page.version} />
              <input type="hidden" name="kind" value="proposal" />
              <div
                className="field"
                data-invalid={kind === "proposal" && err("proposalId") ? "true" : undefined}
              >
                <label htmlFor="addCase-proposalId">{T.fields.proposal}</label>
                <select id="addCase-proposalId" name="proposalId">
                  {page.waiting.map((p) => (
                    <option key={p.id} value={p.id}>
                      #{p.id} {p.title}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="primary">
                {T.addCase}
              </button>
            </>
          )}
        </Form>
      ) : null}
      <Form method="post" className="stack" aria-labelledby="add-other-heading">
        <h4 id="add-other-heading">{T.kinds.other}</h4>
        <p className="small muted">{T.otherExamples}</p>
        {kind !== "proposal" ? <FormErrors reply={reply} formKey={key} /> : null}
        <Hidden intent="addCase" version={page.version} />
        <input type="hidden" name="kind" value="other" />
        {page.deferredOther.length > 0 ? (
          <div className="field">
            <label htmlFor="addCase-deferredFromId">{T.fields.deferredFrom}</label>
            <select
              id="addCase-deferredFromId"
              name="deferredFromId"
              defaultValue={r?.values?.deferredFromId ?? ""}
            >
              <option value="">Ingen – ny sak</option>
              {page.deferredOther.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field" data-invalid={kind !== "proposal" && err("title") ? "true" : undefined}>
          <label htmlFor="addCase-title">{T.fields.title}</label>
          {kind !== "proposal" && err("title") ? (
            <span className="field-error" id="addCase-title-error">
              {err("title")}
            </span>
          ) : null}
          <input
            id="addCase-title"
            name="title"
            type="text"
            maxLength={200}
            defaultValue={kind !== "proposal" ? r?.values?.title : undefined}
            aria-invalid={kind !== "proposal" && err("title") ? true : undefined}
            aria-describedby={kind !== "proposal" && err("title") ? "addCase-title-error" : undefined}
          />
        </div>
        <TextBox
          id="addCase-presentation"
          name="presentation"
          label={T.fields.presentation}
          hint={T.hints.presentation}
          defaultValue={kind !== "proposal" ? r?.values?.presentation : undefined}
        />
        <TextBox
          id="addCase-recommendation"
          name="recommendation"
          label={T.fields.recommendation}
          hint={T.hints.recommendation}
          defaultValue={kind !== "proposal" ? r?.values?.recommendation : undefined}
          rows={2}
        />
        <div className="field checks">
          <label>
            <input type="checkbox" name="exempt" value="on" defaultChecked={r?.values?.exempt === "on"} />
            {T.fields.exempt}
          </label>
        </div>
        <div className="field" data-invalid={err("exemptBasis") ? "true" : undefined}>
          <label htmlFor="addCase-exemptBasis">{T.fields.exemptBasis}</label>
          <span className="hint" id="addCase-exemptBasis-hint">
            {T.hints.exemptBasis}
          </span>
          {err("exemptBasis") ? (
            <span className="field-error" id="addCase-exemptBasis-error">
              {err("exemptBasis")}
            </span>
          ) : null}
          <input
            id="addCase-exemptBasis"
            name="exemptBasis"
            type="text"
            maxLength={200}
            defaultValue={r?.values?.exemptBasis}
            aria-invalid={err("exemptBasis") ? true : undefined}
            aria-describedby={`addCase-exemptBasis-hint${err("exemptBasis") ? " addCase-exemptBasis-error" : ""}`}
          />
        </div>
        <button type="submit" className="primary">
          {T.addCase}
        </button>
      </Form>
    </section>
  );
}

/** Who attended, and the form to record it. */
export function AttendanceSection({ page, reply }: { page: MeetingPageData; reply: Reply | undefined }) {
  const doc = page.document;
  const values = mine(reply, "attendance")?.values;
  return (
    <section className="card" aria-labelledby="fremmote">
      <h2 id="fremmote" style={{ marginTop: 0 }}>
        {T.attendance}
      </h2>
      {doc.attendanceRecorded ? (
        <ul className="attendance-list">
          {doc.present.map((p) => (
            <li key={p.name}>
              {p.name} – {T.present.toLowerCase()}
            </li>
          ))}
          {doc.absent.map((p) => (
            <li key={p.name}>
              {p.name} – {T.absent.toLowerCase()}
            </li>
          ))}
          {doc.substitutes.map((s) => (
            <li key={s.name}>
              {/* Lower-casing the whole line made "vara for trond myklebust"; the name keeps its capitals. */}
              {s.name} – {T.substituteFor(s.forName)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{T.notRecorded}</p>
      )}
      {page.actions.recordAttendance ? (
        <Form method="post" className="stack" aria-labelledby="attendance-form-heading">
          <h3 id="attendance-form-heading">{T.saveAttendance}</h3>
          <p className="small muted">{T.attendanceHint}</p>
          <FormErrors reply={reply} formKey="attendance" />
          <Hidden intent="attendance" version={page.version} />
          {page.members.map((m) => {
            const status = values?.[`status-${m.userId}`] ?? m.status ?? "present";
            const current = status === "substitute" ? "present" : status;
            return (
              <fieldset key={m.userId} className="attendance-row" id={`attendance-sub-${m.userId}`}>
                <legend>
                  {m.name}{" "}
                  <span className="muted small">({[m.role, m.municipality].filter(Boolean).join(", ")})</span>
                </legend>
                <div className="checks">
                  <label>
                    <input
                      type="radio"
                      name={`status-${m.userId}`}
                      value="present"
                      defaultChecked={current === "present"}
                    />
                    {T.present}
                  </label>
                  <label>
                    <input
                      type="radio"
                      name={`status-${m.userId}`}
                      value="absent"
                      defaultChecked={current === "absent"}
                    />
                    {T.absent}
                  </label>
                </div>
                <div className="field">
                  <label htmlFor={`sub-${m.userId}`}>{T.substituteLabel(m.name)}</label>
                  <select
                    id={`sub-${m.userId}`}
                    name={`sub-${m.userId}`}
                    defaultValue={
                      values?.[`sub-${m.userId}`] ?? (m.substituteId ? String(m.substituteId) : "")
                    }
                  >
                    <option value="">{T.noSubstitute}</option>
                    {page.substituteOptions.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                        {o.municipality ? ` (${o.municipality})` : ""}
                      </option>
                    ))}
                  </select>
                </div>
              </fieldset>
            );
          })}
          <button type="submit" className="primary">
            {T.saveAttendance}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
