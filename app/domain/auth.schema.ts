import { z } from "zod";
import { t } from "./texts";

export const loginSchema = z.object({
  email: z
    .string({ error: t.login.emailRequired })
    .trim()
    .min(1, t.login.emailRequired)
    .max(320, t.login.invalid),
  password: z
    .string({ error: t.login.passwordRequired })
    .min(1, t.login.passwordRequired)
    .max(1000, t.login.invalid),
  redirectTo: z.string().max(2000).optional(),
});
