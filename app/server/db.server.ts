import { chmodSync, closeSync, existsSync, openSync } from "node:fs";
import { migrateToLatest, openDatabase, refreshPlannerStatistics, type DB } from "#db/connection";
import { compactSearchIndex } from "#db/repositories/proposal.repository";
import { countUsersInDomain } from "#db/repositories/user.repository";
import { securityTexts } from "~/domain/texts/security";
import { config, ConfigError } from "./config.server";
import { DEMO_EMAIL_DOMAIN, isEmpty, seedDemo } from "./seed/seed.server";
import { hashPassword } from "./password.server";

let database: DB | undefined;
let ready: Promise<void> | undefined;

/**
 * The application's database, opened once per process: PostgreSQL when DATABASE_URL is set, else
 * the SQLite file (and its WAL), readable by the server's user only.
 */
export function db(): DB {
  if (database) return database;
  const { databaseUrl, databasePoolSize } = config();
  if (databaseUrl) return (database = openDatabase(databaseUrl, { poolSize: databasePoolSize }));
  const file = config().databasePath;
  if (!existsSync(file)) closeSync(openSync(file, "a", 0o600));
  chmodSync(file, 0o600);
  database = openDatabase(file);
  for (const companion of [`${file}-wal`, `${file}-shm`])
    if (existsSync(companion)) chmodSync(companion, 0o600);
  return database;
}

/**
 * Migrates, seeds the demo world into an empty database (demo mode only), refreshes planner
 * statistics and merges the search index. Runs once at start-up. In production mode a database holding demo accounts is
 * refused: the server does not start on it.
 */
export function prepareDatabase(): Promise<void> {
  ready ??= (async () => {
    await migrateToLatest(db());
    if (config().seedDemo && (await isEmpty(db())))
      await seedDemo(db(), { passwordHash: await hashPassword("demo1234") });
    if (config().mode === "production" && (await countUsersInDomain(db(), DEMO_EMAIL_DOMAIN)) > 0)
      throw new ConfigError(securityTexts.config.demoAccounts(DEMO_EMAIL_DOMAIN));
    await refreshPlannerStatistics(db());
    await compactSearchIndex(db());
  })();
  return ready;
}

/**
 * Closes this process's handle (the cluster's primary process, which prepared the database, before
 * it forks the server processes: it serves nothing and keeps no connection open).
 */
export async function closeDatabase(): Promise<void> {
  const open = database;
  database = undefined;
  ready = undefined;
  await open?.destroy();
}
