import type Stripe from "stripe";

/**
 * Stripe Checkout takes at most 100 line items in payment mode (the API reference of
 * `line_items`; decision 0029). Our orders may have more lines than that.
 */
export const maxCheckoutLineItems = 100;

export interface CheckoutLine {
  name: string;
  /** The line's frozen total, net. */
  totalCents: number;
}

/**
 * The session's line items: one per order line and one for VAT, so Stripe's total is the order's total
 * to the cent. An order with more lines than Checkout takes keeps its first lines as they are and
 * groups the rest into one item ("14 more parts") whose amount is their exact sum: nothing is split
 * or rounded, so the total stays exact. The order confirmation and invoice still list every line.
 */
export function checkoutLineItems(
  lines: readonly CheckoutLine[],
  vatCents: number,
  currency: string,
): Stripe.Checkout.SessionCreateParams.LineItem[] {
  const item = (name: string, cents: number): Stripe.Checkout.SessionCreateParams.LineItem => ({
    quantity: 1,
    price_data: { currency, unit_amount: cents, product_data: { name } },
  });
  const vatItems = vatCents > 0 ? [item("VAT", vatCents)] : [];
  const room = maxCheckoutLineItems - vatItems.length;
  if (lines.length <= room) return [...lines.map((line) => item(line.name, line.totalCents)), ...vatItems];
  const kept = lines.slice(0, room - 1);
  const grouped = lines.slice(room - 1);
  const groupedCents = grouped.reduce((sum, line) => sum + line.totalCents, 0);
  return [
    ...kept.map((line) => item(line.name, line.totalCents)),
    item(`${grouped.length} more parts of this order (listed on the order confirmation)`, groupedCents),
    ...vatItems,
  ];
}
