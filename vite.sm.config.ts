import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  server: { port: Number(process.env.PORT ?? 3000) },
  plugins: [
    remix({
      // BUILD_DIR lets parallel work (or CI) build elsewhere than ./build; the server reads the same variable.
      buildDirectory: process.env.BUILD_DIR ?? "build",
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
    tsconfigPaths(),
  ],
  optimizeDeps: {
    include: [
      "react",
      "react-dom",
      "react-dom/client",
      "@remix-run/react",
      "@xyflow/react",
      "@conform-to/react",
      "@conform-to/zod/v4",
      "zod",
      "xstate",
    ],
    exclude: ["better-sqlite3", "kysely", "@remix-run/node"],
  },
  build: { sourcemap: true },
  ssr: {
    external: ["better-sqlite3"],
  },
});
