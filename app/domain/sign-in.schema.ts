import { z } from "zod";
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
