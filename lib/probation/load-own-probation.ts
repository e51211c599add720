import type { Database } from "../db/prisma";
import { isoDateOf } from "../db/iso-date-of";
import { loadProbations } from "../matching/load-probations";
import type { OwnProbation } from "./describe-probation";

/**
 * The supplier's own open probation for its portal (decision 0048): its limits, its open jobs as the
 * matcher counts them, the due date and the conditions the audit wrote down; null when it is on none.
 */
export async function loadOwnProbation(db: Database, companyId: string): Promise<OwnProbation | null> {
  const probation = await db.supplierProbation.findFirst({
    where: { companyId, liftedAt: null },
    orderBy: { startedAt: "desc" },
  });
  if (!probation) return null;
  const [limits, audit] = await Promise.all([
    loadProbations(db, companyId),
    probation.auditId
      ? db.supplierAudit.findUnique({ where: { id: probation.auditId }, select: { conditions: true } })
      : null,
  ]);
  return {
    maxOrderValueCents: probation.maxOrderValueCents,
    maxOpenJobs: probation.maxOpenJobs,
    conditionsDueOn: isoDateOf(probation.conditionsDueOn),
    startedAt: probation.startedAt,
    openJobs: limits.get(companyId)?.openJobs ?? 0,
    conditions: audit?.conditions ?? null,
  };
}
