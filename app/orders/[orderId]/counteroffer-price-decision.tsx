import { PageRefresher } from "@/app/_components/page-refresher";
import { buyerPriceChange } from "@/lib/counteroffers/buyer-price-change";
import type { BuyerCounteroffer } from "@/lib/counteroffers/load-buyer-counteroffers";
import { formatDeadline } from "@/lib/dates/format-deadline";
import { formatEuros } from "@/lib/money/format-euros";
import { CounterofferPriceForms } from "./counteroffer-price-forms";
import { CounterofferPriceTable } from "./counteroffer-price-table";
import { formatDay } from "@/app/_components/format-dates";

/**
 * On an order line: a partner's higher price beyond the platform's margin rule (docs/decisions/0047), with
 * the buyer's old and new line price (net, VAT, gross) and the difference, how it is paid, the deadline
 * and what happens after it; or what became of it.
 */
export function CounterofferPriceDecision({
  counteroffer,
  mayDecide,
  now,
  paymentReturned,
}: {
  counteroffer: BuyerCounteroffer;
  mayDecide: boolean;
  now: Date;
  paymentReturned: boolean;
}) {
  const previousNetCents = counteroffer.buyerPreviousNetCents!;
  const netCents = counteroffer.buyerNetCents!;
  const vatPercent = counteroffer.buyerVatPercent ?? 0;
  const { difference } = buyerPriceChange(previousNetCents, netCents, vatPercent);
  const payByCard = counteroffer.paymentMethod !== "INVOICE";
  const laterDate =
    formatDay(counteroffer.proposedDeliveryDate) !== formatDay(counteroffer.offeredDeliveryDate);
  const table = (
    <CounterofferPriceTable previousNetCents={previousNetCents} netCents={netCents} vatPercent={vatPercent} />
  );
  if (counteroffer.status === "AWAITING_BUYER" && counteroffer.decideBy && counteroffer.decideBy > now) {
    const confirming = paymentReturned && counteroffer.paymentStatus === "PENDING";
    return (
      <div
        id={`counteroffer-${counteroffer.id}`}
        className="alert warn"
        role="region"
        aria-label="The partner asks a higher price"
        data-testid="counteroffer-decision"
      >
        <p>
          <strong>The manufacturing partner can make these parts for a higher price.</strong>
          {laterDate
            ? ` It also needs until ${formatDay(counteroffer.proposedDeliveryDate)} instead of ${formatDay(counteroffer.offeredDeliveryDate)}.`
            : " The delivery date stays the same."}
        </p>
        {table}
        <p>
          {payByCard
            ? `If you accept, you pay the difference of ${formatEuros(difference.grossCents)} by card now; the partner starts once it is paid.`
            : `If you accept, we send you a supplementary invoice over ${formatEuros(difference.grossCents)} with your payment terms.`}{" "}
          Please decide by {formatDeadline(counteroffer.decideBy)}. If you do not, it is declined
          automatically and we offer the line to another partner at your price.
        </p>
        {confirming ? (
          <p role="status">
            We are confirming your payment with Stripe; this page updates in a moment.
            <PageRefresher everyMs={2000} />
          </p>
        ) : null}
        {mayDecide ? (
          <CounterofferPriceForms
            counterofferId={counteroffer.id}
            payByCard={payByCard}
            differenceLabel={formatEuros(difference.grossCents)}
          />
        ) : (
          <p className="hint">A purchaser or an admin of your company decides.</p>
        )}
      </div>
    );
  }
  const invoice = counteroffer.supplementInvoice;
  const outcome = {
    AWAITING_BUYER:
      "The time to decide has ended; it is being declined and the line goes to another partner.",
    ACCEPTED: "You accepted it.",
    DECLINED: "You declined it; the line went to another partner at your price.",
    EXPIRED:
      "It was declined automatically when the time to decide ended; the line went to another partner at your price.",
  }[counteroffer.status as "AWAITING_BUYER" | "ACCEPTED" | "DECLINED" | "EXPIRED"];
  return (
    <div id={`counteroffer-${counteroffer.id}`} className="muted" data-testid="counteroffer-outcome">
      <p>
        A partner&apos;s counteroffer priced this line at {formatEuros(netCents)} net for you instead of{" "}
        {formatEuros(previousNetCents)}. {outcome}
        {invoice ? (
          <>
            {" "}
            <a href={`/api/v1/orders/${counteroffer.orderId}/documents/${invoice.number}.pdf`}>
              Supplementary invoice {invoice.number} (PDF)
            </a>
            {invoice.status === "PAID" ? ", paid." : "."}
          </>
        ) : null}
      </p>
      {counteroffer.status === "ACCEPTED" ? table : null}
    </div>
  );
}
