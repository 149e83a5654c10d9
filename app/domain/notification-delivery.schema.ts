import { z } from "zod";
import { deliveryTexts } from "./texts/notification-delivery";

/**
 * The unsubscribe form: the page's button sends the same body a mail client sends for a one-click
 * unsubscribe (RFC 8058), `List-Unsubscribe=One-Click`.
 */
export const unsubscribeSchema = z.object({
  "List-Unsubscribe": z.literal("One-Click", { error: deliveryTexts.unsubscribe.invalidForm }),
});

/** "Send på nytt" on one e-mail of the outbox. */
export const resendEmailSchema = z.object({
  intent: z.literal("resend", { error: deliveryTexts.admin.message.invalidForm }),
});

/** The statuses of an outbox e-mail, in the order the admin page lists them. */
export const emailStatuses = ["failed", "pending", "sending", "sent"] as const;
