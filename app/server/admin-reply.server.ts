import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import { adminTexts } from "~/domain/texts/admin";
import { notFound } from "./auth.server";
import type { AdminResult } from "./commands/admin-result.server";

/** What an admin page's action answers on failure; `form` says which of the page's forms it is for. */
export interface FormReply {
  form: string;
  result: SubmissionResult<string[]>;
}

interface Replyable {
  reply(options?: {
    formErrors?: string[];
    fieldErrors?: Record<string, string[]>;
    hideFields?: string[];
  }): SubmissionResult<string[]>;
}

/** A submission that failed validation: 400, with its errors and the typed values, for that form. */
export function invalid(form: string, submission: Replyable, hideFields?: string[]) {
  return data<FormReply>({ form, result: submission.reply({ hideFields }) }, { status: 400 });
}

/** A command's refusal: its field errors (400), a conflict (409), or the 404 page. */
export function refused(
  form: string,
  submission: Replyable,
  result: Exclude<AdminResult, { ok: true }>,
  hideFields?: string[],
) {
  if (result.status === 404) notFound();
  if (result.status === 409)
    return data<FormReply>(
      { form, result: submission.reply({ formErrors: [adminTexts.users.conflict], hideFields }) },
      { status: 409 },
    );
  return data<FormReply>(
    { form, result: submission.reply({ fieldErrors: result.fieldErrors, hideFields }) },
    { status: 400 },
  );
}

/** A post whose intent no form on the page has. */
export function unknownIntent() {
  return data<FormReply>(
    { form: "", result: { status: "error", error: { "": [adminTexts.errors.unknownIntent] } } },
    { status: 400 },
  );
}
