// The slicer's numbers per mesh, kept between runs of `npm run bench:printing` so a rerun slices only
// what changed: keyed by the mesh's SHA-256, the slicer's flags and its version (a changed file, flag or
// PrusaSlicer is a miss). Slicing 34 meshes one at a time takes a quarter of an hour on a shared machine;
// the engine side is always measured anew.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const entrySchema = z.object({
  minutes: z.number(),
  filamentMm3: z.number(),
  filamentMm: z.number(),
  slicerMs: z.number(),
  slicerCpuMs: z.number(),
  /** The file name it was sliced under, for a reader of the cache (not part of the key). */
  file: z.string(),
  slicedAt: z.string(),
});
export type SliceCacheEntry = z.infer<typeof entrySchema>;
const cacheSchema = z.object({ entries: z.record(z.string(), entrySchema) });

/** The cache key: the mesh's bytes, the flags in order and the slicer's version string. */
export function sliceCacheKey(bytes: Uint8Array, flags: readonly string[], slicerVersion: string): string {
  const digest = createHash("sha256").update(bytes).digest("hex");
  return `${digest}|${flags.join(" ")}|${slicerVersion}`;
}

export interface SliceCache {
  get(key: string): SliceCacheEntry | undefined;
  set(key: string, entry: SliceCacheEntry): void;
  /** Writes the cache back (entries of files no longer in the benchmark are kept: harmless, small). */
  save(): void;
}

/** The cache stored at `file` (JSON); an absent or unreadable file starts an empty one. */
export function openSliceCache(file: string): SliceCache {
  let entries: Record<string, SliceCacheEntry> = {};
  if (existsSync(file)) {
    const parsed = cacheSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (parsed.success) entries = parsed.data.entries;
  }
  return {
    get: (key) => entries[key],
    set: (key, entry) => {
      entries[key] = entry;
    },
    save: () => {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify({ entries }, null, 2)}\n`);
    },
  };
}
