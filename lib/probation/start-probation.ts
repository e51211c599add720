import type { TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { formatEuros } from "../money/format-euros";
import { endProbations } from "./end-probations";
import type { ProbationTerms } from "./probation-input";

/**
 * Puts a supplier approved with conditions on probation, in the decision's transaction: an earlier open
 * probation ends (the new decision replaces it) and the new one holds until operations lift it.
 */
export async function startProbation(
  tx: TransactionClient,
  start: { companyId: string; auditId: string; actorUserId: string; terms: ProbationTerms; now: Date },
): Promise<string> {
  await endProbations(tx, {
    companyId: start.companyId,
    actorUserId: start.actorUserId,
    reason: "Replaced by a new approval with conditions",
    now: start.now,
  });
  const probation = await tx.supplierProbation.create({
    data: {
      companyId: start.companyId,
      auditId: start.auditId,
      maxOrderValueCents: start.terms.maxOrderValueCents,
      maxOpenJobs: start.terms.maxOpenJobs,
      conditionsDueOn: new Date(`${start.terms.conditionsDueOn}T00:00:00Z`),
      startedById: start.actorUserId,
      startedAt: start.now,
    },
  });
  await recordAuditLog(tx, {
    actorUserId: start.actorUserId,
    companyId: start.companyId,
    action: "supplier.probation.start",
    entityType: "SupplierProbation",
    entityId: probation.id,
    data: {
      maxOrderValue:
        start.terms.maxOrderValueCents === null ? "no limit" : formatEuros(start.terms.maxOrderValueCents),
      maxOpenJobs: start.terms.maxOpenJobs === null ? "no limit" : String(start.terms.maxOpenJobs),
      conditionsDueOn: start.terms.conditionsDueOn,
    },
  });
  return probation.id;
}
