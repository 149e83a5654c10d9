import { migrateToLatest } from "../db/connection";
import { createFirstAdmin } from "../app/server/commands/create-first-admin.server";
import { config, ConfigError } from "../app/server/config.server";
import { db } from "../app/server/db.server";
import { securityTexts } from "../app/domain/texts/security";

const A = securityTexts.createAdmin;

/**
 * `npm run create-admin -- <e-post> [navn]`: creates the first administrator of a new
 * installation with a one-time password, printed once, to be changed at the first login. Uses
 * the same configuration as the server (DATA_DIR, DATABASE_PATH, INNSPILL_MODE …).
 */
async function main() {
  const [email, ...nameParts] = process.argv.slice(2);
  if (!email) {
    console.error(A.usage);
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
  const result = await createFirstAdmin(db(), { email, name: nameParts.join(" ") });
  await db().destroy();
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
  console.log(A.created(email.trim().toLowerCase()));
  console.log(A.oneTimePassword(result.oneTimePassword));
  console.log(A.changeAtLogin);
}

await main();
