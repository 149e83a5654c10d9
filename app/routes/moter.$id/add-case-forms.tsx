import { Checkbox, SelectField, TextArea, TextField } from "~/components/form";
import { meetingTexts as T } from "~/domain/texts/meetings";
import { recordTexts as R } from "~/domain/texts/records";
import type { MeetingPageData } from "~/server/meetings/page.server";
import { PageForm, usePageForm, type MeetingReply } from "./page-form";

function ProposalCaseForm({ page, reply }: { page: MeetingPageData; reply: MeetingReply }) {
  const [form, fields] = usePageForm<{ proposalId: string; liftExemption: string; liftReason: string }>(
    "addCase-proposal",
    reply,
  );
  return (
    <PageForm
      form={form}
      hidden={{ intent: "addCase", version: page.version, kind: "proposal" }}
      labels={{ proposalId: T.fields.proposal, liftReason: R.exempt.liftReason }}
      className="stack"
      label="add-proposal-heading"
    >
      <h4 id="add-proposal-heading">{T.waitingProposals}</h4>
      <SelectField
        field={fields.proposalId}
        label={T.fields.proposal}
        options={page.waiting.map((p) => ({
          value: p.id,
          label: `#${p.id} ${p.title}${p.exempt ? ` – ${p.exempt}` : ""}`,
        }))}
      />
      {page.waiting.some((p) => p.exempt) ? (
        <>
          <p className="small">{R.exempt.followsNote}</p>
          <Checkbox field={fields.liftExemption} label={R.exempt.liftCheckbox} />
          <TextArea
            field={fields.liftReason}
            label={R.exempt.liftReason}
            hint={R.exempt.liftReasonHint}
            rows={2}
          />
        </>
      ) : null}
      <button type="submit" className="primary">
        {T.addCase}
      </button>
    </PageForm>
  );
}

function OtherCaseForm({ page, reply }: { page: MeetingPageData; reply: MeetingReply }) {
  const [form, fields] = usePageForm<{
    deferredFromId: string;
    title: string;
    presentation: string;
    recommendation: string;
    exempt: string;
    exemptBasis: string;
  }>("addCase-other", reply);
  return (
    <PageForm
      form={form}
      hidden={{ intent: "addCase", version: page.version, kind: "other" }}
      labels={{
        deferredFromId: T.fields.deferredFrom,
        title: T.fields.title,
        presentation: T.fields.presentation,
        recommendation: T.fields.recommendation,
        exemptBasis: T.fields.exemptBasis,
      }}
      className="stack"
      label="add-other-heading"
    >
      <h4 id="add-other-heading">{T.kinds.other}</h4>
      <p className="small muted">{T.otherExamples}</p>
      {page.deferredOther.length > 0 ? (
        <SelectField
          field={fields.deferredFromId}
          label={T.fields.deferredFrom}
          placeholder={T.newCase}
          options={page.deferredOther.map((d) => ({ value: d.id, label: d.label }))}
        />
      ) : null}
      <TextField field={fields.title} label={T.fields.title} />
      <TextArea
        field={fields.presentation}
        label={T.fields.presentation}
        hint={T.hints.presentation}
        rows={4}
      />
      <TextArea
        field={fields.recommendation}
        label={T.fields.recommendation}
        hint={T.hints.recommendation}
        rows={2}
      />
      <Checkbox field={fields.exempt} label={T.fields.exempt} />
      <TextField field={fields.exemptBasis} label={T.fields.exemptBasis} hint={T.hints.exemptBasis} />
      <button type="submit" className="primary">
        {T.addCase}
      </button>
    </PageForm>
  );
}

/** Putting a waiting proposal, a deferred case or another case on the agenda. */
export function AddCaseForms({ page, reply }: { page: MeetingPageData; reply: MeetingReply }) {
  return (
    <section className="card" aria-labelledby="add-case-heading">
      <h3 id="add-case-heading" style={{ marginTop: 0 }}>
        {T.addCaseTitle}
      </h3>
      {page.takesProposals ? (
        page.waiting.length === 0 ? (
          <>
            <h4>{T.waitingProposals}</h4>
            <p className="muted">{T.noWaiting}</p>
          </>
        ) : (
          <ProposalCaseForm page={page} reply={reply} />
        )
      ) : null}
      <OtherCaseForm page={page} reply={reply} />
    </section>
  );
}
