import { z } from "zod";
import { securityTexts } from "./texts/security";

const E = securityTexts.profile.errors;

/** The shortest password a user may choose for themselves. */
export const MIN_PASSWORD_LENGTH = 12;

/** Changing one's own password: the current one, and the new one twice. */
export const changePasswordSchema = z
  .strictObject({
    currentPassword: z
      .string({ error: E.currentRequired })
      .min(1, E.currentRequired)
      .max(1000, E.currentWrong),
    newPassword: z.string({ error: E.newRequired }).min(MIN_PASSWORD_LENGTH, E.tooShort).max(200, E.tooLong),
    repeatPassword: z.string({ error: E.mismatch }),
  })
  .refine((v) => v.newPassword === v.repeatPassword, { message: E.mismatch, path: ["repeatPassword"] })
  .refine((v) => v.newPassword !== v.currentPassword, { message: E.sameAsCurrent, path: ["newPassword"] });

export type ChangePasswordForm = z.infer<typeof changePasswordSchema>;
