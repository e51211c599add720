import type { Database } from "../db/prisma";
import { loadOrderDeadline } from "../quotes/load-order-deadline";

/**
 * The user's cart with each quote, its part and material, oldest item first, and the subtotal. Quotes
 * past their validity, and quotes whose delivery date an order today can no longer meet, are flagged so
 * the page can ask for a fresh price or a later date before checkout.
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
  const deadline = cart?.items.length ? await loadOrderDeadline(db) : null;
  const items = (cart?.items ?? []).map((item) => ({
    ...item,
    expired: item.quote.validUntil < now || item.quote.status !== "ACTIVE",
    /** The delivery date can no longer be met by an order placed today (checkout refuses it). */
    dateMissed: deadline !== null && deadline.isMissed(item.quote.deliveryDate, now),
  }));
  return {
    id: cart?.id ?? null,
    items,
    /** Net: every quote's total, small-order surcharges included (the checkout's net is this). */
    subtotalCents: items.reduce((sum, item) => sum + item.quote.totalPriceCents, 0),
    /** The small-order surcharges in the subtotal, shown as their own line (lib/small-orders). */
    smallOrderSurchargeCents: items.reduce((sum, item) => sum + item.quote.smallOrderSurchargeCents, 0),
    currency: items[0]?.quote.currency ?? "EUR",
  };
}
