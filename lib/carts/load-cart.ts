import type { Database } from "../db/prisma";

/**
 * The user's cart with each quote, its part and material, oldest item first, and the subtotal. Quotes
 * past their validity are flagged so the page can ask for a fresh price before checkout.
 */
export async function loadCart(db: Database, userId: string, now = new Date()) {
  const cart = await db.cart.findUnique({
    where: { userId },
    include: {
      items: {
        orderBy: { createdAt: "asc" },
        include: {
          quote: {
            include: {
              part: { select: { id: true, originalFileName: true } },
              material: { select: { code: true, name: true } },
            },
          },
        },
      },
    },
  });
  const items = (cart?.items ?? []).map((item) => ({
    ...item,
    expired: item.quote.validUntil < now || item.quote.status !== "ACTIVE",
  }));
  return {
    id: cart?.id ?? null,
    items,
    subtotalCents: items.reduce((sum, item) => sum + item.quote.totalPriceCents, 0),
    currency: items[0]?.quote.currency ?? "EUR",
  };
}
