import { isoDateSchema } from "#workflows/dates";
import { z } from "zod";
import { meetingTexts } from "./texts/meetings";

/**
 * The forms of meetings, shared by the browser (Conform) and the server. The commands check
 * again what only the database knows (who is a member, what the proposal's state is).
 */

const E = meetingTexts.errors;

const isoDate = isoDateSchema({ required: E.dateRequired, format: E.dateRequired, invalid: E.dateInvalid });

const clock = z
  .string({ error: E.timeRequired })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, E.timeRequired);

const longText = (max = 20_000) => z.string().trim().max(max, E.textTooLong).optional().default("");

const id = (message: string) => z.coerce.number({ error: message }).int(message).positive(message);

const version = z.coerce
  .number({ error: "Ugyldig skjema: last siden på nytt." })
  .int("Ugyldig skjema: last siden på nytt.")
  .min(0, "Ugyldig skjema: last siden på nytt.");

const checkbox = z
  .enum(["on", "true", "1"])
  .optional()
  .transform((v) => v !== undefined);

/** Planning a meeting, or changing its time and place. */
export function meetingSchema(bodyIds: number[]) {
  return z
    .strictObject(
      {
        intent: z.literal("plan").optional(),
        version: version.optional(),
        bodyId: id(E.bodyRequired).refine((v) => bodyIds.includes(v), E.bodyRequired),
        date: isoDate,
        startTime: clock,
        endTime: clock.optional(),
        place: z.string().trim().max(200, "Møtestedet kan være høyst 200 tegn.").optional().default(""),
        videoLink: z
          .string()
          .trim()
          .max(500, E.linkInvalid)
          .regex(/^https:\/\/\S+$/, E.linkInvalid)
          .optional(),
      },
      { error: "Skjemaet inneholdt ukjente felt." },
    )
    .superRefine((value, ctx) => {
      if (!value.place && !value.videoLink)
        ctx.addIssue({ code: "custom", path: ["place"], message: E.placeRequired });
      if (value.endTime && value.endTime <= value.startTime)
        ctx.addIssue({ code: "custom", path: ["endTime"], message: E.timeOrder });
    });
}

export type MeetingForm = z.infer<ReturnType<typeof meetingSchema>>;

const exemptFields = {
  exempt: checkbox,
  exemptBasis: z.string().trim().max(200, "Hjemmelen kan være høyst 200 tegn.").optional(),
};

function requireBasis(value: { exempt: boolean; exemptBasis?: string }, ctx: z.RefinementCtx) {
  if (value.exempt && !value.exemptBasis)
    ctx.addIssue({ code: "custom", path: ["exemptBasis"], message: E.exemptBasisRequired });
}

/** Putting a case on the agenda: a waiting proposal, a deferred case, or another case. */
export const addCaseSchema = z
  .strictObject(
    {
      intent: z.literal("addCase"),
      version,
      kind: z.enum(["proposal", "other"], { error: "Velg type sak." }),
      proposalId: id(E.proposalRequired).optional(),
      deferredFromId: id("Velg en utsatt sak fra listen.").optional(),
      title: z.string().trim().max(200, E.titleTooLong).optional(),
      presentation: longText(),
      recommendation: longText(),
      ...exemptFields,
    },
    { error: "Skjemaet inneholdt ukjente felt." },
  )
  .superRefine((value, ctx) => {
    if (value.kind === "proposal" && value.proposalId === undefined)
      ctx.addIssue({ code: "custom", path: ["proposalId"], message: E.proposalRequired });
    if (value.kind === "other" && !value.title && value.deferredFromId === undefined)
      ctx.addIssue({ code: "custom", path: ["title"], message: E.titleRequired });
    requireBasis(value, ctx);
  });

export type AddCaseForm = z.infer<typeof addCaseSchema>;

/** Editing a case's texts. */
export const editCaseSchema = z
  .strictObject(
    {
      version,
      title: z.string({ error: E.titleRequired }).trim().min(1, E.titleRequired).max(200, E.titleTooLong),
      presentation: longText(),
      recommendation: longText(),
      ...exemptFields,
    },
    { error: "Skjemaet inneholdt ukjente felt." },
  )
  .superRefine(requireBasis);

export type EditCaseForm = z.infer<typeof editCaseSchema>;

const reason = (message: string) =>
  z.string({ error: message }).trim().min(1, message).max(5000, "Teksten kan være høyst 5000 tegn.");

/** The small forms of the meeting page, told apart by their intent. */
const unknownFields = { error: "Skjemaet inneholdt ukjente felt." };

export const meetingActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.strictObject({ intent: z.literal("publishNotice"), version }, unknownFields),
    z.strictObject({ intent: z.literal("approveProtocol"), version }, unknownFields),
    z.strictObject({ intent: z.literal("publishProtocol"), version }, unknownFields),
    z.strictObject({ intent: z.literal("cancel"), version, reason: reason(E.reasonRequired) }, unknownFields),
    z.strictObject(
      { intent: z.literal("addendum"), version, text: reason(E.addendumRequired) },
      unknownFields,
    ),
    z.strictObject({ intent: z.literal("removeCase"), version, itemId: id(E.caseUnknown) }, unknownFields),
    z.strictObject(
      {
        intent: z.literal("conflict"),
        version,
        itemId: id(E.caseUnknown),
        userId: id(E.conflictMember),
        reason: z.string().trim().max(2000, "Teksten kan være høyst 2000 tegn.").optional().default(""),
      },
      unknownFields,
    ),
  ],
  { error: "Ukjent handling." },
);

export type MeetingAction = z.infer<typeof meetingActionSchema>;

const voteChoice = z.enum(["for", "against", "abstain", ""], { error: "Velg for, mot eller avstår." });

/** Recording a decision: outcome, text, and a vote per member (`vote-<userId>`), or "unanimous". */
export const decisionSchema = z.strictObject(
  {
    intent: z.literal("decision"),
    mode: z.enum(["votes", "unanimous"]).optional().default("votes"),
    version,
    itemId: id(E.caseUnknown),
    proposalVersion: version.optional(),
    outcome: z
      .string({ error: E.outcomeRequired })
      .trim()
      .min(1, E.outcomeRequired)
      .max(40, E.outcomeRequired),
    text: z
      .string({ error: E.decisionTextRequired })
      .trim()
      .min(1, E.decisionTextRequired)
      .max(5000, "Vedtaket kan være høyst 5000 tegn."),
    motions: longText(),
    votes: z.record(z.string().regex(/^\d+$/), voteChoice).optional().default({}),
  },
  { error: "Skjemaet inneholdt ukjente felt." },
);

export type DecisionForm = z.infer<typeof decisionSchema>;

/** Attendance: per member `status-<userId>` (present/absent) and optionally `sub-<userId>` (a substitute). */
export const attendanceSchema = z.strictObject(
  {
    intent: z.literal("attendance"),
    version,
    status: z.record(
      z.string().regex(/^\d+$/),
      z.enum(["present", "absent"], { error: E.attendanceUnknown }),
    ),
    sub: z
      .record(z.string().regex(/^\d+$/), z.union([z.literal(""), z.coerce.number().int().positive()]))
      .optional()
      .default({}),
  },
  { error: "Skjemaet inneholdt ukjente felt." },
);

export type AttendanceForm = z.infer<typeof attendanceSchema>;

/**
 * Gathers `prefix-<id>` fields of a posted form into `{ [bucket]: { id: value } }`, so dynamic
 * per-member fields can be parsed by a fixed schema: `{ vote: "votes" }` puts `vote-12` in `votes`.
 */
export function groupDynamicFields(
  entries: Record<string, FormDataEntryValue>,
  buckets: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entries)) {
    const match = /^([a-z]+)-(\d+)$/.exec(key);
    const bucket = match ? buckets[match[1]!] : undefined;
    if (match && bucket) {
      const into = (result[bucket] ??= {}) as Record<string, unknown>;
      into[match[2]!] = value;
    } else {
      result[key] = value;
    }
  }
  return result;
}
