import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import type { z } from "zod";
import { ErrorSummary } from "~/components/form";
import { formatDate } from "~/domain/texts";
import { adminTexts } from "~/domain/texts/admin";
import type { Validity } from "~/domain/validity";

const O = adminTexts.organisation;

/** A validity period in words (never colour alone): "Aktiv", "Avsluttet fra 1.1.2023", "Fra 1.1.2024". */
export function ValidityText({ status, from, to }: { status: Validity; from: string; to: string | null }) {
  if (status === "ended")
    return (
      <span className="badge validity-ended">
        {O.ended} {formatDate(to)}
      </span>
    );
  if (status === "future")
    return (
      <span className="badge validity-future">
        {O.notYet} – {O.validFrom.toLowerCase()} {formatDate(from)}
      </span>
    );
  return <span className="badge validity-active">{O.active}</span>;
}

/** "1.1.2019 – 31.12.2022" or "1.1.2019 –". */
export function period(from: string, to: string | null): string {
  return `${formatDate(from)} – ${to ? formatDate(to) : ""}`.trim();
}

/** Moves focus to the error summary after a failed submission, so screen readers hear it. */
export function useFocusSummary(formId: string, lastResult: SubmissionResult<string[]> | undefined) {
  useEffect(() => {
    if (lastResult?.error && Object.keys(lastResult.error).length > 0)
      document.getElementById(`${formId}-summary`)?.focus();
  }, [formId, lastResult]);
}

/** Shows the confirmation named by `?melding=` after a successful change. */
export function DoneNotice({ messages }: { messages: Record<string, string> }) {
  const [params] = useSearchParams();
  const key = params.get("melding");
  if (!key || !(key in messages)) return null;
  return (
    <p className="notice ok" role="status">
      {messages[key]}
    </p>
  );
}

/**
 * A small form in a table row that ends something (a municipality, a membership) from a date.
 * The label is read by screen readers and names the row; sighted users see the column heading.
 */
export function EndDateForm({
  formId,
  intent,
  idName,
  idValue,
  dateLabel,
  buttonLabel,
  visibleButton,
  schema,
  lastResult,
}: {
  formId: string;
  intent: string;
  idName: string;
  idValue: number;
  dateLabel: string;
  buttonLabel: string;
  visibleButton: string;
  schema: z.ZodType<{ validTo: string }>;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useForm({
    id: formId,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
  });
  useFocusSummary(form.id, lastResult);
  const field = fields.validTo;
  const idErrors = form.allErrors[idName];
  return (
    <Form method="post" {...getFormProps(form)} className="row-form">
      <ErrorSummary form={form} labels={{ validTo: dateLabel }} />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={idName} value={idValue} />
      <div className="field" data-invalid={field.errors ? "true" : undefined}>
        <label htmlFor={field.id} className="visually-hidden">
          {dateLabel}
        </label>
        {field.errors ? (
          <span className="field-error" id={field.errorId}>
            {field.errors[0]}
          </span>
        ) : null}
        <input
          type="date"
          id={field.id}
          name={field.name}
          key={field.key}
          defaultValue={typeof field.initialValue === "string" ? field.initialValue : undefined}
          aria-invalid={field.errors ? true : undefined}
          aria-describedby={field.errors ? field.errorId : undefined}
        />
      </div>
      {idErrors ? <span className="field-error">{idErrors[0]}</span> : null}
      <button type="submit" className="secondary small-button" aria-label={buttonLabel}>
        {visibleButton}
      </button>
    </Form>
  );
}
