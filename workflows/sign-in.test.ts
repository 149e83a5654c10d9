import { describe, expect, it } from "vitest";
import {
  decideSignIn,
  emailOf,
  localLoginAllows,
  municipalityFor,
  nameOf,
  rolesGranted,
  subjectOf,
  type SignInClaims,
} from "./sign-in";

const claims = (extra: Partial<SignInClaims> = {}): SignInClaims => ({
  iss: "https://login.microsoftonline.com/tenant/v2.0",
  sub: "pairwise-sub",
  ...extra,
});

describe("sign-in rules", () => {
  it("keys a person by Entra's oid when present, else by sub; never by e-mail", () => {
    expect(subjectOf(claims({ oid: "oid-1", email: "a@b.no" }))).toBe("oid-1");
    expect(subjectOf(claims({ email: "a@b.no" }))).toBe("pairwise-sub");
  });

  it("trusts an e-mail only when the issuer says it is verified or is trusted for it", () => {
    expect(emailOf(claims({ email: "Kari@Molde.Kommune.no" }), false)).toEqual({
      email: "kari@molde.kommune.no",
      verified: false,
    });
    expect(emailOf(claims({ email: "k@m.no", email_verified: true }), false)?.verified).toBe(true);
    expect(emailOf(claims({ email: "k@m.no", email_verified: "true" }), false)?.verified).toBe(false);
    expect(emailOf(claims({ preferred_username: "k@m.no" }), true)).toEqual({
      email: "k@m.no",
      verified: true,
    });
    expect(emailOf(claims({ preferred_username: "not-an-address" }), true)).toBeNull();
  });

  it("names a person by name, else given and family name, else the e-mail", () => {
    expect(nameOf(claims({ name: " Kari Nordmann " }), "k@m.no")).toBe("Kari Nordmann");
    expect(nameOf(claims({ given_name: "Kari", family_name: "Nordmann" }), "k@m.no")).toBe("Kari Nordmann");
    expect(nameOf(claims(), "k@m.no")).toBe("k@m.no");
  });

  it("gives the domain's municipality before the issuer's, and none from an ended one", () => {
    const rules = [
      { kind: "issuer" as const, value: "https://issuer.example/t", municipality_id: 1, ended: false },
      { kind: "domain" as const, value: "molde.kommune.no", municipality_id: 2, ended: false },
      { kind: "domain" as const, value: "gammel.kommune.no", municipality_id: 3, ended: true },
    ];
    const issuer = "https://issuer.example/t/";
    expect(municipalityFor(rules, { issuer, email: "k@molde.kommune.no" })).toBe(2);
    expect(municipalityFor(rules, { issuer, email: "k@annen.no" })).toBe(1);
    expect(municipalityFor(rules, { issuer, email: "k@gammel.kommune.no" })).toBe(1);
    expect(municipalityFor(rules, { issuer: "https://other", email: "k@annen.no" })).toBeNull();
  });

  it("grants roles only from a configured claim, never without one", () => {
    expect(rolesGranted(undefined, claims({ roles: ["Innspill.Admin"] }))).toEqual({
      admin: false,
      coordinator: false,
    });
    const mapping = { claim: "roles", admin: "Innspill.Admin", coordinator: "Innspill.Koordinator" };
    expect(rolesGranted(mapping, claims({ roles: ["Innspill.Koordinator"] }))).toEqual({
      admin: false,
      coordinator: true,
    });
    expect(rolesGranted(mapping, claims({ roles: "Innspill.Admin" }))).toEqual({
      admin: true,
      coordinator: false,
    });
  });

  it("signs in, links once, creates, or refuses", () => {
    const email = { email: "k@m.no", verified: true };
    expect(decideSignIn({ identity: { user_id: 7, active: 1 }, email, accountWithEmail: undefined })).toEqual(
      {
        kind: "signIn",
        userId: 7,
      },
    );
    expect(decideSignIn({ identity: { user_id: 7, active: 0 }, email, accountWithEmail: undefined })).toEqual(
      {
        kind: "refuse",
        reason: "deactivated",
      },
    );
    expect(decideSignIn({ identity: undefined, email, accountWithEmail: undefined })).toEqual({
      kind: "create",
    });
    expect(
      decideSignIn({ identity: undefined, email, accountWithEmail: { id: 3, active: 1, identities: 0 } }),
    ).toEqual({ kind: "link", userId: 3 });
    // Already tied to another identity, or the address is not vouched for: no takeover.
    expect(
      decideSignIn({ identity: undefined, email, accountWithEmail: { id: 3, active: 1, identities: 1 } }),
    ).toEqual({ kind: "refuse", reason: "emailTaken" });
    expect(
      decideSignIn({
        identity: undefined,
        email: { ...email, verified: false },
        accountWithEmail: { id: 3, active: 1, identities: 0 },
      }),
    ).toEqual({ kind: "refuse", reason: "emailTaken" });
    expect(
      decideSignIn({ identity: undefined, email, accountWithEmail: { id: 3, active: 0, identities: 0 } }),
    ).toEqual({ kind: "refuse", reason: "deactivated" });
    expect(decideSignIn({ identity: undefined, email: null, accountWithEmail: undefined })).toEqual({
      kind: "refuse",
      reason: "noEmail",
    });
  });

  it("lets passwords in for everyone, administrators only, or nobody", () => {
    expect(localLoginAllows("all", { is_admin: 0 })).toBe(true);
    expect(localLoginAllows("admins", { is_admin: 0 })).toBe(false);
    expect(localLoginAllows("admins", { is_admin: 1 })).toBe(true);
    expect(localLoginAllows("off", { is_admin: 1 })).toBe(false);
  });
});
