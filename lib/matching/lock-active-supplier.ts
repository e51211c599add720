import type { TransactionClient } from "../db/prisma";

/**
 * Takes a share lock on a supplier's company row and says whether it is still ACTIVE. A suspension
 * locks the same row for update, so an offer made or accepted under this lock either commits before
 * the suspension (which then withdraws it) or sees the supplier suspended: a suspended supplier never
 * ends up with a new or newly accepted offer. Lock it before the line's offers, as suspensions do.
 */
export async function lockActiveSupplier(tx: TransactionClient, companyId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ status: string }[]>`
    SELECT "status"::text AS "status" FROM "Company" WHERE "id" = ${companyId} FOR SHARE`;
  return rows[0]?.status === "ACTIVE";
}
