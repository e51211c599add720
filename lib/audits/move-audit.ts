import type { AuditStatus } from "../db/generated/enums";
import type { Prisma } from "../db/generated/client";
import type { TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { auditTransitions } from "./audit-transitions";

export interface AuditMove {
  auditId: string;
  /** The status the caller read (under its lock). */
  from: AuditStatus;
  /** The same as `from` keeps the status and writes only `set` (a second checklist save). */
  to: AuditStatus;
  set?: Omit<Prisma.SupplierAuditUncheckedUpdateManyInput, "status">;
}

/**
 * The one door to a supplier audit's status: refuses a move its transition table (audit-transitions.ts)
 * does not allow, and writes only while the audit is still in `from`.
 */
export async function moveAudit(tx: TransactionClient, move: AuditMove): Promise<void> {
  if (move.from !== move.to) auditTransitions.assertMove(move.from, move.to);
  const moved = await tx.supplierAudit.updateMany({
    where: { id: move.auditId, status: move.from },
    data: { ...move.set, status: move.to },
  });
  if (moved.count !== 1)
    throw new AppError(
      "invalid_state_transition",
      "The audit changed at the same moment; reload and try again.",
    );
}
