import { isoDateSchema } from "./date.schema";
import { z } from "zod";
import { adminTexts } from "./texts/admin";

const E = adminTexts.errors;

export const bodyKinds = ["group", "committee", "board"] as const;
export const membershipRoles = ["leader", "member", "secretary", "chair", "union_rep"] as const;

const isoDate = isoDateSchema({ required: E.dateRequired, invalid: E.dateInvalid });

const name = z.string({ error: E.nameRequired }).trim().min(1, E.nameRequired).max(200, E.nameTooLong);

/** An id chosen from a list the page offered; anything else is a field error, never a database error. */
function idIn(ids: readonly number[], required: string, unknown: string) {
  return z
    .string({ error: required })
    .regex(/^\d{1,12}$/, unknown)
    .transform(Number)
    .refine((id) => ids.includes(id), unknown);
}

const intent = <T extends string>(value: T) => z.literal(value, { error: E.unknownIntent });

/** A ticked checkbox arrives as "on", an unticked one not at all. */
const checkbox = z
  .literal("on", { error: E.unknownField })
  .optional()
  .transform((v) => v === "on");

const strict = { error: E.unknownField };

export const addMunicipalitySchema = z.strictObject(
  { intent: intent("addMunicipality"), name, validFrom: isoDate },
  strict,
);

export function endMunicipalitySchema(municipalityIds: readonly number[]) {
  return z.strictObject(
    {
      intent: intent("endMunicipality"),
      municipalityId: idIn(municipalityIds, E.unknownRecord, E.unknownRecord),
      validTo: isoDate,
    },
    strict,
  );
}

export const addBodySchema = z.strictObject(
  {
    intent: intent("addBody"),
    kind: z.enum(bodyKinds, { error: E.kindRequired }),
    name,
    validFrom: isoDate,
  },
  strict,
);

/** A body name's short code in case references ("SR-sak 1/2026"): 1 to 6 capital letters or digits. */
const shortCode = z
  .string({ error: E.shortCodeRequired })
  .trim()
  .min(1, E.shortCodeRequired)
  .regex(/^[A-ZÆØÅ0-9]{1,6}$/, E.shortCodeInvalid);

export const signingRules = ["chair", "chairAndOne", "chairAndTwo", "allPresent"] as const;

export const renameBodySchema = z.strictObject(
  { intent: intent("rename"), name, validFrom: isoDate, shortCode: shortCode.optional() },
  strict,
);

/**
 * The body's signing rule and its current name's short code. `fingerprint` is a digest of both as
 * the form was shown; the command refuses the save when either has changed since.
 */
export const bodySettingsSchema = z.strictObject(
  {
    intent: intent("settings"),
    signingRule: z.enum(signingRules, { error: E.signingRuleRequired }),
    shortCode,
    fingerprint: z.string({ error: E.unknownField }).regex(/^[a-f0-9]{32}$/, E.unknownField),
  },
  strict,
);

export const closeBodySchema = z.strictObject({ intent: intent("close"), validTo: isoDate }, strict);

/** A vote weight: a number of 0 or more; a Norwegian decimal comma is accepted. */
const voteWeight = z
  .string({ error: E.voteWeightInvalid })
  .trim()
  .regex(/^\d{1,4}([.,]\d{1,3})?$/, E.voteWeightInvalid)
  .transform((s) => Number(s.replace(",", ".")))
  .refine((n) => n <= 1000, E.voteWeightInvalid);

export function addMembershipSchema(choices: {
  userIds: readonly number[];
  municipalityIds: readonly number[];
}) {
  return z
    .strictObject(
      {
        intent: intent("addMembership"),
        userId: idIn(choices.userIds, E.userRequired, E.userUnknown),
        role: z.enum(membershipRoles, { error: E.roleRequired }),
        municipalityId: idIn(
          choices.municipalityIds,
          E.municipalityUnknown,
          E.municipalityUnknown,
        ).optional(),
        voteWeight: voteWeight.optional(),
        validFrom: isoDate,
        validTo: isoDate.optional(),
      },
      strict,
    )
    .superRefine((value, ctx) => {
      if (value.validTo && value.validTo <= value.validFrom)
        ctx.addIssue({ code: "custom", path: ["validTo"], message: E.validToAfterFrom });
    });
}

export function endMembershipSchema(membershipIds: readonly number[]) {
  return z.strictObject(
    {
      intent: intent("endMembership"),
      membershipId: idIn(membershipIds, E.unknownRecord, E.unknownRecord),
      validTo: isoDate,
    },
    strict,
  );
}

const email = z
  .string({ error: E.emailRequired })
  .trim()
  .toLowerCase()
  .min(1, E.emailRequired)
  .max(320, E.emailInvalid)
  .regex(/^[^\s@<>"(),;:[\]\\]{1,64}@[^\s@<>"(),;:[\]\\]+\.[^\s@<>"(),;:[\]\\.]{2,}$/u, E.emailInvalid);

const password = z
  .string({ error: E.passwordRequired })
  .min(8, E.passwordTooShort)
  .max(200, E.passwordTooLong);

function accountFields(municipalityIds: readonly number[]) {
  return {
    name,
    email,
    municipalityId: idIn(municipalityIds, E.municipalityUnknown, E.municipalityUnknown).optional(),
    isAdmin: checkbox,
    isCoordinator: checkbox,
  };
}

export function createUserSchema(municipalityIds: readonly number[]) {
  return z.strictObject({ ...accountFields(municipalityIds), password }, strict);
}

/**
 * Editing an account. `fingerprint` is a digest of the account as the form was shown; the
 * command refuses the save when the account has changed since (see admin-users.server.ts).
 */
export function editUserSchema(municipalityIds: readonly number[]) {
  return z.strictObject(
    {
      intent: intent("save"),
      ...accountFields(municipalityIds),
      password: password.optional(),
      fingerprint: z.string({ error: E.unknownField }).regex(/^[a-f0-9]{32}$/, E.unknownField),
    },
    strict,
  );
}

export const userStatusSchema = z.strictObject(
  { intent: z.enum(["deactivate", "reactivate"], { error: E.unknownIntent }) },
  strict,
);

export type AddMembershipForm = z.infer<ReturnType<typeof addMembershipSchema>>;
export type CreateUserForm = z.infer<ReturnType<typeof createUserSchema>>;
export type EditUserForm = z.infer<ReturnType<typeof editUserSchema>>;
