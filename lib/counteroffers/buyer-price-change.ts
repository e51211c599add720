import { germanVatPercent } from "../money/vat-for-delivery";
import { vatCents } from "../money/vat-cents";

export interface NetVatGross {
  netCents: number;
  vatCents: number;
  grossCents: number;
}

export interface BuyerPriceChange {
  previous: NetVatGross;
  next: NetVatGross;
  /** What the supplementary invoice or payment charges: VAT on the difference, as its own invoice must. */
  difference: NetVatGross;
}

/**
 * The buyer's line price before and after a counteroffer beyond the margin rule (docs/decisions/0047), net,
 * VAT and gross. The difference is a document of its own, so its VAT is the rate on its own net; the new
 * price's VAT is the old one plus the difference's, so the three rows add up to the cent as shown.
 */
export function buyerPriceChange(
  previousNetCents: number,
  nextNetCents: number,
  percent: number,
): BuyerPriceChange {
  const previousVat = vatCents(previousNetCents, percent);
  const differenceNet = nextNetCents - previousNetCents;
  const differenceVat = vatCents(differenceNet, percent);
  return {
    previous: {
      netCents: previousNetCents,
      vatCents: previousVat,
      grossCents: previousNetCents + previousVat,
    },
    next: {
      netCents: nextNetCents,
      vatCents: previousVat + differenceVat,
      grossCents: nextNetCents + previousVat + differenceVat,
    },
    difference: {
      netCents: differenceNet,
      vatCents: differenceVat,
      grossCents: differenceNet + differenceVat,
    },
  };
}

/**
 * The VAT rate the order was charged at: 19 % German VAT, or none (reverse charge, export), from the rule
 * stored on the order; orders from before it was stored tell by their VAT amount.
 */
export function orderVatPercent(order: { vatTreatment: string | null; vatCents: number }): number {
  if (order.vatTreatment) return order.vatTreatment === "GERMAN_VAT" ? germanVatPercent : 0;
  return order.vatCents > 0 ? germanVatPercent : 0;
}
