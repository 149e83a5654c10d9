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
import { refuseField, runCommand, type CommandResult } from "./result.server";

const R = signInTexts.admin;

/** Adds a rule giving accounts created at first sign-in a municipality; one rule per domain or issuer. */
export function addSignInRule(
  database: DB,
  input: { kind: "domain" | "issuer"; value: string; municipalityId: number },
): Promise<CommandResult<{ id: number }>> {
  return runCommand(database, async (trx) => {
    const value = input.kind === "issuer" ? normaliseIssuer(input.value) : input.value;
    const municipality = await getMunicipality(trx, input.municipalityId);
    if (!municipality) return refuseField("municipalityId", R.municipalityUnknown);
    if (municipality.valid_to && municipality.valid_to <= today())
      refuseField("municipalityId", R.municipalityEnded);
    if (await findSignInRule(trx, input.kind, value)) refuseField("value", R.duplicate);
    return { id: await createSignInRule(trx, { ...input, value, at: new Date().toISOString() }) };
  });
}

/** Removes a rule; accounts it gave a municipality keep it. */
export function removeSignInRule(
  database: DB,
  input: { ruleId: number },
): Promise<CommandResult<{ id: number }>> {
  return runCommand(database, async (trx) => {
    const rule = await getSignInRule(trx, input.ruleId);
    if (!rule) return refuseField("ruleId", R.unknownRule);
    await deleteSignInRule(trx, rule.id);
    return { id: rule.id };
  });
}
