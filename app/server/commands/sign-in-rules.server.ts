import type { DB } from "#db/connection";
import {
  createSignInRule,
  deleteSignInRule,
  findSignInRule,
  getSignInRule,
} from "#db/repositories/identity.repository";
import { getMunicipality } from "#db/repositories/organisation.repository";
import { today } from "#workflows/dates";
import { normaliseIssuer } from "#workflows/sign-in";
import { signInTexts } from "~/domain/texts/sign-in";
import { fieldError, inTransaction, type AdminResult } from "./admin-result.server";

const R = signInTexts.admin;

/** Adds a rule giving accounts created at first sign-in a municipality; one rule per domain or issuer. */
export function addSignInRule(
  database: DB,
  input: { kind: "domain" | "issuer"; value: string; municipalityId: number },
): Promise<AdminResult> {
  return inTransaction(database, async (trx) => {
    const value = input.kind === "issuer" ? normaliseIssuer(input.value) : input.value;
    const municipality = await getMunicipality(trx, input.municipalityId);
    if (!municipality) return fieldError("municipalityId", R.municipalityUnknown);
    if (municipality.valid_to && municipality.valid_to <= today())
      fieldError("municipalityId", R.municipalityEnded);
    if (await findSignInRule(trx, input.kind, value)) fieldError("value", R.duplicate);
    return createSignInRule(trx, { ...input, value, at: new Date().toISOString() });
  });
}

/** Removes a rule; accounts it gave a municipality keep it. */
export function removeSignInRule(database: DB, input: { ruleId: number }): Promise<AdminResult> {
  return inTransaction(database, async (trx) => {
    const rule = await getSignInRule(trx, input.ruleId);
    if (!rule) return fieldError("ruleId", R.unknownRule);
    await deleteSignInRule(trx, rule.id);
    return rule.id;
  });
}
