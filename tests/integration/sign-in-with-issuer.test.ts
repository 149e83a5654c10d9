import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makeMunicipalities, makeUser } from "#db/factories";
import { createSignInRule } from "#db/repositories/identity.repository";
import type { SignInClaims } from "#workflows/sign-in";
import { signInWithIssuer } from "~/server/commands/sign-in-with-issuer.server";
import type { OidcIssuerConfig } from "~/server/oidc-config.server";
import { demoHash, testDb } from "../support/db";

/** The account side of signing in with an issuer, on a real SQLite database (the token is already validated). */
describe("signing in with an issuer's identity", () => {
  let db: DB;
  let m: Record<string, number>;
  const issuerUrl = "https://login.example/tenant/v2.0";
  const issuer: OidcIssuerConfig = {
    key: "nordby",
    issuer: new URL(issuerUrl),
    clientId: "client",
    clientSecret: "secret",
    redirectUrl: new URL("https://innspill.example/auth/oidc/nordby/callback"),
    scopes: "openid profile email",
    label: "Nordby",
    tenantId: undefined,
    trustEmail: true,
    postLogoutRedirectUrl: undefined,
    roleMapping: undefined,
  };
  const claims = (extra: Partial<SignInClaims> = {}): SignInClaims => ({
    iss: issuerUrl,
    sub: "pairwise",
    oid: "oid-1",
    name: "Per Person",
    email: "per@nordby.kommune.no",
    ...extra,
  });
  const now = "2026-11-30T08:00:00.000Z";
  const count = async (table: "user" | "user_identity") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeEach(async () => {
    db = await testDb();
    m = await makeMunicipalities(db, ["Nordby", "Sørvik"]);
    await createSignInRule(db, {
      kind: "domain",
      value: "nordby.kommune.no",
      municipalityId: m.Nordby!,
      at: now,
    });
    await createSignInRule(db, { kind: "issuer", value: issuerUrl, municipalityId: m.Sørvik!, at: now });
  });

  it("creates an account with the domain's municipality, then finds it by oid even after the e-mail changes", async () => {
    const first = await signInWithIssuer(db, { issuer, claims: claims(), now });
    expect(first).toMatchObject({ ok: true, how: "create" });
    const created = await db
      .selectFrom("user")
      .selectAll()
      .where("email", "=", "per@nordby.kommune.no")
      .executeTakeFirstOrThrow();
    expect(created.municipality_id).toBe(m.Nordby);
    expect(created.password_hash).toBe("");

    const second = await signInWithIssuer(db, {
      issuer,
      claims: claims({ email: "per.person@nordby.kommune.no", name: "Per P. Person" }),
      now,
    });
    expect(second).toMatchObject({ ok: true, how: "signIn", userId: created.id });
    const refreshed = await db
      .selectFrom("user")
      .selectAll()
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(refreshed.email).toBe("per.person@nordby.kommune.no");
    expect(refreshed.name).toBe("Per P. Person");
    expect(await count("user")).toBe(1);
  });

  it("gives the issuer's municipality when no domain rule matches", async () => {
    const result = await signInWithIssuer(db, { issuer, claims: claims({ email: "per@annet.no" }), now });
    expect(result.ok).toBe(true);
    const user = await db
      .selectFrom("user")
      .selectAll()
      .where("email", "=", "per@annet.no")
      .executeTakeFirstOrThrow();
    expect(user.municipality_id).toBe(m.Sørvik);
  });

  it("links a local account once; a second identity with the same address is refused and writes nothing", async () => {
    const local = await makeUser(db, {
      passwordHash: await demoHash(),
      name: "Per",
      email: "per@nordby.kommune.no",
    });
    expect(await signInWithIssuer(db, { issuer, claims: claims(), now })).toMatchObject({
      ok: true,
      how: "link",
      userId: local,
    });
    const users = await count("user");
    const identities = await count("user_identity");
    const other = await signInWithIssuer(db, { issuer, claims: claims({ oid: "oid-2" }), now });
    expect(other).toMatchObject({ ok: false, reason: "emailTaken" });
    expect([await count("user"), await count("user_identity")]).toEqual([users, identities]);
  });

  it("does not link when the issuer does not vouch for the address", async () => {
    await makeUser(db, { passwordHash: await demoHash(), name: "Per", email: "per@nordby.kommune.no" });
    const result = await signInWithIssuer(db, {
      issuer: { ...issuer, trustEmail: false },
      claims: claims(),
      now,
    });
    expect(result).toMatchObject({ ok: false, reason: "emailTaken" });
    expect(await count("user_identity")).toBe(0);
  });

  it("refuses a deactivated account and grants mapped roles only when configured", async () => {
    const mapped = { ...issuer, roleMapping: { claim: "roles", coordinator: "Innspill.Koordinator" } };
    const first = await signInWithIssuer(db, {
      issuer: mapped,
      claims: claims({ roles: ["Innspill.Koordinator"] }),
      now,
    });
    if (!first.ok) throw new Error("expected a sign-in");
    const user = await db
      .selectFrom("user")
      .selectAll()
      .where("id", "=", first.userId)
      .executeTakeFirstOrThrow();
    expect([user.is_coordinator, user.is_admin]).toEqual([1, 0]);

    await db.updateTable("user").set({ active: 0 }).where("id", "=", first.userId).execute();
    expect(await signInWithIssuer(db, { issuer, claims: claims(), now })).toMatchObject({
      ok: false,
      reason: "deactivated",
    });
  });
});
