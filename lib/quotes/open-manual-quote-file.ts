import type { Readable } from "node:stream";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import type { FileStorage } from "../storage/file-storage";

export const manualQuoteFiles = ["display-mesh", "cad", "drawing"] as const;
export type ManualQuoteFile = (typeof manualQuoteFiles)[number];

/**
 * A file of a manual quote request, for the operations user pricing it: the part's 3D view
 * (`display-mesh`), its CAD file (`cad`) or the drawing the buyer attached (`drawing`). Operations reach a
 * buyer's part through the request only; every read is written to the audit log with who and from where.
 */
export async function openManualQuoteFile(
  db: Database,
  storage: FileStorage,
  reader: { userId: string; companyId: string; ipAddress?: string | null },
  requestId: string,
  which: ManualQuoteFile,
): Promise<{ stream: Readable; fileName: string }> {
  const request = await db.manualQuoteRequest.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      drawingStorageKey: true,
      drawingFileName: true,
      part: {
        select: { id: true, companyId: true, storageKey: true, originalFileName: true, displayMeshKey: true },
      },
    },
  });
  if (!request) throw new AppError("not_found", "There is no such quote request.");
  const file =
    which === "display-mesh"
      ? request.part.displayMeshKey && {
          key: request.part.displayMeshKey,
          fileName: `${request.part.originalFileName}.mesh`,
        }
      : which === "cad"
        ? { key: request.part.storageKey, fileName: request.part.originalFileName }
        : request.drawingStorageKey && {
            key: request.drawingStorageKey,
            fileName: request.drawingFileName ?? "drawing",
          };
  if (!file)
    throw new AppError(
      "not_found",
      which === "drawing" ? "No drawing came with this request." : "This part has no 3D view yet.",
    );
  const stream = await storage.get(file.key);
  await recordAuditLog(db, {
    actorUserId: reader.userId,
    // The owner's company, so a company's file reads are found under it whoever read them.
    companyId: request.part.companyId,
    action: "file.read",
    entityType: "ManualQuoteRequest",
    entityId: request.id,
    data: { file: which, partId: request.part.id, fileName: file.fileName },
    ipAddress: reader.ipAddress ?? null,
  });
  return { stream, fileName: file.fileName };
}
