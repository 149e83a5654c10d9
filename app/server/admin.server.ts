import { addDays, today } from "#workflows/dates";
import {
  getBody,
  listAllBodyNames,
  listBodies,
  listBodyNames,
  listMembershipsOfBody,
  listMembershipsOfUser,
  listMunicipalities,
} from "#db/repositories/organisation.repository";
import { identitiesOfUser } from "#db/repositories/identity.repository";
import { getUser, listUsers } from "#db/repositories/user.repository";
import type { BodyKind } from "#db/schema";
import { validityOn } from "~/domain/validity";
import { signingRuleOf } from "#workflows/signing";
import { bodySettingsFingerprint } from "./commands/admin-organisation.server";
import { accountFingerprint } from "./commands/admin-users.server";
import { db } from "./db.server";

/**
 * A body's names as periods: each holds until the day before the next one begins. The current
 * one is the latest begun by `on` (or the first, before any has begun), as the repository names it.
 */
function namePeriods(names: { id: number; name: string; valid_from: string }[], on: string) {
  const begun = names.filter((n) => n.valid_from <= on);
  const currentId = (begun[begun.length - 1] ?? names[0])?.id;
  return names.map((n, i) => ({
    id: n.id,
    name: n.name,
    valid_from: n.valid_from,
    last_day: names[i + 1] ? addDays(names[i + 1]!.valid_from, -1) : null,
    current: n.id === currentId,
  }));
}

const kindOrder: BodyKind[] = ["board", "committee", "group"];

/** Municipalities and bodies, each with its validity, and each body's names over time. */
export async function organisationPage() {
  const on = today();
  const [municipalities, bodies, names] = await Promise.all([
    listMunicipalities(db()),
    listBodies(db(), { on }),
    listAllBodyNames(db()),
  ]);
  return {
    municipalities: municipalities.map((m) => ({ ...m, status: validityOn(m, on) })),
    bodiesByKind: kindOrder.map((kind) => ({
      kind,
      bodies: bodies
        .filter((b) => b.kind === kind)
        .map((b) => ({
          ...b,
          status: validityOn(b, on),
          earlierNames: namePeriods(
            names.filter((n) => n.body_id === b.id),
            on,
          ).filter((n) => !n.current),
        })),
    })),
  };
}

/** One body: its name today, every name it has had, its memberships, and what the forms may choose from. */
export async function bodyPage(bodyId: number) {
  const on = today();
  const body = await getBody(db(), bodyId, on);
  if (!body) return null;
  const [names, memberships, users, municipalities] = await Promise.all([
    listBodyNames(db(), bodyId),
    listMembershipsOfBody(db(), bodyId),
    listUsers(db()),
    listMunicipalities(db()),
  ]);
  return {
    body: { ...body, status: validityOn(body, on) },
    settings: {
      signingRule: signingRuleOf(body.kind, body.signing_rule),
      shortCode: body.code,
      fingerprint: bodySettingsFingerprint(body),
    },
    names: namePeriods(names, on),
    memberships: memberships.map((m) => ({ ...m, status: validityOn(m, on) })),
    users: users.filter((u) => u.active === 1).map((u) => ({ id: u.id, name: u.name, email: u.email })),
    municipalities: municipalities.map((m) => ({ id: m.id, name: m.name, status: validityOn(m, on) })),
  };
}

/** Municipalities an account may belong to (ended ones too, so an old account can be kept as it was). */
export async function municipalityChoices() {
  const on = today();
  const rows = await listMunicipalities(db());
  return rows.map((m) => ({ id: m.id, name: m.name, status: validityOn(m, on) }));
}

export function usersPage() {
  return listUsers(db());
}

/** An account as the edit form shows it, with the fingerprint that guards the save. */
export async function userEditPage(userId: number) {
  const user = await getUser(db(), userId);
  if (!user) return null;
  const [municipalities, memberships, identities] = await Promise.all([
    municipalityChoices(),
    listMembershipsOfUser(db(), userId),
    identitiesOfUser(db(), userId),
  ]);
  const on = today();
  return {
    user: { ...user, fingerprint: accountFingerprint(user) },
    municipalities,
    memberships: memberships.map((m) => ({ ...m, status: validityOn(m, on) })),
    identities,
  };
}
