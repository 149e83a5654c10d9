import { z } from "zod";
import type { ProposalEventType } from "#workflows/proposal.machine";
import { eventSpecs } from "#workflows/proposal.events";
import { proposalEventTexts } from "~/domain/texts/proposal-events";

const invalid = proposalEventTexts.errors.invalidForm;

const eventTypes = Object.keys(eventSpecs) as [ProposalEventType, ...ProposalEventType[]];

/** The envelope of a process action form; the event's own payload is checked by the command. */
export const eventFormSchema = z.object(
  {
    intent: z.literal("event", { error: invalid }),
    type: z.enum(eventTypes, { error: invalid }),
    version: z.coerce.number({ error: invalid }).int(invalid).positive(invalid),
    reason: z.string({ error: invalid }).max(200_000, invalid).optional(),
    groupId: z.string({ error: invalid }).max(20, invalid).optional(),
    targetId: z.string({ error: invalid }).max(20, invalid).optional(),
  },
  { error: invalid },
);

/** Deleting one's own draft: the button alone. */
/** The support button's post ("Dette gjelder også oss"): the intent alone. */
export const supportSchema = z.strictObject(
  { intent: z.literal("support", { error: invalid }) },
  { error: invalid },
);

export const deleteDraftSchema = z.strictObject(
  { intent: z.literal("delete", { error: invalid }) },
  { error: invalid },
);
