import Link from "next/link";
import { AmountCell } from "@/app/_components/amount-cell";
import { formatMoment } from "@/app/_components/format-dates";
import { StackTable } from "@/app/_components/stack-table";
import type { loadRefundsToActOn } from "@/lib/payments/load-refunds-to-act-on";
import { RecordBankRefundForm, RetryRefundForm } from "./refund-forms";
import styles from "../ops.module.css";

type Refunds = Awaited<ReturnType<typeof loadRefundsToActOn>>;

const waitingWords: Record<string, string> = {
  pending: "Stripe has it; the card issuer has not answered yet",
  requires_action: "Stripe waits for the buyer to act (e.g. give bank details)",
};

/**
 * Card refunds that failed (or came back after succeeding), each with its next step: try the card again,
 * or transfer the money by bank and record it; and the card refunds still waiting for Stripe.
 */
export function RefundsToActOn({ refunds }: { refunds: Refunds }) {
  const { failed, waiting } = refunds;
  return (
    <section aria-labelledby="refunds-heading">
      <h2 id="refunds-heading">Refunds to act on</h2>
      {failed.length === 0 ? (
        <p className="muted">No card refund has failed.</p>
      ) : (
        <>
          <p className="hint">
            The buyer has not been told these went through (one that came back after succeeding was explained
            to the buyer by e-mail). Try the card again when the reason was passing; otherwise transfer the
            amount from the platform&apos;s bank account to the buyer&apos;s and record it here. Either way
            the buyer then gets the credit note and an e-mail.
          </p>
          <StackTable columns={["Order", "Buyer", "Amount", "What happened", "Next step"]}>
            {failed.map((refund) => {
              const label = `${refund.order.number}, ${refund.amountCents / 100} €`;
              return (
                <tr key={refund.id} data-testid="failed-refund-row">
                  <td data-label="Order">
                    <Link href={`/ops/orders/${refund.order.id}`}>{refund.order.number}</Link>
                  </td>
                  <td data-label="Buyer">{refund.order.buyerCompany.name}</td>
                  <AmountCell label="Amount" cents={refund.amountCents} />
                  <td data-label="What happened">
                    {refund.bounced ? "Came back after succeeding: " : "Failed: "}
                    {refund.failureReason ?? "no reason given"}
                    {refund.failedAt && <span className="hint"> · {formatMoment(refund.failedAt)}</span>}
                  </td>
                  <td data-label="Next step" className={styles.formCell}>
                    {refund.cardWorthRetrying && <RetryRefundForm refundId={refund.id} refundLabel={label} />}
                    <RecordBankRefundForm refundId={refund.id} refundLabel={label} />
                  </td>
                </tr>
              );
            })}
          </StackTable>
        </>
      )}
      {waiting.length > 0 && (
        <>
          <h3>Card refunds on their way</h3>
          <StackTable columns={["Order", "Buyer", "Amount", "Requested", "Stripe"]}>
            {waiting.map((refund) => (
              <tr key={refund.id} data-testid="waiting-refund-row">
                <td data-label="Order">
                  <Link href={`/ops/orders/${refund.order.id}`}>{refund.order.number}</Link>
                </td>
                <td data-label="Buyer">{refund.order.buyerCompany.name}</td>
                <AmountCell label="Amount" cents={refund.amountCents} />
                <td data-label="Requested">{formatMoment(refund.createdAt)}</td>
                <td data-label="Stripe">
                  {refund.stripeStatus
                    ? (waitingWords[refund.stripeStatus] ?? refund.stripeStatus)
                    : "Being sent to Stripe"}
                </td>
              </tr>
            ))}
          </StackTable>
        </>
      )}
    </section>
  );
}
