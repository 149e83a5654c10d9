import type { SubmissionResult } from "@conform-to/react";
import type { ReactNode } from "react";
import { t } from "~/domain/texts";

/*
 * THE form parts: every form is a Conform form (`useForm` + `getFormProps`), its fields are
 * these components, and its errors come from the action's `submission.reply()` (see
 * `app/server/reply.server.ts`). A page with several forms gets `{ form, result }` replies and
 * picks its own with `replyFor`; `UnplacedReply` shows a reply that names no form on the page.
 */

/** What an action answers to a page with several forms (see `FormReply` in reply.server.ts). */
export interface FormReplyLike {
  form: string;
  result: SubmissionResult<string[]>;
}

/** The reply for one form of a page, or undefined when the reply is for another. */
export function replyFor(
  reply: FormReplyLike | undefined,
  formId: string,
): SubmissionResult<string[]> | undefined {
  return reply?.form === formId ? reply.result : undefined;
}

/**
 * A reply that names no form on the page (its hidden fields were changed, or the page changed
 * meanwhile): every message, visible at the top of the page, so a refusal is never silent.
 */
export function UnplacedReply({
  reply,
  forms,
  title,
}: {
  reply: FormReplyLike | undefined;
  /** The ids of the forms the page shows now. */
  forms: ReadonlySet<string>;
  title: string;
}) {
  if (!reply || forms.has(reply.form)) return null;
  const messages = Object.values(reply.result.error ?? {}).flatMap((m) => m ?? []);
  return (
    <div className="notice error" role="alert">
      <p>{title}</p>
      {messages.length > 0 ? (
        <ul>
          {[...new Set(messages)].map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** What the field components need of a Conform field; kept structural so any form's fields fit. */
export interface FieldLike {
  id: string;
  name: string;
  formId: string;
  key?: string;
  errors?: string[];
  errorId: string;
  descriptionId: string;
  initialValue?: unknown;
}

interface FormLike {
  id: string;
  allErrors: Record<string, string[]>;
}

/**
 * The list of errors at the top of a form; each links to its field. Focused after a failed
 * submit. `compact` for a small form inside a section (a paragraph title instead of a heading).
 */
export function ErrorSummary({
  form,
  labels,
  compact,
}: {
  form: FormLike;
  labels: Record<string, string>;
  compact?: boolean;
}) {
  const entries = Object.entries(form.allErrors).filter(([, messages]) => messages && messages.length > 0);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} id={`${form.id}-summary`}>
      {compact ? (
        <p className="error-summary-title">{t.errors.summaryTitle}</p>
      ) : (
        <h2>{t.errors.summaryTitle}</h2>
      )}
      <ul>
        {entries.map(([name, messages]) => (
          <li key={name}>
            {name in labels ? (
              <a href={`#${form.id}-${name}`}>
                {labels[name]}: {messages[0]}
              </a>
            ) : (
              messages[0]
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Said after the label of a field that must be filled in, so it is known before submitting. */
function RequiredMark({ required }: { required?: boolean }) {
  return required ? <span className="required-mark"> ({t.forms.required})</span> : null;
}

function FieldShell({
  field,
  label,
  hint,
  required,
  children,
}: {
  field: FieldLike;
  label: string;
  hint?: string;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="field" data-invalid={field.errors ? "true" : undefined}>
      <label htmlFor={field.id}>
        {label}
        <RequiredMark required={required} />
      </label>
      {hint ? (
        <span className="hint" id={field.descriptionId}>
          {hint}
        </span>
      ) : null}
      {field.errors ? (
        <span className="field-error" id={field.errorId}>
          {field.errors[0]}
        </span>
      ) : null}
      {children}
    </div>
  );
}

function describedBy(field: FieldLike, hint?: string) {
  return (
    [hint ? field.descriptionId : null, field.errors ? field.errorId : null].filter(Boolean).join(" ") ||
    undefined
  );
}

export function TextField({
  field,
  label,
  hint,
  type = "text",
  autoComplete,
  required,
}: {
  field: FieldLike;
  label: string;
  hint?: string;
  type?: "text" | "email" | "password" | "number" | "date" | "search";
  autoComplete?: string;
  /** Marked up front; checked by the schema (no native `required`: every missing field is reported at once). */
  required?: boolean;
}) {
  return (
    <FieldShell field={field} label={label} hint={hint} required={required}>
      <input
        id={field.id}
        name={field.name}
        form={field.formId}
        key={field.key}
        type={type}
        defaultValue={field.initialValue === undefined ? undefined : String(field.initialValue)}
        autoComplete={autoComplete}
        aria-required={required ? true : undefined}
        aria-invalid={field.errors ? true : undefined}
        aria-describedby={describedBy(field, hint)}
      />
    </FieldShell>
  );
}

export function TextArea({
  field,
  label,
  hint,
  rows = 5,
  required,
}: {
  field: FieldLike;
  label: string;
  hint?: string;
  rows?: number;
  required?: boolean;
}) {
  return (
    <FieldShell field={field} label={label} hint={hint} required={required}>
      <textarea
        id={field.id}
        name={field.name}
        form={field.formId}
        key={field.key}
        defaultValue={field.initialValue === undefined ? undefined : String(field.initialValue)}
        rows={rows}
        aria-required={required ? true : undefined}
        aria-invalid={field.errors ? true : undefined}
        aria-describedby={describedBy(field, hint)}
      />
    </FieldShell>
  );
}

export function SelectField({
  field,
  label,
  hint,
  options,
  placeholder,
  groups = [],
}: {
  field: FieldLike;
  label: string;
  hint?: string;
  options: { value: string | number; label: string }[];
  placeholder?: string;
  /** More options under headings (`<optgroup>`), after `options`. */
  groups?: { label: string; options: { value: string | number; label: string }[] }[];
}) {
  const f = field;
  return (
    <FieldShell field={f} label={label} hint={hint}>
      <select
        id={field.id}
        name={field.name}
        form={field.formId}
        key={field.key}
        defaultValue={(field.initialValue as string | undefined) ?? ""}
        aria-invalid={field.errors ? true : undefined}
        aria-describedby={describedBy(f, hint)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups.map((g) =>
          g.options.length > 0 ? (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ) : null,
        )}
      </select>
    </FieldShell>
  );
}

/** A group of checkboxes with a legend; the field's value is a list. */
export function CheckboxGroup({
  field,
  legend,
  hint,
  options,
  required,
  warnings = [],
}: {
  field: FieldLike;
  legend: string;
  hint?: string;
  options: { value: string | number; label: string }[];
  required?: boolean;
  /** Said in words before the choices and read as part of the fieldset's description. */
  warnings?: readonly string[];
}) {
  const initial = new Set(([] as unknown[]).concat(field.initialValue ?? []).map(String));
  const f = field;
  const warningId = `${field.id}-warning`;
  const description = [describedBy(f, hint), warnings.length > 0 ? warningId : null]
    .filter(Boolean)
    .join(" ");
  return (
    <fieldset
      className="field"
      id={field.id}
      tabIndex={-1}
      data-invalid={field.errors ? "true" : undefined}
      aria-describedby={description || undefined}
    >
      <legend>
        {legend}
        <RequiredMark required={required} />
      </legend>
      {hint ? (
        <span className="hint" id={field.descriptionId}>
          {hint}
        </span>
      ) : null}
      {warnings.length > 0 ? (
        <div className="notice warn" id={warningId}>
          {warnings.map((w) => (
            <p key={w}>{w}</p>
          ))}
        </div>
      ) : null}
      {field.errors ? (
        <span className="field-error" id={field.errorId}>
          {field.errors[0]}
        </span>
      ) : null}
      <div className="checks" key={field.key}>
        {options.map((o) => (
          <label key={o.value}>
            <input
              type="checkbox"
              name={field.name}
              value={o.value}
              defaultChecked={initial.has(String(o.value))}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** One choice among a few, as radio buttons in a fieldset (a vote, present or absent). */
export function RadioGroup({
  field,
  legend,
  options,
  defaultValue,
  className,
}: {
  field: FieldLike;
  legend: ReactNode;
  options: readonly (readonly [value: string, label: string])[];
  defaultValue?: string;
  className?: string;
}) {
  const initial = field.initialValue === undefined ? defaultValue : String(field.initialValue);
  return (
    <fieldset
      className={className}
      id={field.id}
      data-invalid={field.errors ? "true" : undefined}
      aria-describedby={field.errors ? field.errorId : undefined}
    >
      <legend>{legend}</legend>
      {field.errors ? (
        <span className="field-error" id={field.errorId}>
          {field.errors[0]}
        </span>
      ) : null}
      <div className="checks" key={field.key}>
        {options.map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name={field.name}
              form={field.formId}
              value={value}
              defaultChecked={(initial ?? "") === value}
            />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A checkbox with its label after it (a yes/no field). */
export function Checkbox({ field, label }: { field: FieldLike; label: string }) {
  return (
    <div className="field checks">
      <label>
        <input
          type="checkbox"
          name={field.name}
          form={field.formId}
          key={field.key}
          value="on"
          defaultChecked={field.initialValue === "on"}
        />
        {label}
      </label>
    </div>
  );
}

/** The hidden inputs that tell the action which form this is and what version the user saw. */
export function HiddenFields({ values }: { values: Record<string, string | number | null | undefined> }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) =>
        value === undefined || value === null ? null : (
          <input key={name} type="hidden" name={name} value={value} />
        ),
      )}
    </>
  );
}
