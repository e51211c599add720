import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import { assertSupplierAdmin, type SupplierEditor } from "./assert-supplier-admin";

/**
 * Removes one of the supplier's own certificates; another company's does not exist for it. The scan
 * stays in storage: keys are content addresses another record may share. Admins only.
 */
export async function removeCertificate(db: Database, editor: SupplierEditor, certificateId: string) {
  assertSupplierAdmin(editor, "remove certificates");
  return db.$transaction(async (tx) => {
    const certificate = await tx.certificate.findFirst({
      where: { id: certificateId, companyId: editor.companyId },
    });
    if (!certificate)
      throw new AppError("not_found", "This certificate is not in your profile (any more). Reload the page.");
    await tx.certificate.delete({ where: { id: certificate.id } });
    await recordAuditLog(tx, {
      actorUserId: editor.userId,
      companyId: editor.companyId,
      action: "supplier.certificate.remove",
      entityType: "Company",
      entityId: editor.companyId,
      data: {
        certificateId: certificate.id,
        kind: certificate.kind,
        number: certificate.number,
        validUntil: certificate.validUntil.toISOString().slice(0, 10),
        storageKey: certificate.storageKey,
      },
    });
    return certificate;
  });
}
