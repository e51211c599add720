import type { Database } from "../db/prisma";
import { isoDateOf } from "../db/iso-date-of";
import { loadProbations } from "../matching/load-probations";

/**
 * A supplier's open probation for the operations page, as the matcher counts it (limits, open jobs, due
 * date), with who started it; null when it is on none. Also its ended probations, newest first.
 */
export async function loadSupplierProbation(db: Database, companyId: string) {
  const [rows, limits] = await Promise.all([
    db.supplierProbation.findMany({ where: { companyId }, orderBy: { startedAt: "desc" }, take: 10 }),
    loadProbations(db),
  ]);
  const open = rows.find((row) => row.liftedAt === null) ?? null;
  return {
    open: open
      ? {
          id: open.id,
          maxOrderValueCents: open.maxOrderValueCents,
          maxOpenJobs: open.maxOpenJobs,
          conditionsDueOn: isoDateOf(open.conditionsDueOn),
          startedAt: open.startedAt,
          openJobs: limits.get(companyId)?.openJobs ?? 0,
        }
      : null,
    ended: rows
      .filter((row) => row.liftedAt !== null)
      .map((row) => ({
        id: row.id,
        startedAt: row.startedAt,
        liftedAt: row.liftedAt!,
        liftReason: row.liftReason,
      })),
  };
}
