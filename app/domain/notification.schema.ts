import { z } from "zod";
import { notificationKinds, type EmailMode, type NotificationKind } from "#workflows/notifications";
import { notificationCenterTexts as N } from "./texts/notification-center";
import { passwordResetTexts as R } from "./texts/password-reset";
import { MIN_PASSWORD_LENGTH } from "./profile.schema";
import { securityTexts } from "./texts/security";

const L = N.list;

/** "Merk som lest" on one row of /varsler. */
export const markReadSchema = z.strictObject(
  {
    intent: z.literal("read", { error: L.invalid }),
    id: z.coerce
      .number({ error: L.invalid })
      .int(L.invalid)
      .positive(L.invalid)
      .max(2 ** 53, L.invalid),
  },
  { error: L.invalid },
);

/** "Merk alle som lest". */
export const markAllReadSchema = z.strictObject(
  { intent: z.literal("readAll", { error: L.invalid }) },
  { error: L.invalid },
);

/** "Følg innspillet" / "Slutt å følge" on the proposal page. */
export const followSchema = z.strictObject(
  { intent: z.enum(["follow", "unfollow"], { error: L.invalid }) },
  { error: L.invalid },
);

const emailModes = ["immediate", "digest", "off"] as const satisfies readonly EmailMode[];
const mode = z.enum(emailModes, { error: N.preferences.invalid });

/** "Min profil → Varsler": one choice per kind of notification. */
export const preferencesSchema = z.strictObject(
  {
    intent: z.literal("preferences", { error: N.preferences.invalid }),
    ...(Object.fromEntries(notificationKinds.map((kind) => [kind, mode])) as Record<
      NotificationKind,
      typeof mode
    >),
  },
  { error: N.preferences.invalid },
);

export type PreferencesForm = z.infer<typeof preferencesSchema>;

/** The largest step limit an administrator may set (a year). */
export const MAX_STEP_LIMIT_DAYS = 365;

const S = N.stepLimits;
const days = z
  .number({ error: S.invalidDays })
  .int(S.invalidDays)
  .min(1, S.invalidDays)
  .max(MAX_STEP_LIMIT_DAYS, S.invalidDays)
  .optional();

/** The step limits form: days per state (empty: no limit), and the fingerprint of the limits the page showed. */
export function stepLimitsSchema(states: readonly string[]) {
  return z.strictObject(
    {
      fingerprint: z.string({ error: S.changed }).regex(/^[a-f0-9]{32}$/, S.changed),
      ...(Object.fromEntries(states.map((state) => [state, days])) as Record<string, typeof days>),
    },
    { error: S.invalidDays },
  );
}

/** "Glemt passord?": the e-mail alone. */
export const resetRequestSchema = z.strictObject(
  {
    email: z
      .string({ error: R.request.emailInvalid })
      .trim()
      .toLowerCase()
      .min(3, R.request.emailInvalid)
      .max(320, R.request.emailInvalid)
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/u, R.request.emailInvalid),
  },
  { error: R.request.emailInvalid },
);

const E = securityTexts.profile.errors;

/** A new password, twice, by the app's password rules (as in "Min profil"). */
export const newPasswordSchema = z
  .strictObject(
    {
      newPassword: z
        .string({ error: E.newRequired })
        .min(MIN_PASSWORD_LENGTH, E.tooShort)
        .max(200, E.tooLong),
      repeatPassword: z.string({ error: E.mismatch }),
    },
    { error: E.newRequired },
  )
  .refine((v) => v.newPassword === v.repeatPassword, { message: E.mismatch, path: ["repeatPassword"] });

export type NewPasswordForm = z.infer<typeof newPasswordSchema>;
