import type { PricedQuote } from "../../quoting-engine/pricing/quote-part";
import { AppError } from "../errors/app-error";
import type { SmallOrder } from "./small-order-for-quote";
import { smallOrderMessage } from "./small-order-message";

/**
 * The totals a saved quote (and so the order line) carries: the engine's, or with the small-order
 * surcharge, the buyer total and the partner price lifted to a capable partner's minimum, so the matcher
 * finds a partner for the line. A line below every minimum with the surcharge off cannot be ordered: it is
 * refused with what is missing.
 */
export function orderableTotals(
  quote: Pick<PricedQuote, "buyer" | "supplier" | "quantity">,
  smallOrder: SmallOrder | null,
): { totalPriceCents: number; supplierTotalCostCents: number; smallOrderSurchargeCents: number } {
  if (smallOrder?.kind === "missing")
    throw new AppError(
      "validation_failed",
      `This line is below our partners' minimum order value. ${smallOrderMessage(smallOrder, quote.quantity)}`,
    );
  if (smallOrder?.kind === "surcharge")
    return {
      totalPriceCents: smallOrder.buyerTotalCents,
      supplierTotalCostCents: smallOrder.supplierTotalCents,
      smallOrderSurchargeCents: smallOrder.surchargeCents,
    };
  return {
    totalPriceCents: quote.buyer.totalPriceCents,
    supplierTotalCostCents: quote.supplier.totalPriceCents,
    smallOrderSurchargeCents: 0,
  };
}
