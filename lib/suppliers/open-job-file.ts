import type { Readable } from "node:stream";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError, isAppError } from "../errors/app-error";
import type { FileStorage } from "../storage/file-storage";
import { findPartDrawing } from "./find-part-drawing";
import { jobStatuses } from "./job-statuses";
import { flagPartFileMissing, missingCadFileMessage } from "./job-cad-file-missing";

/**
 * A supplier downloads the CAD file (or the drawing) of a job it accepted. Before acceptance, for another
 * supplier, or for a line without such a file, the file does not exist for it (not_found, so its existence
 * is not revealed). Every download is written to the audit log with who, from where and which file.
 * A CAD file that is gone from storage is said so, and its part flagged for operations at once.
 */
export async function openJobFile(
  db: Database,
  storage: FileStorage,
  reader: { userId: string; companyId: string; ipAddress?: string | null },
  orderLineId: string,
  which: "cad" | "drawing",
): Promise<{ stream: Readable; fileName: string }> {
  const line = await db.orderLine.findFirst({
    where: { id: orderLineId, supplierCompanyId: reader.companyId, status: { in: [...jobStatuses] } },
    select: { id: true, part: { select: { id: true, storageKey: true, originalFileName: true } } },
  });
  if (!line) throw new AppError("not_found", "There is no such job for your company.");
  let key = line.part.storageKey;
  let fileName = line.part.originalFileName;
  if (which === "drawing") {
    const drawing = await findPartDrawing(db, line.part.id);
    if (!drawing) throw new AppError("not_found", "This job has no drawing.");
    ({ storageKey: key, fileName } = drawing);
  }
  const stream = await storage.get(key).catch(async (error: unknown) => {
    if (!isAppError(error) || error.code !== "not_found") throw error;
    if (which === "drawing")
      throw new AppError(
        "not_found",
        "The drawing of this job is missing from our storage. Write to us in the job's messages and we will send it to you.",
      );
    // Operations see the part under "Missing files" at once, not after the next daily check (issue 22).
    await flagPartFileMissing(db, line.part.id);
    throw new AppError("not_found", missingCadFileMessage);
  });
  await recordAuditLog(db, {
    actorUserId: reader.userId,
    companyId: reader.companyId,
    action: "file.read",
    entityType: "OrderLine",
    entityId: line.id,
    data: { file: which, partId: line.part.id, fileName },
    ipAddress: reader.ipAddress ?? null,
  });
  return { stream, fileName };
}
