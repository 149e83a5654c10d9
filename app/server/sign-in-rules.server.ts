import { listSignInRules } from "#db/repositories/identity.repository";
import { db } from "./db.server";
import { signInConfig } from "./config.server";

/** The organisation page's sign-in section: the rules, and the issuers configured (to copy into a rule). */
export async function signInRulesSection() {
  const rules = await listSignInRules(db());
  return {
    rules: rules.map((r) => ({
      id: r.id,
      kind: r.kind,
      value: r.value,
      municipality: r.municipality_name,
    })),
    issuers: signInConfig().issuers.map((i) => ({
      label: i.label,
      issuer: i.issuer.href.replace(/\/+$/, ""),
    })),
  };
}
