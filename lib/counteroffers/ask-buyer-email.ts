import { formatDeadline } from "../dates/format-deadline";
import { formatEuros } from "../money/format-euros";
import { buyerPriceChange } from "./buyer-price-change";
import { formatIsoDay } from "@/lib/dates/format-day";

export interface AskBuyerEmailInput {
  order: { number: string; paymentMethod: string };
  quantity: number;
  offeredDeliveryDate: string;
  proposedDeliveryDate: string;
  /** The buyer's line price before and after, when the counteroffer changes it (docs/decisions/0047). */
  price: { previousNetCents: number; netCents: number; vatPercent: number } | null;
  decideBy: Date;
}

/**
 * The e-mail asking the buyer to decide on a counteroffer: a later date, a higher price, or both, with the
 * old and new price (net, VAT, gross) and the difference, how it is paid, the deadline and what happens
 * after it. Never the partner's own price or note. The caller appends the order page's link.
 */
export function askBuyerEmail(input: AskBuyerEmailInput): { subject: string; body: string } {
  const { order, price } = input;
  const laterDate = input.proposedDeliveryDate !== input.offeredDeliveryDate;
  const paragraphs: string[] = [];
  if (price) {
    const change = buyerPriceChange(price.previousNetCents, price.netCents, price.vatPercent);
    paragraphs.push(
      `The manufacturing partner for order ${order.number} (${input.quantity} parts) can make them for a higher price: the line costs now ${formatEuros(change.next.netCents)} instead of ${formatEuros(change.previous.netCents)} net (${formatEuros(change.next.grossCents)} instead of ${formatEuros(change.previous.grossCents)} with ${price.vatPercent} % VAT).${laterDate ? ` It also needs until ${formatIsoDay(input.proposedDeliveryDate)} instead of ${formatIsoDay(input.offeredDeliveryDate)}.` : ""}`,
      `If you accept, you pay the difference of ${formatEuros(change.difference.netCents)} net, ${formatEuros(change.difference.vatCents)} VAT, ${formatEuros(change.difference.grossCents)} in all: ${order.paymentMethod === "INVOICE" ? "we send you a supplementary invoice" : "by card on the order page"}${order.paymentMethod === "INVOICE" ? "" : ", and the partner starts once it is paid"}.`,
    );
  } else
    paragraphs.push(
      `The manufacturing partner for order ${order.number} (${input.quantity} parts) can deliver by ${formatIsoDay(input.proposedDeliveryDate)} instead of ${formatIsoDay(input.offeredDeliveryDate)}. Your price stays the same.`,
    );
  paragraphs.push(
    `Please ${price && order.paymentMethod !== "INVOICE" ? "accept and pay, or decline," : "accept or decline"} by ${formatDeadline(input.decideBy)}. If you do not decide by then, it is declined automatically and we offer the line to another partner ${price ? "at your price" : "for your original date"}.`,
  );
  return {
    subject: price
      ? `Order ${order.number}: the partner asks a higher price`
      : `Order ${order.number}: the partner proposes a later delivery date`,
    body: paragraphs.join("\n\n"),
  };
}
