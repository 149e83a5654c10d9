import type { TestProject } from "vitest/node";
import { migrateToLatest, openDatabase } from "#db/connection";
import { hashPassword } from "~/server/password.server";
import { seedDemo } from "~/server/seed/seed.server";
import { startPostgresCluster } from "./postgres";

/**
 * Global setup of the PostgreSQL projects: a private cluster for the run, a template database
 * migrated once, which every test copies (`CREATE DATABASE … TEMPLATE …`, tests/support/engine.ts),
 * and one with the demo world seeded, which every seeded server copies.
 * Fails, with what to install, when PostgreSQL is missing: no engine is skipped silently.
 */
export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  try {
    await cluster.admin("create database innspill_template");
    const db = openDatabase(cluster.url("innspill_template"));
    await migrateToLatest(db);
    await db.destroy();
    // The demo world as a server seeds it on start, once: a seeded server copies it.
    await cluster.admin("create database innspill_seeded template innspill_template");
    const seeded = openDatabase(cluster.url("innspill_seeded"));
    await seedDemo(seeded, { passwordHash: await hashPassword("demo1234") });
    await seeded.destroy();
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  project.provide("postgres", {
    adminUrl: cluster.url("postgres"),
    template: "innspill_template",
    seededTemplate: "innspill_seeded",
  });
  return () => cluster.stop();
}
