import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/**
 * Which engine the tests run on: the vitest projects `integration-pg` and `reliability-pg` set
 * INNSPILL_TEST_ENGINE=postgres and start a private cluster (tests/support/postgres-setup.ts);
 * every other project runs on SQLite. Helpers ask here, so a test file is written once.
 */
export type TestEngine = "sqlite" | "postgres";

export function testEngine(): TestEngine {
  return process.env.INNSPILL_TEST_ENGINE === "postgres" ? "postgres" : "sqlite";
}

export interface PostgresOfRun {
  /** The cluster's `postgres` database, for CREATE DATABASE. */
  adminUrl: string;
  /** Migrated, empty. */
  template: string;
  /** Migrated, with the demo world seeded (as a server seeds it on start). */
  seededTemplate: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    /** The throw-away cluster's `postgres` database and the migrated template (postgres-setup.ts). */
    postgres: PostgresOfRun | undefined;
  }
}

/** The cluster of this run, from the global setup (or given by a global setup that has no inject). */
export function postgresOfRun(): PostgresOfRun {
  const given = inject("postgres");
  if (!given)
    throw new Error("INNSPILL_TEST_ENGINE=postgres needs tests/support/postgres-setup.ts as global setup.");
  return given;
}

/**
 * A new PostgreSQL database copied from a template (by default the migrated, empty one): each
 * test gets its own, as each SQLite test gets its own file. Returns its URL.
 */
export async function newPostgresDatabase(
  cluster: PostgresOfRun = postgresOfRun(),
  template = cluster.template,
): Promise<string> {
  const name = `t_${randomBytes(8).toString("hex")}`;
  const client = new pg.Client({ connectionString: cluster.adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name} template ${template}`);
  } finally {
    await client.end();
  }
  return cluster.adminUrl.replace(/\/[^/]*$/, `/${name}`);
}
