import { getFormProps, useForm, type DefaultValue } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { ErrorSummary, HiddenFields, replyFor, type FormReplyLike } from "~/components/form";

/** The action's answer, for whichever of the page's forms it names. */
export type MeetingReply = FormReplyLike | undefined;

/**
 * One of the meeting page's forms, as a Conform form with the id its replies name. The server
 * validates (the same schema); the reply's errors and typed values come back to this form only.
 */
export function usePageForm<T extends Record<string, unknown>>(
  id: string,
  reply: MeetingReply,
  defaultValue?: DefaultValue<T>,
) {
  const lastResult = replyFor(reply, id);
  const [form, fields] = useForm<T>({ id, lastResult, defaultValue, shouldValidate: "onSubmit" });
  useEffect(() => {
    if (lastResult?.error && Object.keys(lastResult.error).length > 0)
      document.getElementById(`${id}-summary`)?.focus();
  }, [id, lastResult]);
  return [form, fields] as const;
}

/** A post form of the page: its hidden fields, its error summary, then the fields. */
export function PageForm({
  form,
  hidden,
  labels = {},
  className,
  label,
  children,
}: {
  form: ReturnType<typeof usePageForm>[0];
  hidden: Record<string, string | number | null | undefined>;
  labels?: Record<string, string>;
  className?: string;
  /** The id of the heading that names the form. */
  label?: string;
  children: ReactNode;
}) {
  return (
    <Form method="post" {...getFormProps(form)} className={className} aria-labelledby={label}>
      <ErrorSummary form={form} labels={labels} compact />
      <HiddenFields values={hidden} />
      {children}
    </Form>
  );
}
