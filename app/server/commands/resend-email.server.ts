import type { DB } from "#db/connection";
import { getEmail, requeueFailedEmail } from "#db/repositories/email-outbox.repository";
import { deliveryTexts } from "~/domain/texts/notification-delivery";
import { refuse, runCommand, type CommandResult } from "./result.server";

/**
 * "Send på nytt": a failed e-mail goes back to the outbox, due now, attempts reset, same Message-ID
 * (the worker sends it at its next tick). Refused with 404 for no such e-mail and 409 when it is
 * not failed (sent or requeued meanwhile): a double click sends it once.
 */
export function resendEmailCommand(db: DB, input: { id: number }): Promise<CommandResult> {
  return runCommand(db, async (trx) => {
    if (!(await getEmail(trx, input.id))) refuse(404);
    if (!(await requeueFailedEmail(trx, input.id, new Date().toISOString())))
      refuse(409, deliveryTexts.admin.message.notFailed);
    return {};
  });
}
