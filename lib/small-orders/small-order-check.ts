import type { OrderRules } from "./order-rules";

/** What the matcher's order-value rules read of one partner that could make the line (rank-candidates.ts). */
export interface CapableSupplier {
  minOrderValueCents: number | null;
  maxOrderValueCents: number | null;
  /** The partner's prices against the platform's cost model: its price is the supplier total times this. */
  costIndex: number;
}

/** One order line's money: the platform's cost model for the partner, and what the buyer pays (net). */
export interface LineMoney {
  supplierTotalCents: number;
  buyerTotalCents: number;
}

export type SmallOrderCheck =
  /** A capable partner takes the line as it is. */
  | { kind: "reaches" }
  /**
   * No partner takes it as it is; the surcharge lifts the partner price to the smallest minimum a capable
   * partner has. `supplierTotalCents` and `buyerTotalCents` are the line's totals with it;
   * `missingCents` is how much order value (at the normal margin) would reach the minimum without it.
   */
  | {
      kind: "surcharge";
      surchargeCents: number;
      supplierTotalCents: number;
      buyerTotalCents: number;
      supplierMinimumCents: number;
      missingCents: number;
    }
  /** No partner takes it as it is and the surcharge is off: the line is `missingCents` short. */
  | { kind: "missing"; missingCents: number; supplierMinimumCents: number }
  /** No active, audited partner could make it (process, material, size), or it is above every maximum. */
  | { kind: "no-partner"; reason: string };

/** The partner's price for a supplier total, rounded as the matcher rounds it. */
export const supplierPriceOf = (supplierTotalCents: number, supplier: CapableSupplier) =>
  Math.round(supplierTotalCents * supplier.costIndex);

/** The matcher's order-value and margin rules for one partner (rank-candidates.ts). */
export function supplierTakes(supplier: CapableSupplier, line: LineMoney): boolean {
  const price = supplierPriceOf(line.supplierTotalCents, supplier);
  return (
    (supplier.minOrderValueCents === null || price >= supplier.minOrderValueCents) &&
    (supplier.maxOrderValueCents === null || price <= supplier.maxOrderValueCents) &&
    price < line.buyerTotalCents
  );
}

/**
 * The smallest supplier total, not below `supplierTotalCents`, whose partner price reaches the partner's
 * minimum; null when that price would be above the partner's maximum.
 */
export function liftedSupplierTotal(supplier: CapableSupplier, supplierTotalCents: number): number | null {
  let total = supplierTotalCents;
  const minimum = supplier.minOrderValueCents ?? 0;
  if (supplierPriceOf(total, supplier) < minimum) {
    // Just below the smallest total whose rounded price reaches it; then up a cent at a time (one or two).
    total = Math.max(total, Math.floor((minimum - 0.5) / supplier.costIndex));
    while (supplierPriceOf(total, supplier) < minimum) total++;
  }
  if (supplier.maxOrderValueCents !== null && supplierPriceOf(total, supplier) > supplier.maxOrderValueCents)
    return null;
  return total;
}

/** A buyer total on `supplierTotalCents` with `marginPercent`, and always above the partner's price. */
function buyerTotalOn(supplierTotalCents: number, marginPercent: number, supplierPriceCents: number) {
  return Math.max(Math.ceil(supplierTotalCents * (1 + marginPercent / 100)), supplierPriceCents + 1);
}

/**
 * Whether a partner who could make the line would take it, and if not, what makes it placeable: the
 * small-order surcharge (when operations switched it on) or the amount still missing. Each capable partner
 * is tried; the one that needs the smallest buyer total wins, so the buyer pays the least that still finds
 * a partner. `quoteMarginPercent` is the margin the quote was priced with, for the missing amount.
 */
export function checkSmallOrder(
  line: LineMoney,
  suppliers: readonly CapableSupplier[],
  rules: Pick<OrderRules, "surchargeEnabled" | "surchargeMarginPercent" | "surchargeFeeCents">,
  quoteMarginPercent: number,
): SmallOrderCheck {
  if (suppliers.length === 0)
    return {
      kind: "no-partner",
      reason: "No active partner of ours makes this part in this process and material.",
    };
  if (suppliers.some((supplier) => supplierTakes(supplier, line))) return { kind: "reaches" };
  let best: { supplierTotalCents: number; buyerTotalCents: number; supplier: CapableSupplier } | null = null;
  for (const supplier of suppliers) {
    const supplierTotalCents = liftedSupplierTotal(supplier, line.supplierTotalCents);
    if (supplierTotalCents === null) continue;
    const price = supplierPriceOf(supplierTotalCents, supplier);
    const buyerTotalCents = Math.max(
      line.buyerTotalCents,
      buyerTotalOn(supplierTotalCents, rules.surchargeMarginPercent, price) +
        (supplierTotalCents > line.supplierTotalCents ? rules.surchargeFeeCents : 0),
    );
    if (
      !best ||
      buyerTotalCents < best.buyerTotalCents ||
      (buyerTotalCents === best.buyerTotalCents && supplierTotalCents < best.supplierTotalCents)
    )
      best = { supplierTotalCents, buyerTotalCents, supplier };
  }
  if (!best)
    return {
      kind: "no-partner",
      reason:
        "The order is above the largest order value our partners take for this process; split it or ask us.",
    };
  const supplierMinimumCents = best.supplier.minOrderValueCents ?? 0;
  const missingCents = Math.max(
    1,
    buyerTotalOn(
      best.supplierTotalCents,
      quoteMarginPercent,
      supplierPriceOf(best.supplierTotalCents, best.supplier),
    ) - line.buyerTotalCents,
  );
  if (!rules.surchargeEnabled) return { kind: "missing", missingCents, supplierMinimumCents };
  return {
    kind: "surcharge",
    surchargeCents: best.buyerTotalCents - line.buyerTotalCents,
    supplierTotalCents: best.supplierTotalCents,
    buyerTotalCents: best.buyerTotalCents,
    supplierMinimumCents,
    missingCents,
  };
}

/**
 * The smallest quantity above `quantity`, at most `maxQuantity`, at which `reaches` holds, or null:
 * doubling, then halving the gap. Assumes a line's total grows with its quantity (it does: the unit price
 * falls more slowly than the quantity grows), so one search of about 2·log2(max) prices finds it.
 */
export function piecesToReach(
  quantity: number,
  maxQuantity: number,
  reaches: (quantity: number) => boolean,
): number | null {
  let low = quantity; // does not reach
  let high = quantity;
  let step = 1;
  for (;;) {
    high = Math.min(maxQuantity, quantity + step);
    if (high <= low) return null;
    if (reaches(high)) break;
    low = high;
    if (high === maxQuantity) return null;
    step *= 2;
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (reaches(middle)) high = middle;
    else low = middle;
  }
  return high;
}
