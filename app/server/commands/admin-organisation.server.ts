import { createHash } from "node:crypto";
import type { DB, Executor } from "#db/connection";
import {
  addMembership as insertMembership,
  closeBody as closeBodyRow,
  createBody,
  createMunicipality,
  endMembership as endMembershipRow,
  endMunicipality as endMunicipalityRow,
  findMunicipalityByName,
  getBody,
  getMembership,
  getMunicipality,
  listBodies,
  renameBody as insertBodyName,
  setShortCodeOn,
  setSigningRule,
  type BodyOnDate,
} from "#db/repositories/organisation.repository";
import { getUser } from "#db/repositories/user.repository";
import type { BodyKind, MembershipRole, SigningRule } from "#db/schema";
import { signingRuleOf } from "#workflows/signing";
import { formatDate } from "~/domain/texts";
import { adminTexts } from "~/domain/texts/admin";
import { refuse, refuseField, runCommand, type CommandResult } from "./result.server";

const E = adminTexts.errors;

const missing = (): never => refuse(404);

/** Adds a member municipality from a date; names are unique. */
export function addMunicipality(
  database: DB,
  input: { name: string; validFrom: string },
): Promise<CommandResult<{ id: number }>> {
  return runCommand(database, async (trx) => {
    if (await findMunicipalityByName(trx, input.name)) refuseField("name", E.municipalityNameTaken);
    return { id: await createMunicipality(trx, input) };
  });
}

/** Ends a municipality's membership of the collaboration from a date (the first day it no longer counts). */
export function endMunicipality(
  database: DB,
  input: { municipalityId: number; validTo: string },
): Promise<CommandResult<{ id: number }>> {
  return runCommand(database, async (trx) => {
    const municipality = await getMunicipality(trx, input.municipalityId);
    if (!municipality) return refuseField("municipalityId", E.unknownRecord);
    if (municipality.valid_to) refuseField("validTo", E.alreadyEnded);
    if (input.validTo <= municipality.valid_from)
      refuseField("validTo", E.endAfterStart(formatDate(municipality.valid_from)));
    await endMunicipalityRow(trx, municipality.id, input.validTo);
    return { id: municipality.id };
  });
}

/** Creates a body (specialist group, committee or board) with its first name. */
export function addBody(
  database: DB,
  input: { kind: BodyKind; name: string; validFrom: string },
): Promise<CommandResult<{ id: number }>> {
  return runCommand(database, async (trx) => ({ id: await createBody(trx, input) }));
}

/**
 * A digest of what the settings form shows of a body: its signing rule (as in force) and its
 * current short code. The body has no version column, so the form carries this digest and the
 * save is refused (409) when the body no longer matches it: two admins cannot silently overwrite
 * each other.
 */
export function bodySettingsFingerprint(body: BodyOnDate): string {
  const shown = [signingRuleOf(body.kind, body.signing_rule), body.code];
  return createHash("sha256").update(JSON.stringify(shown)).digest("hex").slice(0, 32);
}

/** Refuses a short code another body's current name already has. */
async function checkShortCodeFree(trx: Executor, bodyId: number, shortCode: string) {
  const others = await listBodies(trx);
  if (others.some((b) => b.id !== bodyId && b.code === shortCode)) refuseField("shortCode", E.shortCodeTaken);
}

/**
 * Sets a body's signing rule and its current name's short code. Protocols approved afterwards
 * are signed by the new rule; cases already numbered keep their references.
 */
export function saveBodySettings(
  database: DB,
  input: { bodyId: number; signingRule: SigningRule; shortCode: string; fingerprint: string },
): Promise<CommandResult<{ id: number }>> {
  return runCommand(database, async (trx) => {
    const body = (await getBody(trx, input.bodyId)) ?? missing();
    if (bodySettingsFingerprint(body) !== input.fingerprint) refuse(409, E.settingsChanged);
    await checkShortCodeFree(trx, body.id, input.shortCode);
    await setSigningRule(trx, body.id, input.signingRule);
    await setShortCodeOn(trx, body.id, input.shortCode);
    return { id: body.id };
  });
}

/**
 * Gives a body a new name from a date. Anything dated earlier keeps the earlier name, so a
 * 2021 case of "Bestillerutvalget" still says so after it becomes "Porteføljerådet" in 2023.
 */
export function renameBody(
  database: DB,
  input: { bodyId: number; name: string; validFrom: string; shortCode?: string },
): Promise<CommandResult<{ id: number }>> {
  return runCommand(database, async (trx) => {
    const body = (await getBody(trx, input.bodyId)) ?? missing();
    if (input.shortCode !== undefined) await checkShortCodeFree(trx, body.id, input.shortCode);
    if (input.validFrom < body.valid_from)
      refuseField("validFrom", E.renameBeforeStart(formatDate(body.valid_from)));
    if (body.valid_to && input.validFrom >= body.valid_to)
      refuseField("validFrom", E.renameAfterClose(formatDate(body.valid_to)));
    await insertBodyName(trx, input);
    return { id: body.id };
  });
}

/** Closes a body from a date; its names, memberships and history stay. */
export function closeBody(
  database: DB,
  input: { bodyId: number; validTo: string },
): Promise<CommandResult<{ id: number }>> {
  return runCommand(database, async (trx) => {
    const body = (await getBody(trx, input.bodyId)) ?? missing();
    if (body.valid_to) refuseField("validTo", E.alreadyEnded);
    if (input.validTo <= body.valid_from)
      refuseField("validTo", E.endAfterStart(formatDate(body.valid_from)));
    await closeBodyRow(trx, body.id, input.validTo);
    return { id: body.id };
  });
}

/**
 * Adds a person to a body. The membership must begin while the body exists, and a represented
 * municipality must be a member on that day.
 */
export function addMembership(
  database: DB,
  input: {
    bodyId: number;
    userId: number;
    role: MembershipRole;
    municipalityId?: number;
    voteWeight?: number;
    validFrom: string;
    validTo?: string;
  },
): Promise<CommandResult<{ id: number }>> {
  return runCommand(database, async (trx) => {
    const body = (await getBody(trx, input.bodyId)) ?? missing();
    const user = await getUser(trx, input.userId);
    if (!user || user.active !== 1) refuseField("userId", E.userUnknown);
    if (input.validFrom < body.valid_from || (body.valid_to && input.validFrom >= body.valid_to))
      refuseField("validFrom", E.membershipOutsideBody);
    if (input.validTo !== undefined && input.validTo <= input.validFrom)
      refuseField("validTo", E.validToAfterFrom);
    if (input.municipalityId !== undefined) {
      const municipality = await getMunicipality(trx, input.municipalityId);
      if (!municipality) return refuseField("municipalityId", E.municipalityUnknown);
      const activeThen =
        municipality.valid_from <= input.validFrom &&
        (municipality.valid_to === null || municipality.valid_to > input.validFrom);
      if (!activeThen) refuseField("municipalityId", E.municipalityInactive);
    }
    return {
      id: await insertMembership(trx, {
        userId: input.userId,
        bodyId: body.id,
        role: input.role,
        municipalityId: input.municipalityId ?? null,
        voteWeight: input.voteWeight ?? 0,
        validFrom: input.validFrom,
        validTo: input.validTo ?? null,
      }),
    };
  });
}

/** Ends a membership of this body from a date (the first day it no longer holds). */
export function endMembership(
  database: DB,
  input: { bodyId: number; membershipId: number; validTo: string },
): Promise<CommandResult<{ id: number }>> {
  return runCommand(database, async (trx) => {
    const membership = await getMembership(trx, input.membershipId);
    if (!membership || membership.body_id !== input.bodyId)
      return refuseField("membershipId", E.unknownRecord);
    if (membership.valid_to) refuseField("validTo", E.alreadyEnded);
    if (input.validTo <= membership.valid_from)
      refuseField("validTo", E.endAfterStart(formatDate(membership.valid_from)));
    await endMembershipRow(trx, membership.id, input.validTo);
    return { id: membership.id };
  });
}
