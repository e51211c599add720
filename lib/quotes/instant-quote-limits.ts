import type { ManualQuote, PricedQuote } from "../../quoting-engine/pricing/quote-part";
import { shift, type IsoDate } from "../../quoting-engine/pricing/working-days";
import type { OrderRules } from "../small-orders/order-rules";
import { formatIsoDay } from "@/lib/dates/format-day";

const count = new Intl.NumberFormat("en-GB");

/** "six months" for 183 days, "90 days" below two months: how far out the horizon is, in words. */
export function horizonInWords(horizonDays: number): string {
  const months = Math.round(horizonDays / 30.44);
  return horizonDays >= 60 ? `${months} months` : `${horizonDays} days`;
}

/**
 * Why a priced quote is beyond what the platform prices instantly, or null: more pieces than
 * `maxInstantQuantity` (the engine's model is not made for series production), or an earliest delivery
 * date more than `horizonDays` out (no partner plans that far, and prices will have moved). Such a part
 * goes to a person, who quotes it within one working day.
 */
export function instantQuoteLimitReason(
  quote: Pick<PricedQuote, "quantity" | "delivery">,
  rules: Pick<OrderRules, "maxInstantQuantity" | "horizonDays">,
  today: IsoDate,
): string | null {
  if (quote.quantity > rules.maxInstantQuantity)
    return `${count.format(quote.quantity)} pieces: we quote this by hand within one working day (instant prices go up to ${count.format(rules.maxInstantQuantity)} pieces).`;
  const horizon = shift(today, rules.horizonDays);
  if (quote.delivery.earliestDate > horizon)
    return `${count.format(quote.quantity)} piece${quote.quantity === 1 ? "" : "s"} would take until ${formatIsoDay(quote.delivery.earliestDate)} at the earliest, more than ${horizonInWords(rules.horizonDays)} out: we quote this by hand within one working day.`;
  return null;
}

/** The priced quote as a manual one for `reason`: the part page then offers the request form. */
export function asManualQuote(quote: PricedQuote, reason: string): ManualQuote {
  return {
    ok: true,
    needsManualQuote: true,
    process: quote.process,
    material: quote.material,
    quantity: quote.quantity,
    reasons: [reason],
    cannotMake: [],
    warnings: quote.warnings,
  };
}
