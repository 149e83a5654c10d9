import { eventSpecs, type EventField } from "#workflows/proposal.events";
import type { ProposalEventType } from "#workflows/proposal.machine";
import { z } from "zod";
import { proposalEventTexts } from "./texts/proposal-events";

/**
 * The payload a process event needs, by the field its spec names (workflows/proposal.events.ts).
 * The command parses it for the field messages (400) before the machine is asked; the
 * machine's guards check the same again.
 */

const M = proposalEventTexts.payload;

const reason = z.string({ error: M.reasonRequired }).trim().min(1, M.reasonRequired).max(5000, M.tooLong);
const id = (message: string) => z.coerce.number({ error: message }).int(message).positive(message);

// Built once, not per call.
const payloadSchemas = {
  reason: z.object({ reason }),
  groupId: z.object({ groupId: id(M.groupRequired) }),
  targetId: z.object({ targetId: id(M.targetRequired) }),
  none: z.object({ reason: z.string().trim().max(5000, M.tooLong).optional() }),
} satisfies Record<EventField | "none", z.ZodType>;

/** The payload an event needs, parsed from a form or a command call. */
export function payloadSchema(type: ProposalEventType) {
  return payloadSchemas[eventSpecs[type].field ?? "none"];
}
