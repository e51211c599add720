import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openSliceCache, sliceCacheKey } from "./prusa-slice-cache";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe("the slicer cache of bench:printing", () => {
  const flags = ["--layer-height", "0.2"];
  it("keys by the mesh's bytes, the flags and the slicer's version", () => {
    const key = sliceCacheKey(new Uint8Array([1, 2, 3]), flags, "PrusaSlicer-2.5.0");
    expect(sliceCacheKey(new Uint8Array([1, 2, 3]), flags, "PrusaSlicer-2.5.0")).toBe(key);
    expect(sliceCacheKey(new Uint8Array([1, 2, 4]), flags, "PrusaSlicer-2.5.0")).not.toBe(key);
    expect(sliceCacheKey(new Uint8Array([1, 2, 3]), ["--layer-height", "0.3"], "PrusaSlicer-2.5.0")).not.toBe(
      key,
    );
    expect(sliceCacheKey(new Uint8Array([1, 2, 3]), flags, "PrusaSlicer-2.6.0")).not.toBe(key);
  });

  it("keeps what it was given across openings, and starts empty without a file", () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "slice-cache-"));
    folders.push(folder);
    const file = path.join(folder, "sub", "cache.json");
    const cache = openSliceCache(file);
    const key = sliceCacheKey(new Uint8Array([7]), flags, "v");
    expect(cache.get(key)).toBeUndefined();
    const entry = {
      minutes: 12.5,
      filamentMm3: 800,
      filamentMm: 332.6,
      slicerMs: 4470,
      slicerCpuMs: 390,
      file: "u.stl",
      slicedAt: "2026-12-06T10:00:00.000Z",
    };
    cache.set(key, entry);
    cache.save();
    expect(openSliceCache(file).get(key)).toEqual(entry);
  });
});
