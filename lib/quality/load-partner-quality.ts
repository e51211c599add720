import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { loadPartnerQualityHistory } from "./load-partner-quality-history";
import { loadQualityOverview } from "./load-quality-overview";

/**
 * One partner's quality scorecard for operations: its record over the last 365 days with the flags of
 * the current thresholds (as on the overview), and its last 12 months month by month. Not found when
 * `companyId` is no manufacturing partner.
 */
export async function loadPartnerQuality(db: Database, companyId: string, now: Date = new Date()) {
  const [overview, months] = await Promise.all([
    loadQualityOverview(db, { companyId }),
    loadPartnerQualityHistory(db, companyId, { months: 12, now }),
  ]);
  const partner = overview.partners[0];
  if (!partner) throw new AppError("not_found", "There is no such manufacturing partner.");
  return { ...overview, partner, months };
}
