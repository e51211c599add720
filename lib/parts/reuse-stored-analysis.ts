import { formatFromFileName } from "../../quoting-engine/catalogue/catalogue";
import { analysisContractVersion } from "../../quoting-engine/analysis/analyze-file";
import { analysisResultsRevision } from "../../quoting-engine/analysis/analysis-results-revision";
import { Prisma, type Part } from "../db/generated/client";
import type { Database } from "../db/prisma";
import { confirmStoredFile } from "../storage/delete-unreferenced-file";
import type { FileStorage } from "../storage/file-storage";
import { analysisEngineVersion } from "./analysis-engine-version";

/**
 * Issue 22: the same file uploaded again is priced at once. When an analysed part holds the same bytes
 * (same SHA-256) and an analysis written by this very engine build (analysis-engine-version.ts), the new
 * part gets a copy of that analysis and its display mesh and is ANALYZED without an analysis job.
 * Whoever owns the other part: only what the engine derived from the bytes is copied (the report, with
 * the new file's own name put in; the display mesh, stored by its own hash), never the other part's
 * name, owner, unit choice, quotes or prices (docs/decisions/0051). Returns the part as analysed, or null
 * when there is nothing to reuse (then the caller queues the analysis as before).
 *
 * Only a part read as drawn is a source (no unit or, for a DXF drawing, no sheet thickness chosen by its
 * buyer, no notice that its name did not say its format), and only one whose format from
 * its content matches the new file's format from its name: the engine reads an unrecognised text file
 * as OBJ only when it is named so. One statement, the report never leaves the database.
 */
export async function reuseStoredAnalysis(
  deps: { db: Database; storage: FileStorage },
  part: Pick<Part, "id" | "contentSha256" | "originalFileName">,
): Promise<Part | null> {
  const engine = analysisEngineVersion();
  // A name without a CAD extension gets its own "Read as STEP (the name had no extension)" (decision 0110).
  if (!engine || !formatFromFileName(part.originalFileName)) return null;
  const [copied] = await deps.db.$queryRaw<{ displayMeshKey: string }[]>`
    UPDATE "Part" p
       SET "status" = 'ANALYZED',
           "analysis" = jsonb_set(source."analysis", '{file,name}', to_jsonb(p."originalFileName")),
           "analysisVersion" = source."analysisVersion", "analysisRevision" = source."analysisRevision",
           "analysisEngine" = source."analysisEngine",
           "displayMeshKey" = source."displayMeshKey", "failureCode" = NULL, "failureMessage" = NULL,
           "updatedAt" = now()
      FROM (SELECT "analysis", "analysisVersion", "analysisRevision", "analysisEngine", "displayMeshKey", "format" FROM "Part"
             WHERE "contentSha256" = ${part.contentSha256} AND "id" <> ${part.id} AND "status" = 'ANALYZED'
               AND "analysisVersion" = ${analysisContractVersion}::int
               AND "analysisRevision" = ${analysisResultsRevision}::int AND "analysisEngine" = ${engine}
               AND "assumedUnit" IS NULL AND "sheetThicknessMm" IS NULL AND "analysis" IS NOT NULL AND "displayMeshKey" IS NOT NULL
               AND NOT ("analysis" -> 'notices' @> '[{"code": "format_from_content"}]'::jsonb)
             ORDER BY "updatedAt" DESC LIMIT 1) source
     WHERE p."id" = ${part.id} AND p."status" = 'UPLOADED' AND p."assumedUnit" IS NULL
       AND p."format" = source."format"
    RETURNING p."displayMeshKey"`;
  if (!copied) return null;
  // The display mesh is stored by its hash and shared: confirm it was not being deleted at this moment
  // (as an upload confirms its file); without it the part is analysed the usual way.
  if (!(await confirmStoredFile(deps.db, deps.storage, copied.displayMeshKey))) {
    await deps.db.part.updateMany({
      where: { id: part.id, status: "ANALYZED" },
      data: {
        status: "UPLOADED",
        analysis: Prisma.DbNull,
        analysisVersion: null,
        analysisRevision: null,
        analysisEngine: null,
        displayMeshKey: null,
      },
    });
    return null;
  }
  return deps.db.part.findUnique({ where: { id: part.id } });
}
