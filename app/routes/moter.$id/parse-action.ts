import type { z } from "zod";
import {
  addCaseSchema,
  attendanceSchema,
  decisionSchema,
  groupDynamicFields,
  meetingActionSchema,
} from "~/domain/meeting.schema";

/** Which form on the meeting page a reply belongs to: the intent, and the case for per-case forms. */
export function formKey(intent: string, itemId?: unknown): string {
  return itemId ? `${intent}-${String(itemId)}` : intent;
}

export type ParsedAction =
  | { ok: true; key: string; action: z.infer<typeof meetingActionSchema> }
  | { ok: true; key: string; action: z.infer<typeof addCaseSchema> }
  | { ok: true; key: string; action: z.infer<typeof decisionSchema> }
  | { ok: true; key: string; action: z.infer<typeof attendanceSchema> }
  | { ok: false; key: string; fieldErrors: Record<string, string[]> };

function errorsOf(error: z.ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "");
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/** Parses a post from the meeting page by its intent. Per-member fields arrive as `vote-<id>`, `status-<id>`, `sub-<id>`. */
export function parseMeetingAction(formData: FormData): ParsedAction {
  const entries = Object.fromEntries(formData);
  const intent = String(entries.intent ?? "");
  const key = formKey(intent, entries.itemId);
  const schema =
    intent === "addCase"
      ? addCaseSchema
      : intent === "decision"
        ? decisionSchema
        : intent === "attendance"
          ? attendanceSchema
          : meetingActionSchema;
  // Empty optional fields mean "not given", as a browser sends them.
  const cleaned = Object.fromEntries(
    Object.entries(
      groupDynamicFields(entries, { vote: "votes", status: "status", sub: "sub", signer: "signers" }),
    ).filter(([, v]) => v !== ""),
  );
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) return { ok: false, key, fieldErrors: errorsOf(parsed.error) };
  return { ok: true, key, action: parsed.data } as ParsedAction;
}
