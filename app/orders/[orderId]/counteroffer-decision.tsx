import type { BuyerCounteroffer } from "@/lib/counteroffers/load-buyer-counteroffers";
import { formatDeadline } from "@/lib/dates/format-deadline";
import { CounterofferDecisionForm } from "./counteroffer-decision-form";
import { CounterofferPriceDecision } from "./counteroffer-price-decision";
import { formatDay } from "@/app/_components/format-dates";

/**
 * On an order line: a partner's proposal of a later delivery date, for the buyer to accept or decline
 * before its deadline (said, with what happens then), or what became of it.
 */
export function CounterofferDecision({
  counteroffers,
  mayDecide,
  now,
  paymentReturned = false,
}: {
  counteroffers: BuyerCounteroffer[];
  mayDecide: boolean;
  now: Date;
  /** Back from Stripe's page: a difference just paid may still be confirming. */
  paymentReturned?: boolean;
}) {
  return counteroffers.map((counteroffer) => {
    if (counteroffer.buyerNetCents !== null)
      return (
        <CounterofferPriceDecision
          key={counteroffer.id}
          counteroffer={counteroffer}
          mayDecide={mayDecide}
          now={now}
          paymentReturned={paymentReturned}
        />
      );
    const dates = `${formatDay(counteroffer.proposedDeliveryDate)} instead of ${formatDay(counteroffer.offeredDeliveryDate)}`;
    if (counteroffer.status === "AWAITING_BUYER" && counteroffer.decideBy && counteroffer.decideBy > now)
      return (
        <div
          key={counteroffer.id}
          id={`counteroffer-${counteroffer.id}`}
          className="alert warn"
          role="region"
          aria-label="The partner proposes a later delivery date"
          data-testid="counteroffer-decision"
        >
          <p>
            <strong>The manufacturing partner can deliver by {dates}.</strong> Your price stays the same.
          </p>
          <p>
            Please decide by {formatDeadline(counteroffer.decideBy)}. If you do not, it is declined
            automatically and we offer the line to another partner for your original date.
          </p>
          {mayDecide ? (
            <CounterofferDecisionForm counterofferId={counteroffer.id} />
          ) : (
            <p className="hint">A purchaser or an admin of your company decides.</p>
          )}
        </div>
      );
    const outcome = {
      AWAITING_BUYER:
        "The time to decide has ended; it is being declined and the line goes to another partner.",
      ACCEPTED: "You accepted it.",
      DECLINED: "You declined it; the line went to another partner.",
      EXPIRED:
        "It was declined automatically when the time to decide ended; the line went to another partner.",
    }[counteroffer.status as "AWAITING_BUYER" | "ACCEPTED" | "DECLINED" | "EXPIRED"];
    return (
      <p
        key={counteroffer.id}
        id={`counteroffer-${counteroffer.id}`}
        className="muted"
        data-testid="counteroffer-outcome"
      >
        A partner proposed delivery by {dates}. {outcome}
      </p>
    );
  });
}
