/**
 * Splits part of a gross amount (e.g. a partial refund of an order) into net and VAT in the order's own
 * proportion, so that refunding every part of an order in pieces gives back exactly its VAT: the VAT of
 * each piece is the order's VAT on everything refunded so far, less what earlier pieces took.
 */
export function splitGrossCents(
  grossCents: number,
  order: { totalCents: number; vatCents: number },
  alreadySplitGrossCents = 0,
): { netCents: number; vatCents: number } {
  if (!Number.isSafeInteger(grossCents) || grossCents < 0)
    throw new Error(`Not an amount in cents: ${grossCents}`);
  if (grossCents + alreadySplitGrossCents > order.totalCents)
    throw new Error(`Cannot split ${grossCents} cents more out of a total of ${order.totalCents}.`);
  if (order.totalCents === 0) return { netCents: 0, vatCents: 0 };
  const vatUpTo = (cents: number) => Math.round((cents * order.vatCents) / order.totalCents);
  const vatCents = vatUpTo(alreadySplitGrossCents + grossCents) - vatUpTo(alreadySplitGrossCents);
  return { netCents: grossCents - vatCents, vatCents };
}
