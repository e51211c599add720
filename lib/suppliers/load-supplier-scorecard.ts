import type { Database } from "../db/prisma";

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
 * A partner's record month by month over the last 12 months (in Germany's calendar): offers and how it
 * answered them, lines shipped and how many on time, ratings and complaints. The same rules as the
 * matcher's SupplierScore, split by month.
 */
export async function loadSupplierScorecard(db: Database, companyId: string, now = new Date()) {
  const rows = await db.$queryRaw<
    {
      month: string;
      offers: number;
      rejected: number;
      expired: number;
      shipped: number;
      onTime: number;
      ratings: number;
      starsSum: number;
      complaints: number;
    }[]
  >`
    WITH months AS (
      SELECT to_char(date_trunc('month', (${now}::timestamptz AT TIME ZONE 'Europe/Berlin')) - make_interval(months => n), 'YYYY-MM') AS month
        FROM generate_series(0, 11) AS n
    ),
    offers AS (
      SELECT to_char("createdAt" AT TIME ZONE 'Europe/Berlin', 'YYYY-MM') AS month,
             count(*) FILTER (WHERE "status" IN ('ACCEPTED', 'REJECTED', 'EXPIRED'))::int AS offers,
             count(*) FILTER (WHERE "status" = 'REJECTED')::int AS rejected,
             count(*) FILTER (WHERE "status" = 'EXPIRED')::int AS expired
        FROM "Offer" WHERE "supplierCompanyId" = ${companyId} GROUP BY 1
    ),
    shipped AS (
      SELECT to_char("shippedAt" AT TIME ZONE 'Europe/Berlin', 'YYYY-MM') AS month, count(*)::int AS shipped,
             count(*) FILTER (WHERE (COALESCE("deliveredAt", "shippedAt") AT TIME ZONE 'Europe/Berlin')::date <= "deliveryDate")::int AS "onTime"
        FROM "OrderLine" WHERE "supplierCompanyId" = ${companyId} AND "shippedAt" IS NOT NULL GROUP BY 1
    ),
    ratings AS (
      SELECT to_char("createdAt" AT TIME ZONE 'Europe/Berlin', 'YYYY-MM') AS month, count(*)::int AS ratings,
             COALESCE(sum("stars"), 0)::int AS "starsSum"
        FROM "Rating" WHERE "supplierCompanyId" = ${companyId} GROUP BY 1
    ),
    complaints AS (
      SELECT to_char(c."createdAt" AT TIME ZONE 'Europe/Berlin', 'YYYY-MM') AS month, count(*)::int AS complaints
        FROM "Complaint" c JOIN "OrderLine" l ON l."id" = c."orderLineId"
       WHERE l."supplierCompanyId" = ${companyId} GROUP BY 1
    )
    SELECT m.month, COALESCE(o.offers, 0) AS offers, COALESCE(o.rejected, 0) AS rejected,
           COALESCE(o.expired, 0) AS expired, COALESCE(s.shipped, 0) AS shipped, COALESCE(s."onTime", 0) AS "onTime",
           COALESCE(r.ratings, 0) AS ratings, COALESCE(r."starsSum", 0) AS "starsSum",
           COALESCE(c.complaints, 0) AS complaints
      FROM months m
      LEFT JOIN offers o ON o.month = m.month
      LEFT JOIN shipped s ON s.month = m.month
      LEFT JOIN ratings r ON r.month = m.month
      LEFT JOIN complaints c ON c.month = m.month
     ORDER BY m.month`;
  const months: ScorecardMonth[] = rows.map((row) => ({
    month: row.month,
    offers: row.offers,
    rejected: row.rejected,
    expired: row.expired,
    shipped: row.shipped,
    onTime: row.onTime,
    ratings: row.ratings,
    meanStars: row.ratings > 0 ? row.starsSum / row.ratings : null,
    complaints: row.complaints,
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
