import type { TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";

/**
 * Locks a supplier's company row for a change of its standing (suspension, reinstatement, a new audit)
 * and returns it; another company or none is not_found. Offers made meanwhile hold a share lock on the
 * same row (lib/matching/lock-active-supplier.ts), so the change waits for them or they see it.
 */
export async function lockSupplier(tx: TransactionClient, companyId: string) {
  await tx.$queryRaw`SELECT 1 FROM "Company" WHERE "id" = ${companyId} AND "kind" = 'SUPPLIER' FOR UPDATE`;
  const company = await tx.company.findFirst({ where: { id: companyId, kind: "SUPPLIER" } });
  if (!company) throw new AppError("not_found", "There is no such partner.");
  return company;
}
