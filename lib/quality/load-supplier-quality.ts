import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { loadSupplierQualityHistory } from "./load-supplier-quality-history";
import { loadQualityOverview } from "./load-quality-overview";

/**
 * One supplier's quality scorecard for operations: its record over the last 365 days with the flags of
 * the current thresholds (as on the overview), and its last 12 months month by month. Not found when
 * `companyId` is no manufacturing supplier.
 */
export async function loadSupplierQuality(db: Database, companyId: string, now: Date = new Date()) {
  const [overview, months] = await Promise.all([
    loadQualityOverview(db, { companyId }),
    loadSupplierQualityHistory(db, companyId, { months: 12, now }),
  ]);
  const supplier = overview.suppliers[0];
  if (!supplier) throw new AppError("not_found", "There is no such manufacturing partner.");
  return { ...overview, supplier, months };
}
