import { formatMoment } from "@/app/_components/format-dates";
import type { OrderMoney } from "@/lib/ledger/load-order-money";
import { formatEuros } from "@/lib/money/format-euros";
import { ComplaintDecisionForm } from "./ops-order-forms";
import { lineStatusLabels } from "@/lib/orders/line-status-labels";
import { complaintStatusLabels, payoutStatusLabels, refundStatusLabels } from "./ops-order-labels";
import pageHeadStyles from "@/app/_components/page-head.module.css";
import styles from "./ops-order.module.css";
import { badgeClass } from "@/app/_components/status-badge";
import { ComplaintAnswerFacts } from "./complaint-answer-facts";

/** The order's complaints: an open one with the form to decide it, a decided one with its refunds. */
export function ComplaintsSection({ order }: { order: OrderMoney }) {
  const complaints = order.lines.flatMap((line) => line.complaints.map((complaint) => ({ complaint, line })));
  const refunds = order.payments.flatMap((payment) => payment.refunds);
  return (
    <section aria-labelledby="complaints-heading">
      <h2 id="complaints-heading">Complaints</h2>
      {complaints.length === 0 ? (
        <p className="muted">No complaints on this order.</p>
      ) : (
        <div className={styles.complaintCards}>
          {complaints.map(({ complaint, line }) => {
            const payout = order.payouts.find((candidate) => candidate.orderLineId === line.id);
            const complaintRefunds = refunds.filter((refund) => refund.complaintId === complaint.id);
            return (
              <article
                key={complaint.id}
                className="card"
                aria-labelledby={`complaint-${complaint.id}-heading`}
              >
                <div className={pageHeadStyles.pageHead}>
                  <h3 id={`complaint-${complaint.id}-heading`} className="file-name">
                    {line.part.originalFileName}
                  </h3>
                  <span className={badgeClass(complaint.status)}>
                    {complaintStatusLabels[complaint.status]}
                  </span>
                </div>
                <p className="hint">
                  Filed {formatMoment(complaint.createdAt)} by {complaint.createdBy.name} · partner{" "}
                  {line.supplierCompany?.name ?? "none"} · line {lineStatusLabels[line.status].toLowerCase()}
                  {payout
                    ? ` · partner's payout ${formatEuros(payout.amountCents)}, ${payoutStatusLabels[payout.status].toLowerCase()}`
                    : " · no payout yet"}
                </p>
                <blockquote className={styles.complaintText}>{complaint.text}</blockquote>
                <ComplaintAnswerFacts complaint={complaint} />
                {complaint.status === "OPEN" ? (
                  <ComplaintDecisionForm
                    orderId={order.id}
                    complaintId={complaint.id}
                    payoutPaid={payout?.status === "PAID"}
                    waitingForSupplier={
                      !complaint.supplierAnsweredAt &&
                      complaint.supplierAnswerDueAt !== null &&
                      complaint.supplierAnswerDueAt > new Date()
                    }
                  />
                ) : (
                  <p>
                    <strong>
                      {complaintStatusLabels[complaint.status]}
                      {complaint.decidedAt ? ` on ${formatMoment(complaint.decidedAt)}` : ""}:
                    </strong>{" "}
                    {complaint.resolution ?? "no resolution written"}
                    {complaintRefunds.map((refund) => (
                      <span key={refund.id} className="hint">
                        {" "}
                        · refund {formatEuros(refund.amountCents)},{" "}
                        {refundStatusLabels[refund.status].toLowerCase()}
                      </span>
                    ))}
                  </p>
                )}
              </article>
            );
          })}
        </div>
      )}
    </section>
  );
}
