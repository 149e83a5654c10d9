import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { countEmailsByStatus, getEmail, listEmails } from "#db/repositories/email-outbox.repository";
import { emailStatuses } from "~/domain/notification-delivery.schema";
import { mayManageEmailOutbox } from "#workflows/policy";
import { forbidden, notFound, requireUser } from "../auth.server";
import { config } from "../config.server";
import { db } from "../db.server";
import { emlFileName } from "./transport.server";

const PAGE_SIZE = 25;
const FAILED_SHOWN = 10;

/** The signed-in administrator, or 403 (the policy: workflows/policy.ts, mayManageEmailOutbox). */
export async function requireOutboxAdmin(request: Request) {
  const user = await requireUser(request);
  if (!mayManageEmailOutbox(user)) forbidden();
  return user;
}

/** `?status=` (one status, or all) and `?side=` (1…); anything else is the first page of all. */
const listQuery = z.object({
  status: z.enum(emailStatuses).optional().catch(undefined),
  side: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

/** The outbox: counts per status, the latest failed ones, and a page of e-mails (one status or all). */
export async function outboxPage(url: URL) {
  const query = listQuery.parse({
    status: url.searchParams.get("status") ?? undefined,
    side: url.searchParams.get("side") ?? undefined,
  });
  const offset = (query.side - 1) * PAGE_SIZE;
  const [counts, failed, rows] = await Promise.all([
    countEmailsByStatus(db()),
    query.status
      ? Promise.resolve([])
      : listEmails(db(), { status: "failed", offset: 0, limit: FAILED_SHOWN }),
    listEmails(db(), { status: query.status, offset, limit: PAGE_SIZE }),
  ]);
  return {
    status: query.status ?? null,
    page: query.side,
    hasNext: rows.length > PAGE_SIZE,
    counts,
    failed: failed.slice(0, FAILED_SHOWN),
    moreFailed: failed.length > FAILED_SHOWN,
    emails: rows.slice(0, PAGE_SIZE),
    writesFiles: !config().mail.smtpUrl,
  };
}

/** One e-mail as stored (what the demo's `.eml` file holds), or the 404 page. */
export async function outboxMessage(id: number) {
  const email = await getEmail(db(), id);
  if (!email) notFound();
  const file = emlFileName(email.id);
  const { smtpUrl, outboxDir } = config().mail;
  return {
    email,
    emlFile: !smtpUrl && existsSync(path.join(outboxDir, file)) ? file : null,
  };
}
