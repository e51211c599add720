import type { OfferStatus, OfferWithdrawer } from "../db/generated/enums";

const answerLabels: Record<OfferStatus, string> = {
  ACCEPTED: "Accepted",
  REJECTED: "Rejected",
  EXPIRED: "Expired unanswered",
  WITHDRAWN: "Withdrawn by operations",
  // A pending offer in the answered list has passed its deadline; the expiry job has not run yet.
  PENDING: "Expired unanswered",
  COUNTERED: "Counteroffer",
};

/**
 * What became of an offer, as its supplier reads it. A withdrawal names who withdrew: the buyer
 * (a cancelled order) or operations (a re-offer, a suspension); offers withdrawn before that was recorded
 * were all operations'.
 */
export function offerAnswerLabel(offer: {
  status: OfferStatus;
  withdrawnBy?: OfferWithdrawer | null;
}): string {
  if (offer.status === "WITHDRAWN" && offer.withdrawnBy === "BUYER") return "Cancelled by the buyer";
  return answerLabels[offer.status] ?? offer.status;
}
