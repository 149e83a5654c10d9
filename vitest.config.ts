import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

/** Vitest runs without the Remix plugin: unit and integration tests import app code directly, browser tests drive the built server. */
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    projects: [
      {
        plugins: [tsconfigPaths()],
        test: {
          name: "unit",
          environment: "node",
          include: [
            "app/**/*.test.{ts,tsx}",
            "db/**/*.test.ts",
            "workflows/**/*.test.ts",
            "tests/integration/**/*.test.ts",
          ],
        },
      },
      {
        // The integration tests (and unit tests that open a database) again, on PostgreSQL: a private
        // cluster for the run (tests/support/postgres-setup.ts). Three files are about SQLite itself (its backup, its query plans).
        plugins: [tsconfigPaths()],
        test: {
          name: "integration-pg",
          environment: "node",
          include: ["tests/integration/**/*.test.ts", "app/server/seed/seed.server.test.ts"],
          exclude: [
            "tests/integration/backup.test.ts",
            "tests/integration/query-plans.test.ts",
            "tests/integration/notification-jobs-plans.test.ts",
            // Already about PostgreSQL in the unit project (they start the private cluster themselves).
            "tests/integration/db-copy.test.ts",
            "tests/integration/pg-backup.test.ts",
          ],
          env: { INNSPILL_TEST_ENGINE: "postgres" },
          globalSetup: ["tests/support/postgres-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [tsconfigPaths()],
        test: {
          name: "e2e",
          environment: "node",
          include: ["tests/e2e/**/*.test.ts"],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        plugins: [tsconfigPaths()],
        test: {
          name: "reliability",
          environment: "node",
          include: ["tests/reliability/**/*.test.ts"],
          globalSetup: ["tests/reliability/global-setup.ts"],
          testTimeout: 240_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // The reliability suite again, its servers on PostgreSQL. Not repeated: crash.test.ts and
        // production-mode.test.ts (about the SQLite file itself) and load.test.ts (kept lean).
        plugins: [tsconfigPaths()],
        test: {
          name: "reliability-pg",
          environment: "node",
          include: ["tests/reliability/**/*.test.ts"],
          exclude: [
            "tests/reliability/crash.test.ts",
            "tests/reliability/production-mode.test.ts",
            "tests/reliability/load.test.ts",
            // Already on PostgreSQL in the reliability project.
            "tests/reliability/postgres-two-servers.test.ts",
          ],
          env: { INNSPILL_TEST_ENGINE: "postgres" },
          globalSetup: ["tests/support/postgres-setup.ts", "tests/reliability/global-setup.ts"],
          testTimeout: 240_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
