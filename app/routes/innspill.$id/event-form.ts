import { z } from "zod";
import type { ProposalEventType } from "#workflows/proposal.machine";
import { eventSpecs } from "#workflows/proposal.events";

const eventTypes = Object.keys(eventSpecs) as [ProposalEventType, ...ProposalEventType[]];

/** The envelope of a process action form; the event's own payload is checked by the command. */
export const eventFormSchema = z.object({
  intent: z.literal("event"),
  type: z.enum(eventTypes),
  version: z.coerce.number().int().positive(),
  reason: z.string().max(200_000).optional(),
  groupId: z.string().max(20).optional(),
  targetId: z.string().max(20).optional(),
});
