import { moveAudit } from "./move-audit";
import { Readable } from "node:stream";
import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import type { FileStorage } from "../storage/file-storage";
import { checkedScan, maxCertificateFileBytes } from "../suppliers/add-certificate";
import type { AuditActor } from "./save-audit-checklist";
import { lockUndecidedAudit } from "./lock-undecided-audit";

const descriptionSchema = z
  .string({ error: "Say what the file shows, e.g. “Sample part measurement report”." })
  .trim()
  .min(3, "Say what the file shows, e.g. “Sample part measurement report”.")
  .max(200, "Keep the description under 200 characters.");

/**
 * Keeps a file as evidence with an undecided audit: a measurement report, photos of the machines, a
 * video-call protocol (PDF, PNG or JPEG up to 10 MB, checked by its first bytes before it is stored).
 * The file is stored first and the row written after, so a refused audit stores nothing that counts.
 */
export async function addAuditEvidence(
  deps: { db: Database; storage: FileStorage },
  actor: AuditActor,
  auditId: string,
  input: { description: unknown; file: File | null | undefined },
) {
  const description = descriptionSchema.parse(input.description);
  const scan = await checkedScan(input.file, "the evidence");
  if (!scan)
    throw new AppError("validation_failed", "Choose the file to keep as evidence.", { field: "file" });
  const { db, storage } = deps;
  // Refuse a decided audit before storing anything.
  await db.$transaction((tx) => lockUndecidedAudit(tx, auditId));
  const stored = await storage.put(Readable.fromWeb(scan.file.stream() as never), {
    maxBytes: maxCertificateFileBytes,
    contentType: scan.type,
  });
  return db.$transaction(async (tx) => {
    const audit = await lockUndecidedAudit(tx, auditId);
    const evidence = await tx.auditEvidence.create({
      data: {
        auditId: audit.id,
        fileName: scan.fileName,
        storageKey: stored.key,
        sizeBytes: stored.sizeBytes,
        description,
        uploadedById: actor.userId,
      },
    });
    await moveAudit(tx, {
      auditId: audit.id,
      from: audit.status,
      to: "IN_PROGRESS",
      set: { auditorId: audit.auditorId ?? actor.userId },
    });
    await recordAuditLog(tx, {
      actorUserId: actor.userId,
      companyId: audit.supplierCompanyId,
      action: "audit.evidence",
      entityType: "SupplierAudit",
      entityId: audit.id,
      data: { evidenceId: evidence.id, fileName: scan.fileName, description },
    });
    return evidence;
  });
}
