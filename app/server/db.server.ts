import { migrateToLatest, openDatabase, refreshPlannerStatistics, type DB } from "#db/connection";
import { isEmpty, seedDemo } from "./seed/seed.server";
import { config } from "./config.server";
import { hashPassword } from "./password.server";

let database: DB | undefined;
let ready: Promise<void> | undefined;

/** The application's database, opened once per process. */
export function db(): DB {
  database ??= openDatabase(config().databasePath);
  return database;
}

/** Migrates, seeds the demo world into an empty database, and refreshes planner statistics. Runs once at start-up. */
export function prepareDatabase(): Promise<void> {
  ready ??= (async () => {
    await migrateToLatest(db());
    if (config().seedDemo && (await isEmpty(db())))
      await seedDemo(db(), { passwordHash: await hashPassword("demo1234") });
    await refreshPlannerStatistics(db());
  })();
  return ready;
}
