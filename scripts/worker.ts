import { migrateToLatest } from "../db/connection";
import { config, ConfigError } from "../app/server/config.server";
import { db } from "../app/server/db.server";
import { logger } from "../app/server/logger.server";
import { startNotificationWorker } from "../app/server/notifications/delivery.server";

/**
 * `npm run worker`: the notification e-mail worker on its own, with the server's configuration
 * (DATA_DIR, DATABASE_PATH, SMTP_URL, MAIL_FROM, PUBLIC_URL …). Run it beside web servers started
 * with NOTIFICATION_WORKER=off; several may run at once (the claim on each e-mail is the lock).
 * Options, for tests and tuning: `--interval-ms=<n>` between ticks (default 5000) and
 * `--claim-seconds=<n>`, how long a claim holds before another worker takes the e-mail over.
 */
function option(name: string): number | undefined {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (!arg) return undefined;
  const value = Number(arg.slice(name.length + 3));
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

async function main() {
  try {
    config();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  await migrateToLatest(db());
  const claimSeconds = option("claim-seconds");
  const worker = startNotificationWorker({
    intervalMs: option("interval-ms"),
    options: claimSeconds ? { claimMs: claimSeconds * 1000 } : {},
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void worker
        .stop()
        .catch((error: unknown) => logger().error({ err: error }, "notification worker did not stop cleanly"))
        .finally(() => db().destroy())
        .finally(() => process.exit(0));
    });
  }
}

await main();
