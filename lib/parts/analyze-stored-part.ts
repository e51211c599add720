import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { analysisContractVersion } from "../../quoting-engine/analysis/analyze-file";
import type { AnalysisPool } from "../../quoting-engine/analysis/analysis-worker-pool";
import type { Database } from "../db/prisma";
import { dbFormatOf } from "../db/catalogue-codes";
import { getEnv } from "../env";
import type { FileStorage } from "../storage/file-storage";
import { encodeDisplayMesh } from "./display-mesh-codec";
import { partUnit } from "./part-unit";

/** What one file may cost the analysis: its bytes and its mesh's triangles (checked before allocating). */
export interface AnalysisBudget {
  maxBytes: number;
  maxTriangles: number;
}

export function analysisBudgetFromEnv(): AnalysisBudget {
  const env = getEnv();
  return { maxBytes: env.UPLOAD_MAX_BYTES, maxTriangles: env.ANALYSIS_MAX_TRIANGLES };
}

/**
 * Analyses a stored part in a worker thread and keeps the result on the part: the report as JSON, the
 * display mesh as a binary file in storage. A file the engine cannot read ends as FAILED with the
 * engine's code and message for the buyer. Safe to run twice: an analysed part is left alone, and a
 * second run of an interrupted analysis starts it again.
 */
export async function analyzeStoredPart(
  deps: { db: Database; storage: FileStorage; pool: AnalysisPool; budget?: AnalysisBudget },
  partId: string,
): Promise<void> {
  const { db, storage, pool } = deps;
  const budget = deps.budget ?? analysisBudgetFromEnv();
  const claimed = await db.part.updateMany({
    where: { id: partId, status: { in: ["UPLOADED", "ANALYZING"] } },
    data: { status: "ANALYZING" },
  });
  if (claimed.count === 0) return; // analysed, failed for good, or deleted
  const part = await db.part.findUniqueOrThrow({ where: { id: partId } });
  const bytes = new Uint8Array(await buffer(await storage.get(part.storageKey)));
  // An STL or OBJ part is read in the unit its buyer chose (lib/parts/switch-part-unit.ts).
  const assumeUnit = part.assumedUnit ? partUnit(part) : undefined;
  const result = await pool.analyze(bytes, part.originalFileName, {
    ...budget,
    ...(assumeUnit ? { assumeUnit } : {}),
  });
  if ("error" in result) {
    await db.part.update({
      where: { id: partId },
      data: { status: "FAILED", failureCode: result.error.code, failureMessage: result.error.message },
    });
    return;
  }
  const mesh = await storage.put(Readable.from([encodeDisplayMesh(result.displayMesh)]), {
    maxBytes: 2 * 1024 * 1024 * 1024,
    contentType: "application/octet-stream",
  });
  await db.part.update({
    where: { id: partId },
    data: {
      status: "ANALYZED",
      format: dbFormatOf(result.report.file.format),
      analysis: result.report as unknown as object,
      analysisVersion: analysisContractVersion,
      displayMeshKey: mesh.key,
      failureCode: null,
      failureMessage: null,
    },
  });
}
