import { z } from "zod";
import { siteTextKeys, siteTexts } from "./texts/site";

const A = siteTexts.admin;

/** One site text saved by an administrator; `version` is what the form was opened with. */
export const siteTextSchema = z.object({
  key: z.enum(siteTextKeys as [string, ...string[]], { error: A.unknown }),
  body: z
    .string({ error: A.required })
    .trim()
    .min(1, { error: A.required })
    .max(20_000, { error: A.tooLong }),
  version: z.coerce.number({ error: A.conflict }).int().min(0),
});
