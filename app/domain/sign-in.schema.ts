import { z } from "zod";
import { adminTexts } from "./texts/admin";
import { signInTexts } from "./texts/sign-in";

/** The issuer key in /auth/oidc/<key>; anything else is no configured issuer. */
export const issuerKeySchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,30}$/);

/** The reasons the login page explains (?feil=<slug>), each with its message. */
export const signInErrorMessages = {
  avbrutt: signInTexts.errors.cancelled,
  "feil-organisasjon": signInTexts.errors.wrongTenant,
  utlopt: signInTexts.errors.expired,
  klokke: signInTexts.errors.clockSkew,
  utilgjengelig: signInTexts.errors.unreachable,
  avvist: signInTexts.errors.rejected,
  deaktivert: signInTexts.errors.deactivated,
  "e-post-i-bruk": signInTexts.errors.emailTaken,
  "mangler-e-post": signInTexts.errors.noEmail,
  ukjent: signInTexts.errors.unknownIssuer,
} as const;

export const signInErrorSchema = z.enum(
  Object.keys(signInErrorMessages) as [
    keyof typeof signInErrorMessages,
    ...(keyof typeof signInErrorMessages)[],
  ],
);

const R = signInTexts.admin;
const unknownField = { error: adminTexts.errors.unknownField };

/** A rule's value: a bare e-mail domain, or an issuer's https (or local http) address. */
const ruleValue = z
  .string({ error: R.valueRequired })
  .trim()
  .min(1, R.valueRequired)
  .max(300, R.issuerInvalid);

/** Adds a rule that gives new accounts a municipality, by e-mail domain or by issuer. */
export function addSignInRuleSchema(municipalityIds: readonly number[]) {
  return z
    .strictObject(
      {
        intent: z.literal("addSignInRule", { error: adminTexts.errors.unknownIntent }),
        kind: z.enum(["domain", "issuer"], { error: R.kindRequired }),
        value: ruleValue,
        municipalityId: z
          .string({ error: R.municipalityRequired })
          .regex(/^\d{1,12}$/, R.municipalityUnknown)
          .transform(Number)
          .refine((id) => municipalityIds.includes(id), R.municipalityUnknown),
      },
      unknownField,
    )
    .transform((v) => ({ ...v, value: v.kind === "domain" ? v.value.toLowerCase() : v.value }))
    .superRefine((v, ctx) => {
      if (
        v.kind === "domain" &&
        !/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(v.value)
      )
        ctx.addIssue({ code: "custom", path: ["value"], message: R.domainInvalid });
      if (v.kind === "issuer" && !/^https?:\/\/[^\s/?#]+[^\s?#]*$/.test(v.value))
        ctx.addIssue({ code: "custom", path: ["value"], message: R.issuerInvalid });
    });
}

export const removeSignInRuleSchema = z.strictObject(
  {
    intent: z.literal("removeSignInRule", { error: adminTexts.errors.unknownIntent }),
    ruleId: z
      .string({ error: R.unknownRule })
      .regex(/^\d{1,12}$/, R.unknownRule)
      .transform(Number),
  },
  unknownField,
);
