import { data } from "@remix-run/node";
import { recordTexts } from "~/domain/texts/records";

/** The steps that cannot be undone, and so are confirmed first. */
export type IrreversibleStep = keyof typeof recordTexts.confirm.consequences;

/** What a page needs to ask for confirmation: the consequence, and the form's fields to send again. */
export interface ConfirmationReply {
  confirm: { step: IrreversibleStep; consequence: string; values: Record<string, string> };
}

/**
 * Asks for confirmation of an irreversible step before anything is done: a post without
 * `confirmed=yes` is answered with the consequence in one sentence and the form's own fields, so
 * the page can show a confirmation form (a confirmation page when JavaScript is off). Nothing is
 * written; 400, as for any other form that is not complete yet.
 */
export function confirmationNeeded(formData: FormData, step: IrreversibleStep) {
  if (formData.get("confirmed") === "yes") {
    formData.delete("confirmed");
    return null;
  }
  const values = Object.fromEntries(
    [...formData.entries()].flatMap(([k, v]) =>
      typeof v === "string" && k !== "confirmed" ? [[k, v.slice(0, 20_000)]] : [],
    ),
  );
  return data<ConfirmationReply>(
    { confirm: { step, consequence: recordTexts.confirm.consequences[step], values } },
    { status: 400 },
  );
}
