import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { analysisPoolOptions } from "../../lib/parts/analysis-pool";
import { analyzeStoredPart } from "../../lib/parts/analyze-stored-part";
import { parseEnvironment } from "../../lib/env";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import { analyzeFile } from "../../quoting-engine/analysis/analyze-file";
import { createAnalysisPool, type AnalysisPool } from "../../quoting-engine/analysis/analysis-worker-pool";
import { createTestPrisma } from "../integration/setup/test-prisma";

/** Bytes of Float64Array and Uint32Array storage made while `run` runs (the engine's mesh arrays). */
function meshBytesAllocatedBy<T>(run: () => T): { result: T; allocatedBytes: number; ms: number } {
  const originals = { Float64Array: globalThis.Float64Array, Uint32Array: globalThis.Uint32Array };
  let allocatedBytes = 0;
  class CountingFloat64Array extends originals.Float64Array {
    constructor(...args: unknown[]) {
      super(...(args as [number]));
      allocatedBytes += this.byteLength;
    }
  }
  class CountingUint32Array extends originals.Uint32Array {
    constructor(...args: unknown[]) {
      super(...(args as [number]));
      allocatedBytes += this.byteLength;
    }
  }
  Object.assign(globalThis, { Float64Array: CountingFloat64Array, Uint32Array: CountingUint32Array });
  const startedAt = performance.now();
  try {
    const result = run();
    return { result, allocatedBytes, ms: performance.now() - startedAt };
  } finally {
    Object.assign(globalThis, originals);
  }
}

/** A binary STL of `triangles` small triangles; `declared` overrides the header's count. */
function binaryStl(triangles: number, declared = triangles): Uint8Array {
  const bytes = new Uint8Array(84 + 50 * triangles);
  const view = new DataView(bytes.buffer);
  view.setUint32(80, declared, true);
  for (let index = 0; index < triangles; index++) {
    const offset = 84 + index * 50 + 12;
    const corners = [index, 0, 0, index + 1, 0, 0, index, 1, 0];
    corners.forEach((value, component) => view.setFloat32(offset + component * 4, value, true));
  }
  return bytes;
}

/**
 * A 3MF whose one object holds `vertices` vertices and as many triangles, all alike: a small download
 * (repeated text compresses about 1000:1) that unpacks to tens of MB of mesh, as in the probe.
 */
function heavy3mf(vertices: number): Uint8Array {
  const model =
    '<?xml version="1.0" encoding="UTF-8"?><model unit="millimeter" xmlns="http://schemas.microsoft.com/3dmanufacturing/core/2015/02">' +
    `<resources><object id="1" type="model"><mesh><vertices>${'<vertex x="1" y="2" z="3"/>'.repeat(vertices)}</vertices>` +
    `<triangles>${'<triangle v1="0" v2="1" v3="2"/>'.repeat(vertices)}</triangles></mesh></object></resources>` +
    '<build><item objectid="1"/></build></model>';
  return zipSync({ "3D/3dmodel.model": strToU8(model) }, { level: 9 });
}

describe("analysis budgets (issue 16, item 7)", () => {
  it("refuses a 3MF holding far more vertices than the budget from a count before parsing, making no mesh arrays", () => {
    const file = heavy3mf(1_000_000); // 58 MB of XML in well under 1 MB
    expect(file.length).toBeLessThan(1024 * 1024);
    const { result, allocatedBytes, ms } = meshBytesAllocatedBy(() =>
      analyzeFile(file, "heavy.3mf", { maxTriangles: 10_000 }),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: "too_large", message: expect.stringMatching(/more than 30,000 vertices/) },
    });
    // The whole mesh would be 1 000 000 × 3 × 8 bytes of positions alone; the count stops before any.
    expect(allocatedBytes).toBeLessThan(64 * 1024);
    expect(ms).toBeLessThan(2_000);
  });

  it("refuses a binary STL from its header's triangle count without making its arrays", () => {
    // A header announcing 4 000 000 000 triangles in a file of one is damaged, not too large.
    for (const [file, code, words] of [
      [binaryStl(20_000), "too_large", "10,000"],
      [binaryStl(1, 4_000_000_000), "truncated", "announces 4,000,000,000 triangles"],
    ] as const) {
      const { result, allocatedBytes, ms } = meshBytesAllocatedBy(() =>
        analyzeFile(file, "many.stl", { maxTriangles: 10_000 }),
      );
      expect(result).toMatchObject({ ok: false, error: { code, message: expect.stringContaining(words) } });
      expect(allocatedBytes).toBe(0);
      expect(ms).toBeLessThan(200);
    }
  });

  it("takes the worker's heap limit from ANALYSIS_WORKER_MEMORY_MB", () => {
    const env = parseEnvironment({ AUTH_SECRET: "x".repeat(32), ANALYSIS_WORKER_MEMORY_MB: "640" });
    expect(analysisPoolOptions(env)).toMatchObject({ maxHeapMb: 640 });
  });

  describe("a stored part over the budget", () => {
    let db: Database;
    let pool: AnalysisPool;
    let directory: string;
    beforeAll(async () => {
      db = await createTestPrisma();
      pool = createAnalysisPool({ size: 1 });
      directory = await fs.mkdtemp(path.join(os.tmpdir(), "budgets-"));
    });
    afterAll(async () => {
      await pool.close();
      await fs.rm(directory, { recursive: true, force: true });
    });

    it("ends FAILED with too_large and a message for the buyer", async () => {
      const storage = createLocalFileStorage(directory);
      const stored = await storage.put(Readable.from([Buffer.from(binaryStl(5_000))]), { maxBytes: 1 << 20 });
      const part = await db.part.create({
        data: {
          originalFileName: "dense.stl",
          storageKey: stored.key,
          contentSha256: stored.sha256,
          sizeBytes: BigInt(stored.sizeBytes),
          format: "STL",
          visitorToken: "v",
        },
      });
      await analyzeStoredPart(
        { db, storage, pool, budget: { maxBytes: 1 << 20, maxTriangles: 1_000 } },
        part.id,
      );
      expect(await db.part.findUniqueOrThrow({ where: { id: part.id } })).toMatchObject({
        status: "FAILED",
        failureCode: "too_large",
        failureMessage: expect.stringContaining("at most 1,000 per file"),
      });
    }, 60_000);
  });
});
