import { formatMoment } from "@/app/_components/format-dates";
import { AmountCell } from "@/app/_components/amount-cell";
import { StackTable } from "@/app/_components/stack-table";
import type { PaymentStatus } from "@/lib/db/generated/enums";
import type { OrderMoney } from "@/lib/ledger/load-order-money";
import { paymentMethodLabels } from "@/lib/orders/payment-method-labels";
import { refundStatusLabels } from "./ops-order-labels";
import styles from "./ops-order.module.css";
import { badgeClass } from "@/app/_components/status-badge";

const paymentStatusLabels: Record<PaymentStatus, string> = {
  PENDING: "Waiting",
  PROCESSING: "Processing at the bank",
  SUCCEEDED: "Paid",
  FAILED: "Failed",
  REFUNDED: "Refunded",
  PARTIALLY_REFUNDED: "Partly refunded",
};

/** Payment attempts with their Stripe ids, and every refund with its credit note. */
export function PaymentsSection({ order }: { order: OrderMoney }) {
  const refunds = order.payments.flatMap((payment) => payment.refunds);
  return (
    <section aria-labelledby="payments-heading">
      <h2 id="payments-heading">Payments</h2>
      {order.payments.length === 0 ? (
        <p className="muted">
          {order.paymentMethod === "INVOICE"
            ? "No card payment: the buyer pays the invoice by bank transfer."
            : "No payment attempt yet."}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <caption className="visually-hidden">Payment attempts</caption>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Method</th>
                <th scope="col" className="amount">
                  Amount
                </th>
                <th scope="col">Status</th>
                <th scope="col" className="amount">
                  Refunded
                </th>
                <th scope="col">Stripe</th>
              </tr>
            </thead>
            <tbody>
              {order.payments.map((payment) => (
                <tr key={payment.id}>
                  <td data-label="Started">{formatMoment(payment.createdAt)}</td>
                  <td data-label="Method">{paymentMethodLabels[payment.method]}</td>
                  <AmountCell label="Amount" cents={payment.amountCents} />
                  <td data-label="Status">
                    <span className={badgeClass(payment.status)}>{paymentStatusLabels[payment.status]}</span>
                  </td>
                  <AmountCell label="Refunded" cents={payment.refundedCents} />
                  <td data-label="Stripe">
                    <span className={`hint ${styles.ids}`}>
                      {[
                        payment.stripeCheckoutSessionId && `session ${payment.stripeCheckoutSessionId}`,
                        payment.stripePaymentIntentId && `payment ${payment.stripePaymentIntentId}`,
                      ]
                        .filter(Boolean)
                        .join(" · ") || "–"}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {refunds.length > 0 && (
        <>
          <h3>Refunds</h3>
          <StackTable
            columns={[
              "Requested",
              { label: "Amount", className: "amount" },
              "Reason",
              "Status",
              "Done",
              "Stripe and credit note",
            ]}
          >
            {refunds.map((refund) => (
              <tr key={refund.id}>
                <td data-label="Requested">{formatMoment(refund.createdAt)}</td>
                <AmountCell label="Amount" cents={refund.amountCents} />
                <td data-label="Reason">{refund.reason}</td>
                <td data-label="Status">
                  <span className={badgeClass(refund.status)}>{refundStatusLabels[refund.status]}</span>
                  {refund.method === "BANK_TRANSFER" && (
                    <span className="hint"> · by bank transfer, reference {refund.bankReference}</span>
                  )}
                  {refund.status === "PENDING" && refund.stripeStatus && (
                    <span className="hint"> · Stripe says {refund.stripeStatus}</span>
                  )}
                  {refund.failureReason && <span className="hint"> · {refund.failureReason}</span>}
                  {refund.status === "FAILED" &&
                    !refunds.some((other) => other.followsRefundId === refund.id) && (
                      <span className="hint">
                        {" "}
                        · next step under <a href="/ops/payments#refunds-heading">Refunds to act on</a>
                      </span>
                    )}
                </td>
                <td data-label="Done">{refund.completedAt ? formatMoment(refund.completedAt) : "–"}</td>
                <td data-label="Stripe and credit note">
                  <span className={`hint ${styles.ids}`}>
                    {[
                      refund.stripeRefundId && `refund ${refund.stripeRefundId}`,
                      refund.creditNote && `credit note ${refund.creditNote.number}`,
                    ]
                      .filter(Boolean)
                      .join(" · ") || "–"}
                  </span>
                </td>
              </tr>
            ))}
          </StackTable>
        </>
      )}
    </section>
  );
}
