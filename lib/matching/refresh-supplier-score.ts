import type { Database, TransactionClient } from "../db/prisma";

/**
 * Recomputes one supplier's track record over the last 365 days from its offers (not remakes at its own
 * cost, which are 0 € offers it cannot refuse, nor countered offers, which count neither as a rejection nor
 * as an acceptance: docs/decisions/0039), shipped lines, ratings and complaints, and stores it for
 * the matcher (SupplierScore). A line is on time when it was delivered, or (before delivery is confirmed)
 * shipped, on or before its delivery date in Germany. One statement, so concurrent refreshes each write a
 * complete, consistent row.
 */
export async function refreshSupplierScore(
  db: Database | TransactionClient,
  companyId: string,
  now: Date = new Date(),
): Promise<void> {
  const since = new Date(now.getTime() - 365 * 86_400_000);
  await db.$executeRaw`
    INSERT INTO "SupplierScore" ("companyId", "offersAnswered", "offersRejected", "offersExpired", "linesShipped",
      "linesOnTime", "ratingsCount", "ratingsStarsSum", "complaintsCount", "complaintsUpheld", "meanResponseHours", "computedAt")
    SELECT ${companyId},
      (SELECT count(*) FROM "Offer" WHERE "supplierCompanyId" = ${companyId} AND "createdAt" >= ${since} AND "supplierPriceCents" > 0 AND NOT EXISTS (SELECT 1 FROM "Counteroffer" k WHERE k."offerId" = "Offer"."id") AND "status" IN ('ACCEPTED', 'REJECTED')),
      (SELECT count(*) FROM "Offer" WHERE "supplierCompanyId" = ${companyId} AND "createdAt" >= ${since} AND "supplierPriceCents" > 0 AND NOT EXISTS (SELECT 1 FROM "Counteroffer" k WHERE k."offerId" = "Offer"."id") AND "status" = 'REJECTED'),
      (SELECT count(*) FROM "Offer" WHERE "supplierCompanyId" = ${companyId} AND "createdAt" >= ${since} AND "supplierPriceCents" > 0 AND NOT EXISTS (SELECT 1 FROM "Counteroffer" k WHERE k."offerId" = "Offer"."id") AND "status" = 'EXPIRED'),
      (SELECT count(*) FROM "OrderLine" WHERE "supplierCompanyId" = ${companyId} AND "shippedAt" >= ${since}),
      (SELECT count(*) FROM "OrderLine" WHERE "supplierCompanyId" = ${companyId} AND "shippedAt" >= ${since}
          AND (COALESCE("deliveredAt", "shippedAt") AT TIME ZONE 'Europe/Berlin')::date <= "deliveryDate"),
      (SELECT count(*) FROM "Rating" WHERE "supplierCompanyId" = ${companyId} AND "createdAt" >= ${since}),
      (SELECT COALESCE(sum("stars"), 0) FROM "Rating" WHERE "supplierCompanyId" = ${companyId} AND "createdAt" >= ${since}),
      (SELECT count(*) FROM "Complaint" c JOIN "OrderLine" l ON l."id" = c."orderLineId"
        WHERE l."supplierCompanyId" = ${companyId} AND c."createdAt" >= ${since}),
      (SELECT count(*) FROM "Complaint" c JOIN "OrderLine" l ON l."id" = c."orderLineId"
        WHERE l."supplierCompanyId" = ${companyId} AND c."createdAt" >= ${since} AND c."status" = 'UPHELD'),
      (SELECT avg(EXTRACT(EPOCH FROM ("respondedAt" - "createdAt")) / 3600) FROM "Offer"
        WHERE "supplierCompanyId" = ${companyId} AND "createdAt" >= ${since} AND "supplierPriceCents" > 0 AND "respondedAt" IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM "Counteroffer" k WHERE k."offerId" = "Offer"."id") AND "status" IN ('ACCEPTED', 'REJECTED')),
      ${now}
    ON CONFLICT ("companyId") DO UPDATE SET
      "offersAnswered" = EXCLUDED."offersAnswered", "offersRejected" = EXCLUDED."offersRejected",
      "offersExpired" = EXCLUDED."offersExpired", "linesShipped" = EXCLUDED."linesShipped",
      "linesOnTime" = EXCLUDED."linesOnTime", "ratingsCount" = EXCLUDED."ratingsCount",
      "ratingsStarsSum" = EXCLUDED."ratingsStarsSum", "complaintsCount" = EXCLUDED."complaintsCount",
      "complaintsUpheld" = EXCLUDED."complaintsUpheld", "meanResponseHours" = EXCLUDED."meanResponseHours",
      "computedAt" = EXCLUDED."computedAt"`;
}

/** The nightly run: every supplier's record, so old orders leave the 365-day window. */
export async function refreshAllSupplierScores(db: Database, now: Date = new Date()): Promise<number> {
  const suppliers = await db.company.findMany({ where: { kind: "SUPPLIER" }, select: { id: true } });
  for (const supplier of suppliers) await refreshSupplierScore(db, supplier.id, now);
  return suppliers.length;
}
