import type { CompanyStatus, ManufacturingProcess } from "../db/generated/enums";
import type { TransactionClient } from "../db/prisma";

/**
 * lockActiveSupplier and the capacity lock of lockAndReplanCapacity in one statement, for the matcher's
 * candidate loop (issue 22): a share lock on the supplier's company row (a suspension locks it for
 * update, so a suspended supplier never ends up with a new offer) and an update lock on its capacity row
 * for the process (two lines never book the same hours). The company row is named first, so it is locked
 * first, as before. Without a capacity row nothing is locked and both fields are null: the supplier has
 * no hours to give.
 */
export async function lockSupplierCapacity(
  tx: TransactionClient,
  companyId: string,
  process: ManufacturingProcess,
): Promise<{ status: CompanyStatus | null; machineHoursPerWeek: number | null }> {
  const [row] = await tx.$queryRaw<{ status: CompanyStatus; machineHoursPerWeek: number }[]>`/* prepared */
    SELECT c."status"::text AS "status", wc."machineHoursPerWeek"
      FROM "Company" c JOIN "WeeklyCapacity" wc ON wc."companyId" = c."id"
       AND wc."process" = ${process}::"ManufacturingProcess"
     WHERE c."id" = ${companyId}
       FOR SHARE OF c FOR UPDATE OF wc`;
  return row ?? { status: null, machineHoursPerWeek: null };
}
