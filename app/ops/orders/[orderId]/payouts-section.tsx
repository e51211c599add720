import { formatDeadlineDay } from "@/lib/dates/format-deadline";
import { formatMoment } from "@/app/_components/format-dates";
import { AmountCell } from "@/app/_components/amount-cell";
import { StackTable } from "@/app/_components/stack-table";
import type { OrderMoney } from "@/lib/ledger/load-order-money";
import { payoutMethodLabels } from "@/lib/payouts/payout-method-labels";
import { payoutStatusLabels } from "./ops-order-labels";
import styles from "./ops-order.module.css";
import { badgeClass } from "@/app/_components/status-badge";
import { payoutHeldReasonForOperations } from "@/lib/payouts/payout-held-reason-for-operations";

/** The suppliers' payouts of the order, with why one is held or failed. */
export function PayoutsSection({ order }: { order: OrderMoney }) {
  return (
    <section aria-labelledby="payouts-heading">
      <h2 id="payouts-heading">Payouts</h2>
      {order.payouts.length === 0 ? (
        <p className="muted">
          No payouts yet: a partner&apos;s payout is created when its delivery is confirmed, and paid when the
          buyer&apos;s complaint window closes.
        </p>
      ) : (
        <StackTable
          columns={[
            "Partner",
            "Part",
            { label: "Amount", className: "amount" },
            "Method",
            "Status",
            "Transfer",
            "Invoice",
            "Paid",
          ]}
        >
          {order.payouts.map((payout) => {
            const reason =
              payout.status === "WAITING"
                ? `due ${payout.dueAt ? formatDeadlineDay(payout.dueAt) : "when the window closes"}; no invoice yet`
                : payout.status === "HELD"
                  ? payout.heldReason && payoutHeldReasonForOperations(payout.heldReason)
                  : payout.failureReason;
            return (
              <tr key={payout.id}>
                <td data-label="Partner">{payout.supplierCompany.name}</td>
                <td data-label="Part" className="file-name">
                  {payout.orderLine.part.originalFileName}
                </td>
                <AmountCell label="Amount" cents={payout.amountCents} />
                <td data-label="Method">{payoutMethodLabels[payout.method]}</td>
                <td data-label="Status">
                  <span className={badgeClass(payout.status)}>{payoutStatusLabels[payout.status]}</span>
                  {reason && <span className="hint"> · {reason}</span>}
                </td>
                <td data-label="Transfer">
                  <span className={`hint ${styles.ids}`}>
                    {payout.stripeTransferId ?? payout.transferReference ?? "–"}
                  </span>
                </td>
                <td data-label="Invoice">{payout.invoice?.number ?? "–"}</td>
                <td data-label="Paid">{payout.paidAt ? formatMoment(payout.paidAt) : "–"}</td>
              </tr>
            );
          })}
        </StackTable>
      )}
    </section>
  );
}
