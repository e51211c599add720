import type { MatchingSettings } from "../matching/matching-settings";
import { formatEuros } from "../money/format-euros";

export interface CounterofferTerms {
  /** The offer's price to the supplier and the line's price to the buyer (before VAT). */
  offeredPriceCents: number;
  lineTotalCents: number;
  proposedPriceCents: number;
  /** Calendar days, YYYY-MM-DD: the buyer's promised delivery date, the proposed one, the earliest allowed. */
  offeredDeliveryDate: string;
  proposedDeliveryDate: string;
  earliestDeliveryDate: string;
}

export type CounterofferJudgement =
  | { ok: false; field: "price" | "deliveryDate" | ""; error: string }
  /** `automatic`: within the margin rules and the buyer's date, so the platform accepts it at once. */
  | { ok: true; automatic: boolean; changesPrice: boolean; changesDate: boolean };

/**
 * The rules of a counteroffer (docs/decisions/0039), pure. A price above the cap (a share above the offered
 * price) is refused; so is a price that leaves the platform less than its minimum margin on the line's sell
 * price, because the buyer's price never changes after the order (it is paid or invoiced already). A date
 * on or before the buyer's delivery date is accepted automatically; a later one is the buyer's to accept.
 */
export function judgeCounteroffer(
  terms: CounterofferTerms,
  settings: MatchingSettings["counteroffers"],
): CounterofferJudgement {
  const { offeredPriceCents, proposedPriceCents, lineTotalCents } = terms;
  if (offeredPriceCents <= 0)
    return {
      ok: false,
      field: "",
      error: "A remake at your own cost cannot be countered; accept or reject it.",
    };
  const changesPrice = proposedPriceCents !== offeredPriceCents;
  const changesDate = terms.proposedDeliveryDate !== terms.offeredDeliveryDate;
  if (!changesPrice && !changesDate)
    return {
      ok: false,
      field: "",
      error: "Your counteroffer keeps the offered price and date; change one of them, or accept the offer.",
    };
  const capCents = Math.floor(offeredPriceCents * (1 + settings.maxRaisePercent / 100));
  if (proposedPriceCents > capCents)
    return {
      ok: false,
      field: "price",
      error: `You can ask at most ${formatEuros(capCents)} for this job (${settings.maxRaisePercent} % above the offered ${formatEuros(offeredPriceCents)}). Enter a lower price.`,
    };
  const marginCents = lineTotalCents - proposedPriceCents;
  if (marginCents * 100 < lineTotalCents * settings.minMarginPercent)
    return {
      ok: false,
      field: "price",
      error:
        "We cannot pay this price for this job: the buyer's price is fixed and this leaves too little for the platform. Enter a lower price, or accept or reject the offer.",
    };
  if (terms.proposedDeliveryDate < terms.earliestDeliveryDate)
    return {
      ok: false,
      field: "deliveryDate",
      error: `Choose a delivery date from ${terms.earliestDeliveryDate} on.`,
    };
  const automatic = terms.proposedDeliveryDate <= terms.offeredDeliveryDate;
  return { ok: true, automatic, changesPrice, changesDate };
}
