import type { DB } from "#db/connection";
import {
  countIdentitiesOfUser,
  createIdentity,
  findIdentity,
  listSignInRules,
  touchIdentity,
} from "#db/repositories/identity.repository";
import { createUser, findUserByEmail, updateUser } from "#db/repositories/user.repository";
import type { UserUpdate } from "#db/schema";
import { osloDate } from "#workflows/dates";
import {
  decideSignIn,
  emailOf,
  municipalityFor,
  nameOf,
  normaliseIssuer,
  rolesGranted,
  subjectOf,
  type SignInClaims,
} from "#workflows/sign-in";
import type { OidcIssuerConfig } from "../oidc-config.server";

export type SignInOutcome =
  | { ok: true; userId: number; how: "signIn" | "link" | "create" }
  | { ok: false; reason: "deactivated" | "emailTaken" | "noEmail"; detail: string };

/**
 * Signs in the person an issuer vouched for (the ID token is already validated): finds the
 * account of the identity (issuer + subject), or links the local account with the same verified
 * e-mail once, or creates an employee account with the municipality the organisation's rules
 * give. Name and e-mail are refreshed from the claims; a configured role claim may grant the
 * coordinator and admin roles. All in one transaction: a refusal writes nothing.
 */
export async function signInWithIssuer(
  database: DB,
  input: { issuer: OidcIssuerConfig; claims: SignInClaims; now: string },
): Promise<SignInOutcome> {
  const { claims, now } = input;
  const issuer = normaliseIssuer(claims.iss);
  const subject = subjectOf(claims);
  const email = emailOf(claims, input.issuer.trustEmail);
  return database.transaction().execute(async (trx): Promise<SignInOutcome> => {
    const identity = await findIdentity(trx, issuer, subject);
    const holder = email ? await findUserByEmail(trx, email.email) : undefined;
    const decision = decideSignIn({
      identity,
      email,
      accountWithEmail: holder && {
        id: holder.id,
        active: holder.active,
        identities: await countIdentitiesOfUser(trx, holder.id),
      },
    });
    const who = `${issuer} ${subject}`;
    if (decision.kind === "refuse") return { ok: false, reason: decision.reason, detail: who };

    const roles = rolesGranted(input.issuer.roleMapping, claims);
    const grants: UserUpdate = {};
    if (roles.admin) grants.is_admin = 1;
    if (roles.coordinator) grants.is_coordinator = 1;
    const name = nameOf(claims, email?.email ?? "");

    if (decision.kind === "create") {
      const address = email!.email;
      const rules = await listSignInRules(trx);
      const userId = await createUser(trx, {
        email: address,
        name,
        // No password: the account signs in through its issuer (an admin may set one later).
        password_hash: "",
        municipality_id: municipalityFor(
          rules.map((r) => ({
            ...r,
            ended: r.municipality_valid_to !== null && r.municipality_valid_to <= osloDate(now),
          })),
          { issuer, email: address },
        ),
        is_admin: grants.is_admin ?? 0,
        is_coordinator: grants.is_coordinator ?? 0,
        created_at: now,
      });
      await createIdentity(trx, { userId, issuer, subject, how: "created", email: address, at: now });
      return { ok: true, userId, how: "create" };
    }

    if (decision.kind === "link") {
      await createIdentity(trx, {
        userId: decision.userId,
        issuer,
        subject,
        how: "linked",
        email: email!.email,
        at: now,
      });
      await updateUser(trx, decision.userId, { name, ...grants });
      return { ok: true, userId: decision.userId, how: "link" };
    }

    // The identity's own account: refresh what the issuer knows better than we do.
    const refresh: UserUpdate = { ...grants };
    if (name !== identity!.name) refresh.name = name;
    if (email && email.email !== identity!.email) {
      // Another account already has the new address: keep the old one rather than take it.
      if (!holder) refresh.email = email.email;
    }
    if (Object.keys(refresh).length > 0) await updateUser(trx, decision.userId, refresh);
    await touchIdentity(trx, identity!.id, now);
    return { ok: true, userId: decision.userId, how: "signIn" };
  });
}
