import { z } from "zod";
import { t } from "./texts";

const E = t.proposal.errors;

export const MAX_FILES = 5;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Allowed attachment types by extension; the stored content type comes from here, never from the client. */
export const attachmentTypes: Record<string, string> = {
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ppt: "application/vnd.ms-powerpoint",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odp: "application/vnd.oasis.opendocument.presentation",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
};

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

const longText = z.string().trim().max(10_000, E.textTooLong).optional().default("");

/** A chosen file (an empty file input arrives as a nameless, empty File and is dropped). */
const attachment = z
  .instanceof(File)
  .refine((f) => f.size <= MAX_FILE_BYTES, E.fileTooLarge)
  .refine((f) => extensionOf(f.name) in attachmentTypes, E.fileType);

/**
 * The proposal form, for the browser and the server alike. The lists of selectable
 * municipalities and groups come from the organisation data valid today.
 */
export function proposalSchema(choices: { municipalityIds: number[]; groupIds: number[] }) {
  return z
    .strictObject(
      {
        intent: z.enum(["draft", "submit"], { error: E.unknownField }),
        version: z.coerce.number().int().optional(),
        title: z.string({ error: E.titleRequired }).trim().min(1, E.titleRequired).max(200, E.titleTooLong),
        background: longText,
        problem: longText,
        solution: longText,
        benefits: longText,
        affected: longText,
        resources: longText,
        municipalityIds: z
          .array(z.coerce.number({ error: E.municipalityUnknown }), { error: E.municipalityRequired })
          .min(1, E.municipalityRequired)
          .max(50, E.municipalityUnknown)
          .refine((ids) => ids.every((id) => choices.municipalityIds.includes(id)), E.municipalityUnknown),
        suggestedGroupId: z.coerce
          .number({ error: E.groupUnknown })
          .refine((id) => choices.groupIds.includes(id), E.groupUnknown)
          .optional(),
        attachments: z
          .preprocess(
            (value) =>
              ([] as unknown[])
                .concat(value ?? [])
                .filter((f) => !(f instanceof File && f.name === "" && f.size === 0)),
            z.array(attachment).max(MAX_FILES, E.tooManyFiles),
          )
          .optional(),
      },
      { error: E.unknownField },
    )
    .superRefine(
      (value, ctx) => {
        if (value.intent !== "submit") return;
        for (const key of ["background", "problem", "solution"] as const) {
          const text = value[key];
          if (typeof text !== "string" || text.trim() === "")
            ctx.addIssue({ code: "custom", path: [key], message: E.submitRequired });
        }
      },
      // Also when other fields failed: an empty submit names every missing field in one round.
      { when: () => true },
    );
}

export type ProposalForm = z.infer<ReturnType<typeof proposalSchema>>;
