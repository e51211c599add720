import type { TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";

/**
 * Ends a supplier's open probation, if it has one (lifted by operations, or replaced by a new decision),
 * with an audit-log entry. Returns how many ended (0 or 1).
 */
export async function endProbations(
  tx: TransactionClient,
  end: { companyId: string; actorUserId: string; reason: string; now: Date },
): Promise<number> {
  const open = await tx.supplierProbation.findMany({
    where: { companyId: end.companyId, liftedAt: null },
    select: { id: true },
  });
  for (const probation of open) {
    await tx.supplierProbation.update({
      where: { id: probation.id },
      data: { liftedAt: end.now, liftedById: end.actorUserId, liftReason: end.reason },
    });
    await recordAuditLog(tx, {
      actorUserId: end.actorUserId,
      companyId: end.companyId,
      action: "supplier.probation.lift",
      entityType: "SupplierProbation",
      entityId: probation.id,
      data: { reason: end.reason },
    });
  }
  return open.length;
}
