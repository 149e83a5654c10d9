import { isoDateSchema } from "./date.schema";
import { z } from "zod";
import { meetingTexts } from "./texts/meetings";
import { recordTexts } from "./texts/records";

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

const version = z.coerce.number({ error: E.staleForm }).int(E.staleForm).min(0, E.staleForm);

const unknownFieldsMessage = { error: E.unknownFields };

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
        place: z.string().trim().max(200, E.placeTooLong).optional().default(""),
        videoLink: z
          .string()
          .trim()
          .max(500, E.linkInvalid)
          .regex(/^https:\/\/\S+$/, E.linkInvalid)
          .optional(),
      },
      unknownFieldsMessage,
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
  exemptBasis: z.string().trim().max(200, E.basisTooLong).optional(),
  /** Why an exemption that follows the matter (or the case's own) is lifted. */
  liftReason: z.string().trim().max(2000, E.textTooLong).optional(),
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
      kind: z.enum(["proposal", "other"], { error: E.kindRequired }),
      proposalId: id(E.proposalRequired).optional(),
      deferredFromId: id(E.deferredUnknown).optional(),
      /** Lift the exemption an earlier case of the same matter would give this one (needs `liftReason`). */
      liftExemption: checkbox,
      title: z.string().trim().max(200, E.titleTooLong).optional(),
      presentation: longText(),
      recommendation: longText(),
      ...exemptFields,
    },
    unknownFieldsMessage,
  )
  .superRefine((value, ctx) => {
    if (value.kind === "proposal" && value.proposalId === undefined)
      ctx.addIssue({ code: "custom", path: ["proposalId"], message: E.proposalRequired });
    if (value.kind === "other" && !value.title && value.deferredFromId === undefined)
      ctx.addIssue({ code: "custom", path: ["title"], message: E.titleRequired });
    requireBasis(value, ctx);
    if (value.liftExemption && !value.liftReason)
      ctx.addIssue({ code: "custom", path: ["liftReason"], message: recordTexts.exempt.liftReasonRequired });
  });

export type AddCaseForm = Omit<z.infer<typeof addCaseSchema>, "liftExemption"> & { liftExemption?: boolean };

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
    unknownFieldsMessage,
  )
  .superRefine(requireBasis);

export type EditCaseForm = z.infer<typeof editCaseSchema>;

const reason = (message: string) =>
  z.string({ error: message }).trim().min(1, message).max(5000, E.reasonTooLong5000);

const unknownFields = { error: E.unknownFields };
const userKey = z.string().regex(/^\d+$/);

/** Conform leaves values inside a record as posted: an empty choice is "". */
const voteChoice = z.enum(["for", "against", "abstain", ""], { error: E.voteChoice });

/** Recording a decision: outcome, text, and a vote per voter (`votes.<userId>`), or "unanimous". */
const decisionFields = z.strictObject(
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
      .max(5000, E.decisionTooLong),
    motions: longText(),
    /** A member left without a choice does not vote. */
    votes: z.record(userKey, voteChoice).optional().default({}),
  },
  unknownFields,
);

/** Attendance: per member `status.<userId>` (present/absent) and optionally `sub.<userId>` (a substitute). */
const attendanceFields = z.strictObject(
  {
    intent: z.literal("attendance"),
    version,
    status: z.record(userKey, z.enum(["present", "absent"], { error: E.attendanceUnknown }), {
      error: E.attendanceUnknown,
    }),
    sub: z
      .record(
        userKey,
        z.union(
          [
            z.literal(""),
            z.coerce.number({ error: E.substituteFor }).int(E.substituteFor).positive(E.substituteFor),
          ],
          { error: E.substituteFor },
        ),
      )
      .optional()
      .default({}),
  },
  unknownFields,
);

const caseFields = <I extends string>(intent: I) => ({
  intent: z.literal(intent),
  version,
  itemId: id(E.caseUnknown),
});

/**
 * Every form of the meeting page, told apart by its intent. The transform hands the commands
 * what they take: the votes as a list (or "unanimous"), attendance as members and substitutes.
 */
export const meetingPageSchema = z
  .discriminatedUnion(
    "intent",
    [
      z.strictObject({ intent: z.literal("publishNotice"), version }, unknownFields),
      z.strictObject(
        {
          intent: z.literal("approveProtocol"),
          version,
          // Members chosen in the meeting to sign with the chair, as `signers.<userId>=on`.
          signers: z
            .record(userKey, z.literal("on", { error: E.caseUnknown }))
            .optional()
            .default({}),
        },
        unknownFields,
      ),
      z.strictObject({ intent: z.literal("sign"), version }, unknownFields),
      z.strictObject({ intent: z.literal("publishProtocol"), version }, unknownFields),
      z.strictObject(
        { intent: z.literal("cancel"), version, reason: reason(E.reasonRequired) },
        unknownFields,
      ),
      z.strictObject(
        { intent: z.literal("addendum"), version, text: reason(E.addendumRequired) },
        unknownFields,
      ),
      z.strictObject(caseFields("removeCase"), unknownFields),
      z.strictObject(
        {
          ...caseFields("conflict"),
          userId: id(E.conflictMember),
          reason: z.string().trim().max(2000, E.reasonTooLong).optional().default(""),
        },
        unknownFields,
      ),
      addCaseSchema,
      decisionFields,
      attendanceFields,
    ],
    { error: E.unknownAction },
  )
  .transform((form) => {
    if (form.intent === "decision") {
      const { votes, mode, ...rest } = form;
      return {
        ...rest,
        votes:
          mode === "unanimous"
            ? ("unanimous" as const)
            : Object.entries(votes).flatMap(([userId, choice]) =>
                choice === "" ? [] : [{ userId: Number(userId), choice }],
              ),
      };
    }
    if (form.intent === "approveProtocol") {
      const { signers, ...rest } = form;
      return { ...rest, signers: Object.keys(signers).map(Number) };
    }
    if (form.intent === "attendance") {
      const { status, sub, ...rest } = form;
      return {
        ...rest,
        attendance: {
          members: Object.fromEntries(Object.entries(status).map(([userId, s]) => [Number(userId), s])),
          substitutes: Object.fromEntries(
            Object.entries(sub).flatMap(([userId, by]) => (by === "" ? [] : [[Number(userId), by]])),
          ) as Record<number, number>,
        },
      };
    }
    return form;
  });

export type MeetingPageAction = z.output<typeof meetingPageSchema>;
