import { AmountCell } from "@/app/_components/amount-cell";
import { formatDay, formatMoment } from "@/app/_components/format-dates";
import { StackTable } from "@/app/_components/stack-table";
import { badgeClass } from "@/app/_components/status-badge";
import type { OrderCounteroffer } from "@/lib/counteroffers/load-order-counteroffers";
import { formatDeadline } from "@/lib/dates/format-deadline";
import { formatEuros } from "@/lib/money/format-euros";

const paymentLabels: Record<string, string> = {
  PENDING: "payment page open",
  PROCESSING: "payment processing",
  SUCCEEDED: "paid by card",
  FAILED: "payment not completed",
  REFUNDED: "paid late, refunded",
  PARTIALLY_REFUNDED: "partly refunded",
};

/** The buyer's side of a price beyond the margin rule (docs/decisions/0047), or "unchanged". */
function BuyerPrice({ counteroffer }: { counteroffer: OrderCounteroffer }) {
  if (counteroffer.buyerNetCents === null || counteroffer.buyerPreviousNetCents === null) return "unchanged";
  const invoice = counteroffer.supplementInvoice;
  const payment = counteroffer.latestPayment;
  return (
    <>
      {formatEuros(counteroffer.buyerNetCents)} net instead of{" "}
      {formatEuros(counteroffer.buyerPreviousNetCents)}
      {payment
        ? `; ${paymentLabels[payment.status] ?? payment.status} (${formatEuros(payment.amountCents)})`
        : ""}
      {invoice
        ? `; supplementary invoice ${invoice.number} over ${formatEuros(invoice.totalCents)}${invoice.status === "PAID" ? ", paid" : ""}`
        : ""}
    </>
  );
}

const outcomeLabels: Record<OrderCounteroffer["status"], string> = {
  AWAITING_BUYER: "Waiting for the buyer",
  ACCEPTED: "Accepted",
  DECLINED: "Declined by the buyer",
  EXPIRED: "Declined at the deadline",
  WITHDRAWN: "Withdrawn",
};

/** The partners' counteroffers on this order (docs/decisions/0039): what they asked and what became of it. */
export function CounteroffersSection({ counteroffers }: { counteroffers: OrderCounteroffer[] }) {
  if (counteroffers.length === 0) return null;
  return (
    <section aria-labelledby="counteroffers-heading">
      <h2 id="counteroffers-heading">Counteroffers</h2>
      <StackTable
        columns={[
          "Line",
          "Partner",
          "Status",
          { label: "Offered", className: "amount" },
          { label: "Asked", className: "amount" },
          "Delivery date",
          "Buyer's price",
          "Decided",
          "Note",
        ]}
      >
        {counteroffers.map((counteroffer) => (
          <tr key={counteroffer.id} data-testid="counteroffer-row">
            <td data-label="Line" className="file-name">
              {counteroffer.line}
            </td>
            <td data-label="Partner">{counteroffer.supplier}</td>
            <td data-label="Status">
              <span className={badgeClass(counteroffer.status)}>{outcomeLabels[counteroffer.status]}</span>
            </td>
            <AmountCell label="Offered" cents={counteroffer.offeredPriceCents} />
            <AmountCell label="Asked" cents={counteroffer.proposedPriceCents} />
            <td data-label="Delivery date">
              {formatDay(counteroffer.proposedDeliveryDate) === formatDay(counteroffer.offeredDeliveryDate)
                ? `${formatDay(counteroffer.offeredDeliveryDate)} (unchanged)`
                : `${formatDay(counteroffer.proposedDeliveryDate)} instead of ${formatDay(counteroffer.offeredDeliveryDate)}`}
            </td>
            <td data-label="Buyer's price" data-testid="counteroffer-buyer-price">
              <BuyerPrice counteroffer={counteroffer} />
            </td>
            <td data-label="Decided">
              {counteroffer.acceptedAutomatically
                ? "automatically, within the margin rules"
                : counteroffer.decidedAt
                  ? formatMoment(counteroffer.decidedAt)
                  : counteroffer.decideBy
                    ? `buyer decides by ${formatDeadline(counteroffer.decideBy)}`
                    : "–"}
            </td>
            <td data-label="Note">{counteroffer.note ?? "–"}</td>
          </tr>
        ))}
      </StackTable>
    </section>
  );
}
