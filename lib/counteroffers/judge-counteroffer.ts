import type { MatchingSettings } from "../matching/matching-settings";
import { formatIsoDay } from "../dates/format-day";
import { formatEuros } from "../money/format-euros";

export interface CounterofferTerms {
  /** The offer's price to the supplier and the line's price to the buyer (before VAT). */
  offeredPriceCents: number;
  lineTotalCents: number;
  proposedPriceCents: number;
  /**
   * Calendar days, YYYY-MM-DD: the buyer's promised delivery date, the proposed one, the earliest and the
   * latest allowed (the pricing horizon: a buyer cannot order further out, so no partner may propose it).
   */
  offeredDeliveryDate: string;
  proposedDeliveryDate: string;
  earliestDeliveryDate: string;
  latestDeliveryDate: string;
}

/** One reason a counteroffer is refused, on its field ("" for the whole form). */
export interface CounterofferRefusal {
  field: "price" | "deliveryDate" | "";
  error: string;
}

export type CounterofferJudgement =
  /** Every refusal at once: a price above the cap and a date out of range are both named. */
  | { ok: false; refusals: CounterofferRefusal[] }
  /**
   * `automatic`: within the margin rules and the buyer's date, so the platform accepts it at once.
   * `buyerNetCents`: the line's new net sell price the buyer is asked to accept when the price breaks the
   * margin rule (docs/decisions/0047); null when the buyer's price stays.
   */
  | {
      ok: true;
      automatic: boolean;
      changesPrice: boolean;
      changesDate: boolean;
      buyerNetCents: number | null;
    };

/**
 * The least net sell price that keeps the platform's minimum margin on a supplier price: the buyer pays
 * no more than the rule needs (docs/decisions/0047). Whole cents, rounded up, checked in integers.
 */
export function leastSellPriceCents(supplierPriceCents: number, minMarginPercent: number): number {
  let cents = Math.ceil((supplierPriceCents * 100) / (100 - minMarginPercent));
  while ((cents - supplierPriceCents) * 100 < cents * minMarginPercent) cents += 1;
  return cents;
}

/**
 * The rules of a counteroffer (docs/decisions/0039, 0047), pure. A price above the cap (a share above the
 * offered price) is refused. A price that leaves the platform less than its minimum margin on the line's
 * sell price is the buyer's to accept: it is asked to pay the least sell price that keeps the margin. A
 * date on or before the buyer's delivery date is accepted automatically; a later one is the buyer's too.
 */
export function judgeCounteroffer(
  terms: CounterofferTerms,
  settings: MatchingSettings["counteroffers"],
): CounterofferJudgement {
  const { offeredPriceCents, proposedPriceCents, lineTotalCents } = terms;
  if (offeredPriceCents <= 0)
    return {
      ok: false,
      refusals: [{ field: "", error: "A remake at your own cost cannot be countered; accept or reject it." }],
    };
  const changesPrice = proposedPriceCents !== offeredPriceCents;
  const changesDate = terms.proposedDeliveryDate !== terms.offeredDeliveryDate;
  if (!changesPrice && !changesDate)
    return {
      ok: false,
      refusals: [
        {
          field: "",
          error:
            "Your counteroffer keeps the offered price and date; change one of them, or accept the offer.",
        },
      ],
    };
  const capCents = Math.floor(offeredPriceCents * (1 + settings.maxRaisePercent / 100));
  const refusals: CounterofferRefusal[] = [];
  if (proposedPriceCents > capCents)
    refusals.push({
      field: "price",
      error: `You can ask at most ${formatEuros(capCents)} for this job (${settings.maxRaisePercent} % above the offered ${formatEuros(offeredPriceCents)}). Enter a lower price.`,
    });
  const marginCents = lineTotalCents - proposedPriceCents;
  const buyerNetCents =
    marginCents * 100 < lineTotalCents * settings.minMarginPercent
      ? leastSellPriceCents(proposedPriceCents, settings.minMarginPercent)
      : null;
  if (terms.proposedDeliveryDate < terms.earliestDeliveryDate)
    refusals.push({
      field: "deliveryDate",
      error: `Choose a delivery date from ${formatIsoDay(terms.earliestDeliveryDate)} on.`,
    });
  else if (terms.proposedDeliveryDate > terms.latestDeliveryDate)
    refusals.push({
      field: "deliveryDate",
      error: `Choose a delivery date up to ${formatIsoDay(terms.latestDeliveryDate)}: no order is planned further ahead.`,
    });
  if (refusals.length > 0) return { ok: false, refusals };
  const automatic = buyerNetCents === null && terms.proposedDeliveryDate <= terms.offeredDeliveryDate;
  return { ok: true, automatic, changesPrice, changesDate, buyerNetCents };
}
