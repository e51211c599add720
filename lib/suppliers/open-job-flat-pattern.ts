import { writeFlatPatternDxf } from "../../quoting-engine/analysis/sheet-metal/write-flat-pattern-dxf";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import { storedSheetMetalSchema } from "../parts/stored-sheet-metal-schema";
import { jobStatuses } from "./job-statuses";

/**
 * A supplier downloads the flat pattern of a sheet-metal job it accepted, as DXF (the engine's writer:
 * outline, holes and bend lines). Guarded like the CAD file (lib/suppliers/open-job-file.ts): before
 * acceptance, for another supplier, or for a part that is not sheet metal, it does not exist for it
 * (not_found). Every download is in the audit log.
 */
export async function openJobFlatPattern(
  db: Database,
  reader: { userId: string; companyId: string; ipAddress?: string | null },
  orderLineId: string,
): Promise<{ dxf: string; fileName: string }> {
  const line = await db.orderLine.findFirst({
    where: { id: orderLineId, supplierCompanyId: reader.companyId, status: { in: [...jobStatuses] } },
    select: { id: true, part: { select: { id: true, analysis: true, originalFileName: true } } },
  });
  if (!line) throw new AppError("not_found", "There is no such job for your company.");
  const analysis = line.part.analysis;
  const stored =
    analysis && typeof analysis === "object" && !Array.isArray(analysis) ? analysis.sheetMetal : undefined;
  const sheet = storedSheetMetalSchema.safeParse(stored);
  if (!sheet.success || !sheet.data.ok) throw new AppError("not_found", "This job has no flat pattern.");
  const fileName = `${line.part.originalFileName.replace(/\.[^.]+$/, "")}-flat-pattern.dxf`;
  const dxf = writeFlatPatternDxf(sheet.data.flatPattern, sheet.data.thicknessMm);
  await recordAuditLog(db, {
    actorUserId: reader.userId,
    companyId: reader.companyId,
    action: "file.read",
    entityType: "OrderLine",
    entityId: line.id,
    data: { file: "flat-pattern", partId: line.part.id, fileName },
    ipAddress: reader.ipAddress ?? null,
  });
  return { dxf, fileName };
}
