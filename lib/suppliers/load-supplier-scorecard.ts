import type { Database } from "../db/prisma";
import { loadSupplierQualityHistory } from "../quality/load-supplier-quality-history";

export interface ScorecardMonth {
  /** "YYYY-MM". */
  month: string;
  offers: number;
  rejected: number;
  expired: number;
  shipped: number;
  onTime: number;
  ratings: number;
  meanStars: number | null;
  complaints: number;
}

/**
 * A supplier's record month by month over the last 12 months (in Germany's calendar): offers and how it
 * answered them, lines shipped and how many on time, ratings and complaints. The same rules as the
 * matcher's SupplierScore, split by month (lib/quality/load-supplier-quality-history.ts, which operations
 * see too).
 */
export async function loadSupplierScorecard(db: Database, companyId: string, now = new Date()) {
  const history = await loadSupplierQualityHistory(db, companyId, { months: 12, now });
  const months: ScorecardMonth[] = history.map((month) => ({
    month: month.month,
    offers: month.offers,
    rejected: month.rejected,
    expired: month.expired,
    shipped: month.shipped,
    onTime: month.onTime,
    ratings: month.ratings,
    meanStars: month.meanStars,
    complaints: month.complaints.total,
  }));
  const total = months.reduce(
    (sum, month) => ({
      offers: sum.offers + month.offers,
      declined: sum.declined + month.rejected + month.expired,
      shipped: sum.shipped + month.shipped,
      onTime: sum.onTime + month.onTime,
      ratings: sum.ratings + month.ratings,
      stars: sum.stars + (month.meanStars ?? 0) * month.ratings,
      complaints: sum.complaints + month.complaints,
    }),
    { offers: 0, declined: 0, shipped: 0, onTime: 0, ratings: 0, stars: 0, complaints: 0 },
  );
  return {
    months,
    year: {
      onTimeRate: total.shipped > 0 ? total.onTime / total.shipped : null,
      meanStars: total.ratings > 0 ? total.stars / total.ratings : null,
      rejectionRate: total.offers > 0 ? total.declined / total.offers : null,
      complaintsPerShipment: total.shipped > 0 ? total.complaints / total.shipped : null,
      ...total,
    },
  };
}
