import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { analysisContractVersion } from "../../quoting-engine/analysis/analyze-file";

/** The libraries the engine reads files with: a new version may read the same bytes differently. */
const engineLibraries = ["occt-import-js", "replicad-opencascadejs", "fflate", "saxes"];

let cached: string | null | undefined;

/**
 * Which build of the engine this process analyses with: the analyze contract's version and a SHA-256
 * of the engine's sources (quoting-engine/, without tests) and of the versions of the libraries it
 * reads files with. Any change to the engine changes it, so an analysis is reused for the same bytes
 * only when this very engine would have written it (docs/decisions/0051); a refactoring costs one
 * analysis more per file, never a stale one. Null when the sources cannot be read (then nothing is
 * reused). Worked out once per process: about 90 files, a few milliseconds.
 */
export function analysisEngineVersion(): string | null {
  if (cached !== undefined) return cached;
  try {
    const root = path.join(process.cwd(), "quoting-engine");
    const hash = createHash("sha256");
    for (const file of sourceFiles(root)) {
      hash.update(path.relative(root, file));
      hash.update("\0");
      hash.update(readFileSync(file));
      hash.update("\0");
    }
    const lock = JSON.parse(readFileSync(path.join(process.cwd(), "package-lock.json"), "utf8")) as {
      packages?: Record<string, { version?: string }>;
    };
    for (const name of engineLibraries)
      hash.update(`${name}@${lock.packages?.[`node_modules/${name}`]?.version ?? "?"}\n`);
    cached = `${analysisContractVersion}-${hash.digest("hex").slice(0, 20)}`;
  } catch {
    cached = null;
  }
  return cached;
}

function sourceFiles(directory: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const entryPath = path.join(directory, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(entryPath));
    else if (/\.(ts|mjs|json)$/.test(entry.name) && !entry.name.endsWith(".test.ts")) files.push(entryPath);
  }
  return files.sort();
}
