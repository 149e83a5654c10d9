import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import noNorwegianLiterals from "./eslint-rules/no-norwegian-literals.js";

// ---------------------------------------------------------------------------------------------
// Layers (docs/decisions/011-layers.md): routes → server → db / workflows. Each entry forbids
// what a folder may not import; type-only imports are allowed where noted (they vanish at build).

// Regular expressions over the import path ("#" cannot start a gitignore-style pattern).
const appCode = "^(~/|(\\.\\./)+app/)";
const dbCode = "^(#db/|(\\.\\./)+db/)";
const serverCode = "^~/server/|\\.server$";
const routeCode = "^(~/routes/|(\\.\\./)+routes/)";
const componentCode = "^~/components/";
const any = (...res) => res.join("|");

/** `no-restricted-imports` for these [regex, message] pairs. */
const forbid = (pairs, allowTypeImports = false) => [
  "error",
  { patterns: pairs.map(([regex, message]) => ({ regex, message, allowTypeImports })) },
];

export default tseslint.config(
  { ignores: ["build/**", "build-*/**", "node_modules/**", "data/**", "bench-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["db/migrations/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["server/**/*.js", "scripts/**/*.js", "eslint-rules/**/*.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },

  // Layers
  {
    files: ["workflows/**/*.ts"],
    ignores: ["workflows/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": forbid([
        [
          any(appCode, dbCode, "^\\.\\./", "^#workflows/"),
          "workflows/ is pure: it imports only itself (./…) and libraries.",
        ],
      ]),
    },
  },
  {
    files: ["db/**/*.ts"],
    ignores: ["db/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": forbid([
        [
          appCode,
          "db/ imports only itself and workflows/ (state types, dates); seeding that drives commands lives in app/server/seed/.",
        ],
      ]),
    },
  },
  {
    files: ["app/domain/**/*.ts"],
    ignores: ["app/domain/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": forbid([
        [
          any(serverCode, dbCode, routeCode, componentCode),
          "app/domain/ is browser-safe: no server, db, route or component code.",
        ],
      ]),
    },
  },
  {
    files: ["app/components/**/*.tsx", "app/components/**/*.ts"],
    ignores: ["app/components/**/*.test.tsx"],
    rules: {
      // Components may name the shape of server data (type imports), never call the server.
      "@typescript-eslint/no-restricted-imports": forbid(
        [
          [
            any(serverCode, dbCode, routeCode),
            "Components get data through props: no server, db or route code.",
          ],
        ],
        true,
      ),
    },
  },
  {
    files: ["app/routes/**/*.tsx", "app/routes/**/*.ts", "app/root.tsx"],
    ignores: ["app/routes/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": forbid(
        [[dbCode, "Routes ask app/server/ (a query or a command); SQL and repositories are the server's."]],
        true,
      ),
    },
  },
  {
    files: ["app/server/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": forbid([
        [any(routeCode, componentCode), "The server does not import routes or components."],
      ]),
    },
  },

  // Texts
  {
    // server/start.js is plain JavaScript run by Node before any TypeScript: its two messages stay there.
    files: ["app/**/*.{ts,tsx}", "db/**/*.ts", "workflows/**/*.ts"],
    ignores: [
      "app/domain/texts/**",
      "**/*.test.{ts,tsx}",
      "db/seed-data/**",
      "db/migrations/**",
      "app/server/seed/**",
    ],
    plugins: { local: { rules: { "no-norwegian-literals": noNorwegianLiterals } } },
    rules: { "local/no-norwegian-literals": "error" },
  },
);
