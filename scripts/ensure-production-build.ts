import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const sourcePaths = [
  "app",
  "lib",
  "quoting-engine",
  "public",
  "next.config.js",
  "package-lock.json",
  "tsconfig.json",
];
const ignoredDirectories = new Set(["node_modules", ".next", "generated"]);

/**
 * Builds the production bundle when there is none or when a source file is newer than it, so that
 * `npm start` on a fresh clone (or after a pull) serves the current code.
 */
export function ensureProductionBuild(): void {
  const buildIdPath = path.join(".next", "BUILD_ID");
  const builtAt = existsSync(buildIdPath) ? statSync(buildIdPath).mtimeMs : 0;
  if (builtAt > 0 && newestModification(sourcePaths) <= builtAt) return;
  console.log(
    builtAt
      ? "Sources changed since the last build: rebuilding the web app…"
      : "Building the web app (first start only, about two minutes)…",
  );
  const result = spawnSync(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "build"],
    {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
  if (result.status !== 0) throw new Error("`next build` failed; see the output above.");
}

function newestModification(paths: string[]): number {
  let newest = 0;
  const visit = (entryPath: string) => {
    if (!existsSync(entryPath)) return;
    const stats = statSync(entryPath);
    if (stats.isDirectory()) {
      for (const name of readdirSync(entryPath))
        if (!ignoredDirectories.has(name)) visit(path.join(entryPath, name));
    } else if (!entryPath.endsWith(".test.ts")) {
      newest = Math.max(newest, stats.mtimeMs);
    }
  };
  for (const entryPath of paths) visit(entryPath);
  return newest;
}
