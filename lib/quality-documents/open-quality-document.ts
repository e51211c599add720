import type { Readable } from "node:stream";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import type { FileStorage } from "../storage/file-storage";

export interface QualityDocumentReader {
  userId: string;
  companyId: string;
  /** Whose documents the reader may see: the buyer's own orders, operations all, a partner its jobs. */
  area: "buyer" | "ops" | "supplier";
  ipAddress?: string | null;
}

/**
 * A quality document of an order: for the buyer company that placed it, for operations, and for the
 * partner whose job it is. Anyone else is told it does not exist. Every read is in the audit log.
 * `scope` is the order's id (the order pages' route) or `{ orderLineId }` (the partner's job page, whose
 * route knows the job, not the order).
 */
export async function openQualityDocument(
  db: Database,
  storage: FileStorage,
  reader: QualityDocumentReader,
  scope: string | { orderLineId: string },
  documentId: string,
): Promise<{ stream: Readable; fileName: string; contentType: string }> {
  const document = await db.qualityDocument.findFirst({
    where: {
      id: documentId,
      orderLine: {
        ...(typeof scope === "string" ? { orderId: scope } : { id: scope.orderLineId }),
        ...(reader.area === "buyer" && { order: { buyerCompanyId: reader.companyId } }),
        ...(reader.area === "supplier" && { supplierCompanyId: reader.companyId }),
      },
    },
    select: { id: true, fileName: true, contentType: true, storageKey: true, kind: true, orderLineId: true },
  });
  if (!document) throw new AppError("not_found", "There is no such document on this order.");
  const stream = await storage.get(document.storageKey);
  await recordAuditLog(db, {
    actorUserId: reader.userId,
    companyId: reader.companyId,
    action: "file.read",
    entityType: "QualityDocument",
    entityId: document.id,
    data: { orderLineId: document.orderLineId, kind: document.kind, fileName: document.fileName },
    ipAddress: reader.ipAddress ?? null,
  });
  return { stream, fileName: document.fileName, contentType: document.contentType };
}
