import type { Database, TransactionClient } from "../db/prisma";

/**
 * The net amount an order of these quotes costs: what checkout's summary shows and placeOrder charges
 * VAT on. One place, so a charge on the whole order (a small-order surcharge) joins both at once.
 */
export async function checkoutNetCents(
  _db: Database | TransactionClient,
  quotes: readonly { totalPriceCents: number }[],
): Promise<number> {
  return quotes.reduce((sum, quote) => sum + quote.totalPriceCents, 0);
}
