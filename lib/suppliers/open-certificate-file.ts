import type { Readable } from "node:stream";
import { areaForRole } from "../auth/roles";
import type { UserRole } from "../db/generated/enums";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import type { FileStorage } from "../storage/file-storage";
import { certificateFileTypes } from "./add-certificate";

/** The type a stored scan is served with, from the extension add-certificate.ts gave its name. */
function contentTypeOf(fileName: string): string {
  const lower = fileName.toLowerCase();
  const known = Object.entries(certificateFileTypes).find(([, type]) =>
    type.extensions.some((extension) => lower.endsWith(extension)),
  );
  return known?.[0] ?? "application/octet-stream";
}

/**
 * The scan of a certificate, for the users of the company holding it and for operations (who check
 * certificates in audits). For another supplier it does not exist (not_found, so its existence is not
 * revealed); buyers have no access. Every read is written to the audit log with who and from where.
 */
export async function openCertificateFile(
  db: Database,
  storage: FileStorage,
  reader: { userId: string; companyId: string; role: UserRole; ipAddress?: string | null },
  certificateId: string,
): Promise<{ stream: Readable; fileName: string; contentType: string }> {
  const area = areaForRole(reader.role);
  if (area === "buyer")
    throw new AppError("forbidden", "Your account has no access to partners' certificates.");
  const certificate = await db.certificate.findFirst({
    where: area === "ops" ? { id: certificateId } : { id: certificateId, companyId: reader.companyId },
    select: { id: true, companyId: true, storageKey: true, fileName: true },
  });
  if (!certificate) throw new AppError("not_found", "There is no such certificate for your company.");
  if (!certificate.storageKey || !certificate.fileName)
    throw new AppError("not_found", "No file was attached to this certificate.");
  const stream = await storage.get(certificate.storageKey);
  await recordAuditLog(db, {
    actorUserId: reader.userId,
    companyId: reader.companyId,
    action: "file.read",
    entityType: "Certificate",
    entityId: certificate.id,
    data: { fileName: certificate.fileName, ownerCompanyId: certificate.companyId },
    ipAddress: reader.ipAddress ?? null,
  });
  return { stream, fileName: certificate.fileName, contentType: contentTypeOf(certificate.fileName) };
}
