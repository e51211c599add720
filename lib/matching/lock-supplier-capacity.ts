import { shift, weekStartOf } from "../../quoting-engine/pricing/working-days";
import type { CompanyStatus, ManufacturingProcess } from "../db/generated/enums";
import { Prisma } from "../db/generated/client";
import type { TransactionClient } from "../db/prisma";
import { queryRawRows } from "../db/transaction-pg-client";
import type { CountedCapacity } from "./replan-locked-capacity";

/**
 * lockActiveSupplier, the capacity lock of lockAndReplanCapacity and replanLockedCapacity's recount in one
 * round trip, for the matcher's candidate loop (issue 22; the database function
 * lock_and_count_supplier_capacity, migration 202612120401): a share lock on the supplier's company row (a
 * suspension locks it for update, so a suspended supplier never ends up with a new offer) and an update
 * lock on its capacity row for the process (two lines never book the same hours), the company row first
 * as before; then its held hours and blocked days counted in a statement of the function's own that starts
 * once the locks are held, so it sees what their previous holder committed. Without a capacity row nothing
 * is locked and both fields are null: the supplier has no hours to give.
 */
export async function lockSupplierCapacity(
  tx: TransactionClient,
  companyId: string,
  process: ManufacturingProcess,
  window: { firstDay: string; lastDay: string },
): Promise<{
  status: CompanyStatus | null;
  machineHoursPerWeek: number | null;
  counted: CountedCapacity | null;
}> {
  // On the transaction's pg connection (issue 22): texts, float8 and json, which pg decodes as Prisma does.
  const [row] = await queryRawRows<{ status: CompanyStatus; machineHoursPerWeek: number } & CountedCapacity>(
    tx,
    Prisma.sql`/* prepared */
    SELECT * FROM lock_and_count_supplier_capacity(${companyId}, ${process}::"ManufacturingProcess",
      (${window.firstDay}::date - 7), ${window.lastDay}::date,
      ${weekStartOf(window.firstDay)}::date, ${shift(window.lastDay, 7)}::date)`,
  );
  if (!row) return { status: null, machineHoursPerWeek: null, counted: null };
  const { status, machineHoursPerWeek, ...counted } = row;
  return { status, machineHoursPerWeek, counted };
}
