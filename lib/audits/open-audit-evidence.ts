import type { Readable } from "node:stream";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import type { FileStorage } from "../storage/file-storage";

const contentTypes: Record<string, string> = {
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
};

/**
 * An audit's evidence file, for operations only (the caller checks the area); every read is written to
 * the audit log with who and from where.
 */
export async function openAuditEvidence(
  db: Database,
  storage: FileStorage,
  reader: { userId: string; ipAddress?: string | null },
  evidenceId: string,
): Promise<{ stream: Readable; fileName: string; contentType: string }> {
  const evidence = await db.auditEvidence.findUnique({
    where: { id: evidenceId },
    include: { audit: { select: { supplierCompanyId: true } } },
  });
  if (!evidence) throw new AppError("not_found", "There is no such evidence file.");
  const stream = await storage.get(evidence.storageKey);
  await recordAuditLog(db, {
    actorUserId: reader.userId,
    companyId: evidence.audit.supplierCompanyId,
    action: "file.read",
    entityType: "AuditEvidence",
    entityId: evidence.id,
    data: { fileName: evidence.fileName },
    ipAddress: reader.ipAddress ?? null,
  });
  const extension = evidence.fileName.toLowerCase().match(/\.[a-z]+$/)?.[0] ?? "";
  return {
    stream,
    fileName: evidence.fileName,
    contentType: contentTypes[extension] ?? "application/octet-stream",
  };
}
