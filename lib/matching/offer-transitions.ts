import type { OfferStatus } from "../db/generated/enums";
import { transitionTable } from "../transitions/transition-table";

/**
 * The allowed moves of an offer to a supplier. It is answered once: accepted, rejected, expired at its
 * deadline, or withdrawn (order cancelled, supplier suspended, operations offered the line elsewhere, even
 * after it was accepted). A
 * supplier may also counter it with another price or date (COUNTERED). A
 * remake the supplier agreed to outside the portal starts as ACCEPTED. Written only by
 * lib/matching/move-offers.ts.
 */
export const offerTransitions = transitionTable<OfferStatus>("offer", ["PENDING", "ACCEPTED"], {
  PENDING: ["ACCEPTED", "REJECTED", "EXPIRED", "WITHDRAWN", "COUNTERED"],
  ACCEPTED: ["WITHDRAWN"],
  // A counteroffer accepted (by the margin rules or the buyer), or withdrawn while the buyer decides; a
  // declined or expired one stays COUNTERED, its Counteroffer row saying how it ended (lib/counteroffers).
  COUNTERED: ["ACCEPTED", "WITHDRAWN"],
  REJECTED: [],
  EXPIRED: [],
  WITHDRAWN: [],
});
