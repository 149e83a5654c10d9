import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { CheckboxGroup, ErrorSummary, SelectField, TextArea, TextField } from "~/components/form";
import { proposalSchema } from "~/domain/proposal.schema";
import { t } from "~/domain/texts";
import { siteTexts } from "~/domain/texts/site";

const F = t.proposal.fields;
const H = t.proposal.hints;

export interface ProposalFormProps {
  lastResult: SubmissionResult<string[]> | undefined;
  municipalities: { id: number; name: string }[];
  groups: { id: number; name: string }[];
  defaultValue?: Record<string, string | string[] | undefined>;
  version?: number;
}

/** The proposal form: a plain multipart post that works without JavaScript, validated in the browser when it can be. */
export function ProposalForm({
  lastResult,
  municipalities,
  groups,
  defaultValue,
  version,
}: ProposalFormProps) {
  const schema = proposalSchema({
    municipalityIds: municipalities.map((m) => m.id),
    groupIds: groups.map((g) => g.id),
  });
  const [form, fields] = useForm({
    id: "proposal",
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onBlur",
  });
  const [title, setTitle] = useState(String(defaultValue?.title ?? ""));
  useEffect(() => {
    if (lastResult?.error) document.getElementById(`${form.id}-summary`)?.focus();
  }, [lastResult, form.id]);

  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
      <ErrorSummary
        form={form}
        labels={{
          title: F.title,
          background: F.background,
          problem: F.problem,
          solution: F.solution,
          benefits: F.benefits,
          affected: F.affected,
          resources: F.resources,
          municipalityIds: F.municipalities,
          suggestedGroupId: F.suggestedGroup,
          attachments: F.attachments,
        }}
      />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <p className="notice">{t.proposal.notAProposal}</p>
      <p>{t.forms.requiredIntro}</p>
      <div
        onInput={(e) =>
          (e.target as HTMLInputElement).name === "title" && setTitle((e.target as HTMLInputElement).value)
        }
      >
        <TextField field={fields.title} label={F.title} hint={H.title} required />
      </div>
      <SimilarWhileTyping title={title} />
      <TextArea field={fields.background} label={F.background} hint={H.background} required />
      <TextArea field={fields.problem} label={F.problem} hint={H.problem} required />
      <TextArea field={fields.solution} label={F.solution} hint={H.solution} required />
      <TextArea field={fields.benefits} label={F.benefits} hint={H.benefits} />
      <TextArea field={fields.affected} label={F.affected} hint={H.affected} rows={3} />
      <TextArea field={fields.resources} label={F.resources} hint={H.resources} rows={3} />
      <CheckboxGroup
        field={fields.municipalityIds}
        legend={F.municipalities}
        hint={H.municipalities}
        required
        options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
      />
      <SelectField
        field={fields.suggestedGroupId}
        label={F.suggestedGroup}
        placeholder={t.proposal.noGroupSuggestion}
        options={groups.map((g) => ({ value: g.id, label: g.name }))}
      />
      <div className="field" data-invalid={fields.attachments.errors ? "true" : undefined}>
        <label htmlFor={fields.attachments.id}>{F.attachments}</label>
        <span className="hint" id={fields.attachments.descriptionId}>
          {H.attachments}
        </span>
        {fields.attachments.errors ? (
          <span className="field-error" id={fields.attachments.errorId}>
            {fields.attachments.errors[0]}
          </span>
        ) : null}
        <input
          type="file"
          multiple
          id={fields.attachments.id}
          name={fields.attachments.name}
          accept=".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.png,.jpg,.jpeg,.gif,.webp"
          aria-invalid={fields.attachments.errors ? true : undefined}
          aria-describedby={[
            fields.attachments.descriptionId,
            fields.attachments.errors ? fields.attachments.errorId : null,
          ]
            .filter(Boolean)
            .join(" ")}
        />
      </div>
      <p className="small muted">
        {t.proposal.privacyNotice} <Link to="/personvern">{siteTexts.privacy.intakeLink}</Link>
      </p>
      <div className="actions">
        <button type="submit" name="intent" value="submit" className="primary">
          {t.proposal.submit}
        </button>
        <button type="submit" name="intent" value="draft" className="secondary">
          {t.proposal.saveDraft}
        </button>
      </div>
    </Form>
  );
}

/** Similar proposals for the title being typed (JavaScript only; the proposal page shows the same list). */
function SimilarWhileTyping({ title }: { title: string }) {
  const fetcher = useFetcher<{ similar: { id: number; title: string; stateLabel: string }[] }>();
  const { load } = fetcher;
  useEffect(() => {
    if (title.trim().length < 4) return;
    const timer = setTimeout(() => load(`/innspill/lignende?tittel=${encodeURIComponent(title)}`), 300);
    return () => clearTimeout(timer);
  }, [title, load]);
  const similar = title.trim().length >= 4 ? (fetcher.data?.similar ?? []) : [];
  return (
    <div aria-live="polite">
      {similar.length > 0 ? (
        <div className="notice warn">
          <strong>{t.proposal.similar}</strong>
          <p className="small">{t.proposal.similarHint}</p>
          <ul>
            {similar.map((s) => (
              <li key={s.id}>
                <a href={`/innspill/${s.id}`} target="_blank" rel="noreferrer">
                  {s.title}
                </a>{" "}
                <span className="muted small">({s.stateLabel})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
