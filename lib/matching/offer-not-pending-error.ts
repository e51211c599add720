import { formatDeadline } from "../dates/format-deadline";
import { AppError } from "../errors/app-error";

/**
 * Why an offer can no longer be accepted or rejected, for the partner: its deadline passed (the moment in
 * Berlin time, as every deadline it is shown), it was answered, countered, or withdrawn and by whom.
 */
export function notPendingError(
  offer: { status: string; expiresAt: Date; withdrawnBy?: string | null },
  now: Date,
): AppError {
  if (offer.status === "PENDING" && offer.expiresAt <= now)
    return new AppError(
      "invalid_state_transition",
      `This offer expired at ${formatDeadline(offer.expiresAt)} and has gone to another partner.`,
    );
  const what = {
    ACCEPTED: "You accepted this offer already.",
    REJECTED: "You rejected this offer already.",
    EXPIRED: "This offer expired and has gone to another partner.",
    COUNTERED:
      "You sent a counteroffer for this job: it is settled by that (see the offer), not accepted or rejected as it was.",
    WITHDRAWN:
      offer.withdrawnBy === "BUYER"
        ? "The buyer cancelled the order, so this offer is withdrawn."
        : "Operations withdrew this offer.",
  }[offer.status as "ACCEPTED" | "REJECTED" | "EXPIRED" | "COUNTERED" | "WITHDRAWN"];
  return new AppError("invalid_state_transition", what ?? "This offer cannot be answered any more.");
}
