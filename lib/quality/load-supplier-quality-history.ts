import type { Database } from "../db/prisma";

/** One calendar month (Germany's calendar) of a supplier's record; a rate is null when nothing to rate. */
export interface QualityMonth {
  /** "YYYY-MM". */
  month: string;
  /** Offers created this month that were answered or left to expire (withdrawn and pending ones not). */
  offers: number;
  accepted: number;
  rejected: number;
  expired: number;
  /** (rejected + expired) ÷ offers. */
  rejectionRate: number | null;
  /** Mean hours from offer to answer over the month's accepted and rejected offers. */
  meanResponseHours: number | null;
  /** Lines shipped this month, and of them delivered (or, until delivered, shipped) by their date. */
  shipped: number;
  onTime: number;
  onTimeRate: number | null;
  ratings: number;
  meanStars: number | null;
  /** Complaints raised this month about its lines, by their status now. */
  complaints: { total: number; open: number; upheld: number; rejected: number };
  /** Complaints raised ÷ lines shipped in the month. */
  complaintsPerShippedLine: number | null;
}

interface MonthRow {
  month: string;
  accepted: number;
  rejected: number;
  expired: number;
  meanResponseHours: number | null;
  shipped: number;
  onTime: number;
  ratings: number;
  starsSum: number;
  complaintsOpen: number;
  complaintsUpheld: number;
  complaintsRejected: number;
}

/**
 * A supplier's record month by month, oldest first, for the last `months` calendar months in Germany's
 * calendar up to and including the month of `now`. The same rules as SupplierScore
 * (lib/matching/refresh-supplier-score.ts) split by month: an offer counts in the month it was made, a
 * line in the month it shipped, a rating and a complaint in the month they were given. One query for
 * all months; a month without offers, shipments, ratings or complaints has zero counts and null rates.
 */
export async function loadSupplierQualityHistory(
  db: Database,
  companyId: string,
  options: { months?: number; now?: Date } = {},
): Promise<QualityMonth[]> {
  const months = Math.max(1, Math.min(120, Math.trunc(options.months ?? 12)));
  const now = options.now ?? new Date();
  const rows = await db.$queryRaw<MonthRow[]>`
    WITH bounds AS (
      SELECT date_trunc('month', ${now}::timestamptz AT TIME ZONE 'Europe/Berlin')
               - make_interval(months => ${months - 1}::int) AS "firstMonth"
    ), since AS (
      SELECT ("firstMonth" AT TIME ZONE 'Europe/Berlin') AS "at" FROM bounds
    ), months AS (
      SELECT to_char("firstMonth" + make_interval(months => n), 'YYYY-MM') AS month
        FROM bounds, generate_series(0, ${months - 1}::int) AS n
    ), offers AS (
      SELECT to_char("createdAt" AT TIME ZONE 'Europe/Berlin', 'YYYY-MM') AS month,
             count(*) FILTER (WHERE "status" = 'ACCEPTED')::int AS accepted,
             count(*) FILTER (WHERE "status" = 'REJECTED')::int AS rejected,
             count(*) FILTER (WHERE "status" = 'EXPIRED')::int AS expired,
             (avg(EXTRACT(EPOCH FROM ("respondedAt" - "createdAt")) / 3600)
               FILTER (WHERE "status" IN ('ACCEPTED', 'REJECTED') AND "respondedAt" IS NOT NULL))::float8
               AS "meanResponseHours"
        FROM "Offer" WHERE "supplierCompanyId" = ${companyId} AND "createdAt" >= (SELECT "at" FROM since)
         -- A remake at the supplier's own cost (0 €) is not an offer it could refuse.
         AND "supplierPriceCents" > 0
         -- A countered offer is neither a rejection nor an acceptance (docs/decisions/0039).
         AND NOT EXISTS (SELECT 1 FROM "Counteroffer" k WHERE k."offerId" = "Offer"."id")
       GROUP BY 1
    ), shipped AS (
      SELECT to_char("shippedAt" AT TIME ZONE 'Europe/Berlin', 'YYYY-MM') AS month, count(*)::int AS shipped,
             count(*) FILTER (WHERE (COALESCE("deliveredAt", "shippedAt") AT TIME ZONE 'Europe/Berlin')::date
                                    <= "deliveryDate")::int AS "onTime"
        FROM "OrderLine" WHERE "supplierCompanyId" = ${companyId} AND "shippedAt" >= (SELECT "at" FROM since)
       GROUP BY 1
    ), ratings AS (
      SELECT to_char("createdAt" AT TIME ZONE 'Europe/Berlin', 'YYYY-MM') AS month, count(*)::int AS ratings,
             COALESCE(sum("stars"), 0)::int AS "starsSum"
        FROM "Rating" WHERE "supplierCompanyId" = ${companyId} AND "createdAt" >= (SELECT "at" FROM since)
       GROUP BY 1
    ), complaints AS (
      SELECT to_char(c."createdAt" AT TIME ZONE 'Europe/Berlin', 'YYYY-MM') AS month,
             count(*) FILTER (WHERE c."status" = 'OPEN')::int AS "complaintsOpen",
             count(*) FILTER (WHERE c."status" = 'UPHELD')::int AS "complaintsUpheld",
             count(*) FILTER (WHERE c."status" = 'REJECTED')::int AS "complaintsRejected"
        FROM "Complaint" c JOIN "OrderLine" l ON l."id" = c."orderLineId"
       WHERE l."supplierCompanyId" = ${companyId} AND c."createdAt" >= (SELECT "at" FROM since)
       GROUP BY 1
    )
    SELECT m.month,
           COALESCE(o.accepted, 0) AS accepted, COALESCE(o.rejected, 0) AS rejected,
           COALESCE(o.expired, 0) AS expired, o."meanResponseHours",
           COALESCE(s.shipped, 0) AS shipped, COALESCE(s."onTime", 0) AS "onTime",
           COALESCE(r.ratings, 0) AS ratings, COALESCE(r."starsSum", 0) AS "starsSum",
           COALESCE(c."complaintsOpen", 0) AS "complaintsOpen",
           COALESCE(c."complaintsUpheld", 0) AS "complaintsUpheld",
           COALESCE(c."complaintsRejected", 0) AS "complaintsRejected"
      FROM months m
      LEFT JOIN offers o ON o.month = m.month
      LEFT JOIN shipped s ON s.month = m.month
      LEFT JOIN ratings r ON r.month = m.month
      LEFT JOIN complaints c ON c.month = m.month
     ORDER BY m.month`;
  return rows.map((row) => {
    const offers = row.accepted + row.rejected + row.expired;
    const complaints = {
      total: row.complaintsOpen + row.complaintsUpheld + row.complaintsRejected,
      open: row.complaintsOpen,
      upheld: row.complaintsUpheld,
      rejected: row.complaintsRejected,
    };
    return {
      month: row.month,
      offers,
      accepted: row.accepted,
      rejected: row.rejected,
      expired: row.expired,
      rejectionRate: offers > 0 ? (row.rejected + row.expired) / offers : null,
      meanResponseHours: row.meanResponseHours,
      shipped: row.shipped,
      onTime: row.onTime,
      onTimeRate: row.shipped > 0 ? row.onTime / row.shipped : null,
      ratings: row.ratings,
      meanStars: row.ratings > 0 ? row.starsSum / row.ratings : null,
      complaints,
      complaintsPerShippedLine: row.shipped > 0 ? complaints.total / row.shipped : null,
    };
  });
}
