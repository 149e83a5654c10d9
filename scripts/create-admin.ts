import { migrateToLatest } from "../db/connection";
import { createFirstAdmin } from "../app/server/commands/create-first-admin.server";
import { config, ConfigError } from "../app/server/config.server";
import { db } from "../app/server/db.server";

/**
 * `npm run create-admin -- <e-post> [navn]`: creates the first administrator of a new
 * installation with a one-time password, printed once, to be changed at the first login. Uses
 * the same configuration as the server (DATA_DIR, DATABASE_PATH, INNSPILL_MODE …).
 */
async function main() {
  const [email, ...nameParts] = process.argv.slice(2);
  if (!email) {
    console.error("Bruk: npm run create-admin -- <e-post> [navn]");
    process.exit(1);
  }
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
  const result = await createFirstAdmin({ email, name: nameParts.join(" ") });
  await db().destroy();
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
  console.log(`Administrator opprettet: ${email.trim().toLowerCase()}`);
  console.log(`Engangspassord: ${result.oneTimePassword}`);
  console.log("Logg inn med det og velg et nytt passord. Det vises ikke igjen.");
}

await main();
