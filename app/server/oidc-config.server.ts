import { z } from "zod";
import type { LocalLoginMode, RoleMapping } from "#workflows/sign-in";

/**
 * The schema of the sign-in configuration. loadConfig() in config.server.ts parses it at start with
 * the other settings (a wrong value stops the server); read it with signInConfig() from there.
 * Each issuer has a short key listed in OIDC_ISSUERS and its settings in OIDC_<KEY>_*, so one
 * tenant per municipality or one shared tenant are both a matter of configuration.
 */
export interface OidcIssuerConfig {
  /** The key in URLs (/auth/oidc/<key>) and in the environment (OIDC_<KEY>_*). */
  key: string;
  issuer: URL;
  clientId: string;
  clientSecret: string | undefined;
  redirectUrl: URL;
  scopes: string;
  /** The button says "Logg inn med <label>". */
  label: string;
  /** Entra's directory (tenant) id: an ID token whose `tid` differs is refused. */
  tenantId: string | undefined;
  /** The issuer sets the e-mail itself (an organisation's own tenant): its e-mail counts as verified. */
  trustEmail: boolean;
  postLogoutRedirectUrl: URL | undefined;
  roleMapping: RoleMapping | undefined;
}

export interface SignInConfig {
  localLogin: LocalLoginMode;
  issuers: OidcIssuerConfig[];
  /** Plain-HTTP issuers, for the local test provider only. */
  allowHttp: boolean;
}

const boolean = z
  .enum(["true", "false"], { error: "must be true or false" })
  .default("false")
  .transform((v) => v === "true");
const url = z.url({ error: "must be a URL" }).transform((v) => new URL(v));
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const issuerSchema = z.object({
  ISSUER: url,
  CLIENT_ID: z.string({ error: "is missing" }).trim().min(1, "is missing"),
  CLIENT_SECRET: optionalText,
  REDIRECT_URL: url,
  SCOPES: z
    .string()
    .trim()
    .default("openid profile email")
    .refine((v) => v.split(/\s+/).includes("openid"), "must include openid"),
  LABEL: z
    .string({ error: "is missing" })
    .trim()
    .min(1, "is missing")
    .max(60, "is longer than 60 characters"),
  TENANT_ID: optionalText,
  TRUST_EMAIL: boolean,
  POST_LOGOUT_REDIRECT_URL: url.optional(),
  ROLE_CLAIM: optionalText,
  ADMIN_ROLE: optionalText,
  COORDINATOR_ROLE: optionalText,
});

const rootSchema = z.object({
  LOCAL_LOGIN: z.enum(["all", "admins", "off"], { error: "must be all, admins or off" }).default("all"),
  OIDC_ALLOW_HTTP: boolean,
  OIDC_ISSUERS: z
    .string()
    .trim()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((k) => k.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.string().regex(/^[a-z0-9][a-z0-9-]{0,30}$/, "keys are lower-case letters, digits and hyphens"),
      ),
    ),
});

/** Parses the sign-in settings; throws an Error naming the wrong variable (loadConfig reports it). */
export function parseSignInConfig(env: Record<string, string | undefined>): SignInConfig {
  const root = rootSchema.safeParse(env);
  if (!root.success) throw new Error(describe(root.error, ""));
  const issuers = root.data.OIDC_ISSUERS.map((key): OidcIssuerConfig => {
    const prefix = `OIDC_${key.toUpperCase().replace(/-/g, "_")}_`;
    const own = Object.fromEntries(Object.keys(issuerSchema.shape).map((name) => [name, env[prefix + name]]));
    const parsed = issuerSchema.safeParse(own);
    if (!parsed.success) throw new Error(describe(parsed.error, prefix));
    const v = parsed.data;
    const insecure = [v.ISSUER, v.REDIRECT_URL].some((u) => u.protocol !== "https:");
    if (insecure && !root.data.OIDC_ALLOW_HTTP)
      throw new Error(
        `${prefix}ISSUER and ${prefix}REDIRECT_URL must use https (OIDC_ALLOW_HTTP=true only for local testing)`,
      );
    return {
      key,
      issuer: v.ISSUER,
      clientId: v.CLIENT_ID,
      clientSecret: v.CLIENT_SECRET,
      redirectUrl: v.REDIRECT_URL,
      scopes: v.SCOPES,
      label: v.LABEL,
      tenantId: v.TENANT_ID,
      trustEmail: v.TRUST_EMAIL,
      postLogoutRedirectUrl: v.POST_LOGOUT_REDIRECT_URL,
      roleMapping: v.ROLE_CLAIM
        ? { claim: v.ROLE_CLAIM, admin: v.ADMIN_ROLE, coordinator: v.COORDINATOR_ROLE }
        : undefined,
    };
  });
  return { localLogin: root.data.LOCAL_LOGIN, issuers, allowHttp: root.data.OIDC_ALLOW_HTTP };
}

function describe(error: z.ZodError, prefix: string): string {
  return error.issues.map((i) => `${prefix}${i.path.join(".")}: ${i.message}`).join("; ");
}
