import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";

/** Puts a saved quote of the buyer's company into the user's cart (one cart per user, made on first use). */
export async function addQuoteToCart(
  db: Database,
  buyer: { companyId: string; userId: string },
  quoteId: string,
) {
  return db.$transaction(async (tx) => {
    const quote = await tx.quote.findFirst({
      where: { id: quoteId, companyId: buyer.companyId },
      select: { id: true, status: true },
    });
    if (!quote) throw new AppError("not_found", "There is no such quote in your company.");
    if (quote.status !== "ACTIVE")
      throw new AppError("invalid_state_transition", "This quote was already ordered or has expired.");
    const cart = await tx.cart.upsert({
      where: { userId: buyer.userId },
      create: { companyId: buyer.companyId, userId: buyer.userId },
      update: {},
    });
    await tx.cartItem.upsert({
      where: { cartId_quoteId: { cartId: cart.id, quoteId } },
      create: { cartId: cart.id, quoteId },
      update: {},
    });
    return cart.id;
  });
}
