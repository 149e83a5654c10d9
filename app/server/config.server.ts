import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Configuration from the environment, with defaults that need no setup on a fresh machine. */
export interface Config {
  dataDir: string;
  databasePath: string;
  attachmentsDir: string;
  sessionSecret: string;
  seedDemo: boolean;
  secureCookies: boolean;
}

let cached: Config | undefined;

export function config(): Config {
  if (cached) return cached;
  const dataDir = path.resolve(process.env.DATA_DIR ?? "data");
  mkdirSync(dataDir, { recursive: true });
  const databasePath = process.env.DATABASE_PATH
    ? path.resolve(process.env.DATABASE_PATH)
    : path.join(dataDir, "innspill.db");
  mkdirSync(path.dirname(databasePath), { recursive: true });
  const attachmentsDir = path.join(dataDir, "attachments");
  mkdirSync(attachmentsDir, { recursive: true });
  cached = {
    dataDir,
    databasePath,
    attachmentsDir,
    sessionSecret: process.env.SESSION_SECRET ?? sessionSecretFromDataDir(dataDir),
    seedDemo: process.env.SEED_DEMO !== "false",
    secureCookies: process.env.SECURE_COOKIES === "true",
  };
  return cached;
}

/** A secret generated once and kept beside the database, so sessions survive restarts without setup. */
function sessionSecretFromDataDir(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  return readFileSync(file, "utf8").trim();
}
