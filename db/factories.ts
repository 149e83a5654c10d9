import type { Executor } from "./connection";
import { addMembership, createBody, createMunicipality } from "./repositories/organisation.repository";
import { createUser } from "./repositories/user.repository";
import type { BodyKind, MembershipRole } from "./schema";

/**
 * Builders shared by the demo seed and the tests, so both make data the same way.
 * Each takes the database (or a transaction) first.
 */

export async function makeMunicipalities(db: Executor, names: string[], validFrom = "2000-01-01") {
  const ids: Record<string, number> = {};
  for (const name of names) ids[name] = await createMunicipality(db, { name, validFrom });
  return ids;
}

/** The initials of a name's words ("Helse og velferd" → "HV"): a body's short code when none is given. */
export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => w && !["og", "i", "for", "av"].includes(w.toLowerCase()))
    .map((w) => w.charAt(0).toUpperCase())
    .join("");
}

export async function makeBody(
  db: Executor,
  kind: BodyKind,
  name: string,
  validFrom = "2019-01-01",
  shortCode = initialsOf(name),
) {
  return createBody(db, { kind, name, validFrom, shortCode });
}

let sequence = 0;

export async function makeUser(
  db: Executor,
  input: {
    passwordHash: string;
    name?: string;
    email?: string;
    isAdmin?: boolean;
    isCoordinator?: boolean;
    municipalityId?: number | null;
    active?: boolean;
  },
) {
  sequence += 1;
  return createUser(db, {
    email: input.email ?? `person${sequence}-${Date.now()}@test.invalid`,
    name: input.name ?? `Testperson ${sequence}`,
    password_hash: input.passwordHash,
    is_admin: input.isAdmin ? 1 : 0,
    is_coordinator: input.isCoordinator ? 1 : 0,
    active: input.active === false ? 0 : 1,
    municipality_id: input.municipalityId ?? null,
    created_at: new Date().toISOString(),
  });
}

export async function makeMembership(
  db: Executor,
  input: {
    userId: number;
    bodyId: number;
    role?: MembershipRole;
    municipalityId?: number | null;
    voteWeight?: number;
    validFrom?: string;
    validTo?: string | null;
  },
) {
  return addMembership(db, {
    userId: input.userId,
    bodyId: input.bodyId,
    role: input.role ?? "member",
    municipalityId: input.municipalityId ?? null,
    voteWeight: input.voteWeight ?? 0,
    validFrom: input.validFrom ?? "2019-01-01",
    validTo: input.validTo ?? null,
  });
}
