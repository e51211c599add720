import type { Database } from "../db/prisma";
import { supplierLineFields } from "./supplier-line-fields";

const offerCard = {
  id: true,
  status: true,
  supplierPriceCents: true,
  currency: true,
  expiresAt: true,
  respondedAt: true,
  rejectReason: true,
  createdAt: true,
  counteroffer: { select: { status: true } },
  orderLine: {
    select: {
      ...supplierLineFields,
      supplierCompanyId: true,
      part: { select: { originalFileName: true } },
      order: { select: { number: true } },
    },
  },
} as const;

/**
 * A supplier's offers inbox: pending offers (soonest deadline first) and its answers of the last 30 days.
 * Only this company's offers and its own prices; nothing about other suppliers.
 */
export async function listSupplierOffers(db: Database, companyId: string, now = new Date()) {
  const [pending, recent] = await Promise.all([
    db.offer.findMany({
      where: { supplierCompanyId: companyId, status: "PENDING", expiresAt: { gt: now } },
      orderBy: { expiresAt: "asc" },
      select: offerCard,
    }),
    db.offer.findMany({
      where: {
        supplierCompanyId: companyId,
        OR: [{ status: { not: "PENDING" } }, { expiresAt: { lte: now } }],
        createdAt: { gte: new Date(now.getTime() - 30 * 86_400_000) },
      },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: offerCard,
    }),
  ]);
  return { pending, recent };
}
