import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import { t } from "~/domain/texts";
import { forbidden, notFound } from "./auth.server";
import type { CommandResult } from "./commands/result.server";

/**
 * What an action answers on a page with several forms: which form it is for (`form`, "" for the
 * page as a whole) and Conform's result. A single-form page answers Conform's result alone.
 */
export interface FormReply {
  form: string;
  result: SubmissionResult<string[]>;
}

/** The part of a Conform submission the helpers use. */
interface Replyable {
  reply(options?: {
    formErrors?: string[];
    fieldErrors?: Record<string, string[]>;
    hideFields?: string[];
  }): SubmissionResult<string[]>;
}

interface ReplyOptions {
  /** The page's form the reply is for; leave out on a page with one form. */
  form?: string;
  hideFields?: string[];
}

type Reply<O extends ReplyOptions> = O extends { form: string } ? FormReply : SubmissionResult<string[]>;

function wrap<O extends ReplyOptions>(options: O, result: SubmissionResult<string[]>): Reply<O> {
  return (options.form === undefined ? result : { form: options.form, result }) as Reply<O>;
}

/** A submission that failed its schema: 400 with its errors and the typed values. */
export function invalid<O extends ReplyOptions = ReplyOptions & { form?: undefined }>(
  submission: Replyable,
  options: O = {} as O,
) {
  return data(wrap(options, submission.reply({ hideFields: options.hideFields })), { status: 400 });
}

/**
 * THE way a route answers a command: done → `onOk` (a redirect); 403 and 404 → the error page;
 * 400 and 409 → the form again with the refusal's message and field errors, status kept.
 */
export function replyTo<T extends object, O extends ReplyOptions = ReplyOptions & { form?: undefined }>(
  result: CommandResult<T>,
  submission: Replyable,
  onOk: (value: T) => Response,
  options: O = {} as O,
) {
  if (result.ok) return onOk(result);
  if (result.status === 403) forbidden(result.message || undefined);
  if (result.status === 404) notFound(result.message || undefined);
  const message = result.message || (result.status === 409 ? t.errors.conflictTitle : "");
  const { "": whole = [], ...fieldErrors } = result.fieldErrors;
  const formErrors = [...(message ? [message] : []), ...whole];
  return data(
    wrap(
      options,
      submission.reply({
        formErrors: formErrors.length > 0 ? formErrors : undefined,
        fieldErrors,
        hideFields: options.hideFields,
      }),
    ),
    { status: result.status },
  );
}

/** A post no form on the page sends (an unknown intent): 400 with a message for the page. */
export function unknownForm(message: string) {
  return data<FormReply>(
    { form: "", result: { status: "error", error: { "": [message] } } },
    { status: 400 },
  );
}
