import { describe, expect, it } from "vitest";
import { parseSignInConfig } from "./oidc-config.server";

const entra = {
  OIDC_ISSUERS: "molde",
  OIDC_MOLDE_ISSUER: "https://login.microsoftonline.com/8f3d4c2a-5b1e-4e7a-9c6d-2a1b3c4d5e6f/v2.0",
  OIDC_MOLDE_CLIENT_ID: "1a2b3c4d-0000-0000-0000-000000000000",
  OIDC_MOLDE_CLIENT_SECRET: "secret",
  OIDC_MOLDE_REDIRECT_URL: "https://innspill.example.no/auth/oidc/molde/callback",
  OIDC_MOLDE_LABEL: "Molde kommune",
};

describe("sign-in configuration", () => {
  it("without any variable: passwords for everyone and no issuer (the demo)", () => {
    expect(parseSignInConfig({})).toEqual({ localLogin: "all", issuers: [], allowHttp: false });
  });

  it("reads each listed issuer's variables, with default scopes and no role mapping", () => {
    const config = parseSignInConfig({ ...entra, LOCAL_LOGIN: "admins" });
    expect(config.localLogin).toBe("admins");
    expect(config.issuers).toHaveLength(1);
    expect(config.issuers[0]).toMatchObject({
      key: "molde",
      clientId: entra.OIDC_MOLDE_CLIENT_ID,
      scopes: "openid profile email",
      label: "Molde kommune",
      trustEmail: false,
      roleMapping: undefined,
    });
  });

  it("names the variable that is wrong", () => {
    expect(() => parseSignInConfig({ ...entra, OIDC_MOLDE_LABEL: "" })).toThrow(/OIDC_MOLDE_LABEL/);
    expect(() => parseSignInConfig({ ...entra, LOCAL_LOGIN: "some" })).toThrow(/LOCAL_LOGIN/);
    expect(() => parseSignInConfig({ ...entra, OIDC_MOLDE_ISSUER: "http://login.example" })).toThrow(
      /OIDC_MOLDE_ISSUER.*https/,
    );
  });

  it("maps a role claim only when configured", () => {
    const config = parseSignInConfig({
      ...entra,
      OIDC_MOLDE_ROLE_CLAIM: "roles",
      OIDC_MOLDE_ADMIN_ROLE: "Innspill.Admin",
    });
    expect(config.issuers[0]!.roleMapping).toEqual({
      claim: "roles",
      admin: "Innspill.Admin",
      coordinator: undefined,
    });
  });
});
