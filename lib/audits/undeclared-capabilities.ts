import type { TransactionClient } from "../db/prisma";

/**
 * What a partner has not declared that the matcher needs before it can offer the partner any job, in
 * words ("no process", "no machine", "no material", "no weekly capacity"); empty when it could be
 * offered one. An audit passing "Machines as declared" for a partner that declared none would approve a
 * company the matcher can never choose (found on a walk: an applicant approved with an empty profile).
 */
export async function undeclaredCapabilities(tx: TransactionClient, companyId: string): Promise<string[]> {
  const processes = await tx.supplierProcess.count({ where: { companyId } });
  const machines =
    (await tx.machine.count({ where: { companyId } })) + (await tx.sheetMetalMachine.count({ where: { companyId } }));
  const materials = await tx.supplierMaterial.count({ where: { companyId } });
  const capacity = await tx.weeklyCapacity.aggregate({
    where: { companyId },
    _sum: { machineHoursPerWeek: true },
  });
  const missing: string[] = [];
  if (processes === 0) missing.push("no process");
  if (machines === 0) missing.push("no machine");
  if (materials === 0) missing.push("no material");
  if (!((capacity._sum.machineHoursPerWeek ?? 0) > 0)) missing.push("no weekly capacity");
  return missing;
}
