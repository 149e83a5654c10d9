import { createPrivateKey, generateKeyPairSync, sign, type JsonWebKey } from "node:crypto";
import type { Server } from "node:http";
import Provider, { type Configuration } from "oidc-provider";
import { freePort } from "./server";

/**
 * A real OpenID provider (panva's oidc-provider) for the sign-in tests and `npm run dev:oidc`:
 * one confidential client, two people with Entra-style claims (`oid`, `tid`, `preferred_username`,
 * `email`), and its own development sign-in pages (any password is accepted; the login names are
 * the keys of `testPeople`).
 *
 * For the refusal tests it can also misbehave on purpose: `tamper` re-signs the ID token its
 * token endpoint hands out, for another audience or as if from another issuer.
 */

export const TEST_TENANT_ID = "8f3d4c2a-5b1e-4e7a-9c6d-2a1b3c4d5e6f";

export interface TestPerson {
  oid: string;
  name: string;
  email: string;
}

/** The provider's people, keyed by the login name typed on its sign-in page. Mutable, for refresh tests. */
export const testPeople: Record<string, TestPerson> = {
  kari: {
    oid: "0b6e2d4a-1c3f-4a5b-8d7e-9f0a1b2c3d4e",
    name: "Kari Nordmann",
    email: "kari.nordmann@molde.kommune.no",
  },
  // Has a local demo account with this address: the first sign-in links it.
  ola: {
    oid: "5c7a9e1b-3d5f-4b6a-8c9d-0e1f2a3b4c5d",
    name: "Ola Hansen",
    email: "ansatt@innspill.test",
  },
};

/**
 * How the token endpoint spoils the ID tokens it hands out: for another application (`aud`), as
 * if from an issuer the app does not know (signed with that issuer's key), long expired, or for
 * a person of another tenant (`tid`).
 */
export type Tamper = "none" | "audience" | "foreignIssuer" | "expired" | "otherTenant";

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the token endpoint does to the next ID tokens. */
  tamper: Tamper;
  /**
   * While true, the provider does not send the browser back to the app: it keeps the address it
   * would have redirected to in `held` and shows a plain page instead (to replay or alter it).
   */
  holdRedirects: boolean;
  held: string[];
  /** The environment that points the app at this provider (the issuer key is "test"). */
  appEnv(appUrl: string): Record<string, string>;
  close(): Promise<void>;
}

export async function startTestProvider(
  opts: { port?: number; host?: string; appUrls?: string[]; people?: Record<string, TestPerson> } = {},
): Promise<TestProvider> {
  const host = opts.host ?? "127.0.0.1";
  const port = opts.port ?? (await freePort());
  const issuer = `http://${host}:${port}`;
  const people = opts.people ?? testPeople;
  const clientId = "innspill-test";
  const clientSecret = "innspill-test-secret-that-is-long-enough-for-hs256";
  const appUrls = opts.appUrls ?? [];

  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = {
    ...signingKey.privateKey.export({ format: "jwk" }),
    kid: "test-key",
    alg: "RS256",
    use: "sig",
  };
  // A key of an issuer the app does not know, for the "token from an unconfigured issuer" case.
  const foreignKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: appUrls.map((u) => `${u}/auth/oidc/test/callback`),
        post_logout_redirect_uris: appUrls.map((u) => `${u}/logg-inn`),
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [jwk as never] },
    // Entra puts the person's claims in the ID token; so does this provider.
    conformIdTokenClaims: false,
    claims: {
      openid: ["sub", "oid", "tid"],
      email: ["email"],
      profile: ["name", "preferred_username"],
    },
    async findAccount(_ctx, id) {
      const person = people[id];
      if (!person) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            oid: person.oid,
            tid: TEST_TENANT_ID,
            name: person.name,
            email: person.email,
            preferred_username: person.email,
          };
        },
      };
    },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    cookies: { keys: ["innspill-test-provider-cookie-key"] },
    ttl: {
      AuthorizationCode: 120,
      IdToken: 600,
      AccessToken: 600,
      Session: 3600,
      Interaction: 600,
      Grant: 3600,
    },
  };

  const provider = new Provider(issuer, configuration);
  const handle: TestProvider = {
    issuer,
    clientId,
    clientSecret,
    tamper: "none",
    holdRedirects: false,
    held: [],
    appEnv: (appUrl) => ({
      OIDC_ALLOW_HTTP: "true",
      OIDC_ISSUERS: "test",
      OIDC_TEST_ISSUER: issuer,
      OIDC_TEST_CLIENT_ID: clientId,
      OIDC_TEST_CLIENT_SECRET: clientSecret,
      OIDC_TEST_REDIRECT_URL: `${appUrl}/auth/oidc/test/callback`,
      OIDC_TEST_POST_LOGOUT_REDIRECT_URL: `${appUrl}/logg-inn`,
      OIDC_TEST_LABEL: "testkontoen",
      OIDC_TEST_TENANT_ID: TEST_TENANT_ID,
      OIDC_TEST_TRUST_EMAIL: "true",
    }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  provider.use(async (ctx, next) => {
    await next();
    const location = ctx.response.get("Location");
    if (handle.holdRedirects && location && appUrls.some((u) => location.startsWith(`${u}/auth/oidc/`))) {
      handle.held.push(location);
      ctx.status = 200;
      ctx.remove("Location");
      ctx.type = "text/plain";
      ctx.body = "held";
      return;
    }
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== "/token" || handle.tamper === "none" || !body?.id_token) return;
    const [, payload] = body.id_token.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")) as Record<string, unknown>;
    const now = Math.floor(Date.now() / 1000);
    const ownKey = createPrivateKey({ key: jwk as JsonWebKey, format: "jwk" });
    if (handle.tamper === "foreignIssuer") {
      body.id_token = signJwt(
        { ...claims, iss: "http://127.0.0.1:1/unconfigured" },
        foreignKey,
        "foreign-key",
      );
      return;
    }
    const changed =
      handle.tamper === "audience"
        ? { aud: "another-application" }
        : handle.tamper === "expired"
          ? { iat: now - 7200, exp: now - 3600 }
          : { tid: "00000000-0000-0000-0000-000000000000" };
    body.id_token = signJwt({ ...claims, ...changed }, ownKey, "test-key");
  });

  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(port, host, () => resolve(s));
  });
  return handle;
}

function signJwt(
  claims: Record<string, unknown>,
  key: ReturnType<typeof createPrivateKey>,
  kid: string,
): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${encode({ alg: "RS256", typ: "JWT", kid })}.${encode(claims)}`;
  return `${input}.${sign("sha256", Buffer.from(input), key).toString("base64url")}`;
}
