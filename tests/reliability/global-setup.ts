import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startServer } from "../support/server";

/**
 * Seeds the demo world once into a template data directory; every reliability test file starts
 * its server on a copy of it (support.ts: startSeededServer), so each pays for a start, not a seed.
 */
export default async function setup(project: TestProject) {
  const build = path.resolve(process.env.BUILD_DIR ?? "build", "server/index.js");
  if (!existsSync(build))
    throw new Error(
      `The reliability suite runs the built server: run \`npx remix vite:build\` first (${build}).`,
    );
  const dir = mkdtempSync(path.join(tmpdir(), "innspill-rel-template-"));
  // On PostgreSQL the seeded world is a template database (tests/support/postgres-setup.ts): each
  // server copies it, and the data directory holds only what the server writes beside it. Without the
  // delivery worker, as every server of the suite (support.ts): the copies hold the seed's outbox as it
  // was written, and no .eml files.
  if (project.config.env?.INNSPILL_TEST_ENGINE !== "postgres") {
    const server = await startServer({ dataDir: dir, seed: true, env: { NOTIFICATION_WORKER: "off" } });
    await server.stop();
  }
  project.provide("seededTemplateDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
