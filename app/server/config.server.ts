import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { z } from "zod";
import { securityTexts } from "~/domain/texts/security";
import { parseSignInConfig, type OidcIssuerConfig, type SignInConfig } from "./oidc-config.server";

const C = securityTexts.config;

/**
 * Every setting of the server, read from the environment once at start and checked with zod: a
 * wrong value stops the server with a message that names the variable (server/start.js calls
 * loadConfig() before it listens). Only BUILD_DIR and NODE_ENV are read by server/start.js
 * itself, because it needs them to find this module. The sign-in settings (LOCAL_LOGIN,
 * OIDC_ALLOW_HTTP, OIDC_ISSUERS and each issuer's OIDC_<KEY>_*) have their own schema in
 * oidc-config.server.ts, because their names depend on OIDC_ISSUERS; they are parsed here too.
 */

const bool = (name: string) =>
  z.enum(["true", "false"], { error: C.boolean(name) }).transform((v) => v === "true");

const positive = (name: string, max: number) =>
  z.coerce
    .number({ error: C.number(name) })
    .int(C.integer(name))
    .min(1, C.between(name, 1, max))
    .max(max, C.between(name, 1, max));

/** At most this many server processes (WEB_CONCURRENCY). */
const MAX_PROCESSES = 64;

/**
 * The V8 old-space limit of each server process, in MB (SERVER_HEAP_MB; decision 032). V8 grows a
 * process's heap against its limit, ~4 GB by default on a large machine: with it a server process's
 * heap kept growing with every page under load (to ~400 MB, 630 MB resident at national scale) while
 * only 60–110 MB of it was live. `npm run serve` passes it to node (`--max-old-space-size`), and the
 * cluster's primary to every server process it forks. Keep it the same as the default in package.json.
 */
export const DEFAULT_SERVER_HEAP_MB = 512;
const MIN_SERVER_HEAP_MB = 128;
const MAX_SERVER_HEAP_MB = 65536;

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const environment = z.object({
  INNSPILL_MODE: z
    .enum(["demo", "production"], { error: C.oneOf("INNSPILL_MODE", ['"demo"', '"production"']) })
    .default("demo"),
  PORT: z.coerce
    .number({ error: C.number("PORT") })
    .int(C.integer("PORT"))
    .min(0, C.between("PORT", 0, 65535))
    .max(65535, C.between("PORT", 0, 65535))
    .default(3000),
  HOST: z.string().min(1, C.notEmpty("HOST")).default("0.0.0.0"),
  DATA_DIR: z.string().min(1, C.notEmpty("DATA_DIR")).default("data"),
  DATABASE_PATH: z.string().min(1, C.notEmpty("DATABASE_PATH")).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, C.databaseUrl)
    .optional(),
  DATABASE_POOL_SIZE: positive("DATABASE_POOL_SIZE", 1000).default(10),
  SESSION_SECRET: z.string().min(32, C.secretTooShort).optional(),
  SECURE_COOKIES: bool("SECURE_COOKIES").default(false),
  SEED_DEMO: bool("SEED_DEMO").default(true),
  SESSION_IDLE_HOURS: positive("SESSION_IDLE_HOURS", 24 * 14).default(8),
  LOG_LEVEL: z.enum(logLevels, { error: C.oneOf("LOG_LEVEL", logLevels) }).default("info"),
  PUBLIC_URL: z.url({ error: C.url("PUBLIC_URL") }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, C.smtpUrl)
    .optional(),
  MAIL_FROM: z.string().min(3, C.notEmpty("MAIL_FROM")).default("Innspill <innspill@localhost>"),
  NOTIFICATION_WORKER: z
    .enum(["in-process", "off"], { error: C.oneOf("NOTIFICATION_WORKER", ['"in-process"', '"off"']) })
    .default("in-process"),
  WEB_CONCURRENCY: positive("WEB_CONCURRENCY", MAX_PROCESSES).optional(),
  SERVER_HEAP_MB: z.coerce
    .number({ error: C.number("SERVER_HEAP_MB") })
    .int(C.integer("SERVER_HEAP_MB"))
    .min(MIN_SERVER_HEAP_MB, C.between("SERVER_HEAP_MB", MIN_SERVER_HEAP_MB, MAX_SERVER_HEAP_MB))
    .max(MAX_SERVER_HEAP_MB, C.between("SERVER_HEAP_MB", MIN_SERVER_HEAP_MB, MAX_SERVER_HEAP_MB))
    .default(DEFAULT_SERVER_HEAP_MB),
});

export interface Config {
  mode: "demo" | "production";
  port: number;
  host: string;
  dataDir: string;
  /** The SQLite file (used when no DATABASE_URL is set). */
  databasePath: string;
  /** PostgreSQL instead of the SQLite file, when set (postgres://…). */
  databaseUrl: string | undefined;
  /** How many connections this process keeps to PostgreSQL. */
  databasePoolSize: number;
  attachmentsDir: string;
  sessionSecret: string;
  seedDemo: boolean;
  secureCookies: boolean;
  /** A session ends after this long without a request… */
  sessionIdleMs: number;
  /** …and this long after login, whatever happens. */
  sessionMaxMs: number;
  logLevel: string;
  /** Who may sign in with a password, and the OpenID Connect issuers. */
  signIn: SignInConfig;
  /** The address users reach the app at, for links in e-mails (no trailing slash). */
  publicUrl: string;
  /** E-mail: sent over SMTP when smtpUrl is set, else written as .eml files to outboxDir. */
  mail: { smtpUrl: string | undefined; from: string; outboxDir: string };
  /** Whether this server process runs the notification delivery worker (off: `npm run worker` does). */
  notificationWorker: "in-process" | "off";
  /**
   * How many server processes serve the port (node:cluster, server/start.js; decision 021).
   * Default: the number of cores in production, 1 in the demo.
   */
  webConcurrency: number;
  /** Each server process's V8 old-space limit in MB (`--max-old-space-size`; decision 032). */
  serverHeapMb: number;
}

export const SESSION_MAX_DAYS = 14;

/** A configuration value that stops the server; the message names the variable. */
export class ConfigError extends Error {}

let cached: Config | undefined;

/** Parses the environment (once); throws ConfigError naming every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (cached) return cached;
  // An empty variable is an unset one (`FOO= npm start`).
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = environment.safeParse(given);
  const lines = parsed.success
    ? []
    : parsed.error.issues.map((i) => `${String(i.path[0] ?? "")}: ${i.message}`);
  let signIn: SignInConfig | undefined;
  try {
    signIn = parseSignInConfig(given);
  } catch (error) {
    lines.push((error as Error).message);
  }
  if (!parsed.success || !signIn) throw new ConfigError(`${C.heading}\n${lines.join("\n")}`);
  const e = parsed.data;
  if (e.INNSPILL_MODE === "production") {
    const missing: string[] = [];
    if (!e.SESSION_SECRET) missing.push(C.productionSecret);
    if (!e.SECURE_COOKIES) missing.push(C.productionSecure);
    if (missing.length) throw new ConfigError(`${C.heading}\n${missing.join("\n")}`);
  }

  const dataDir = path.resolve(e.DATA_DIR);
  privateDir(dataDir);
  const databasePath = e.DATABASE_PATH ? path.resolve(e.DATABASE_PATH) : path.join(dataDir, "innspill.db");
  if (!e.DATABASE_URL && !existsSync(path.dirname(databasePath))) privateDir(path.dirname(databasePath));
  const attachmentsDir = path.join(dataDir, "attachments");
  privateDir(attachmentsDir);
  cached = {
    mode: e.INNSPILL_MODE,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databasePath,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    attachmentsDir,
    sessionSecret: e.SESSION_SECRET ?? sessionSecretFromDataDir(dataDir),
    // Production never seeds the demo world.
    seedDemo: e.INNSPILL_MODE === "demo" && e.SEED_DEMO,
    secureCookies: e.SECURE_COOKIES,
    sessionIdleMs: e.SESSION_IDLE_HOURS * 3600_000,
    sessionMaxMs: SESSION_MAX_DAYS * 24 * 3600_000,
    logLevel: e.LOG_LEVEL,
    signIn,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, outboxDir: path.join(dataDir, "outbox") },
    notificationWorker: e.NOTIFICATION_WORKER,
    webConcurrency:
      e.WEB_CONCURRENCY ??
      (e.INNSPILL_MODE === "production" ? Math.min(availableParallelism(), MAX_PROCESSES) : 1),
    serverHeapMb: e.SERVER_HEAP_MB,
  };
  return cached;
}

/** The configuration loaded at start (loaded on first use where no server started it: scripts, tests). */
export function config(): Config {
  return cached ?? loadConfig();
}

/** The sign-in settings, from the configuration loaded at start. */
export function signInConfig(): SignInConfig {
  return config().signIn;
}

export function issuerConfig(key: string): OidcIssuerConfig | undefined {
  return signInConfig().issuers.find((i) => i.key === key);
}

/** A directory only the server's user can enter (0700), whatever the umask. */
export function privateDir(dir: string) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** A secret generated once and kept beside the database, so sessions survive restarts without setup. */
function sessionSecretFromDataDir(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return readFileSync(file, "utf8").trim();
}
