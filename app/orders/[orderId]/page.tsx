import { formatDay } from "@/app/_components/format-dates";
import { formatDeadline, formatDeadlineDay } from "@/lib/dates/format-deadline";
import type { Metadata } from "next";
import Link from "next/link";
import { may } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { orNotFoundPage } from "@/lib/errors/or-not-found-page";
import type { OrderAddress } from "@/lib/orders/checkout-fields";
import { complaintWindowEnd, loadComplaintWindow } from "@/lib/payouts/complaint-window";
import { formatEuros } from "@/lib/money/format-euros";
import { loadBuyerOrder } from "@/lib/orders/load-buyer-order";
import { OrderMessagesSection } from "./order-messages-section";
import { orderLineTimeline } from "@/lib/orders/order-line-timeline";
import { orderStatusLabels } from "@/lib/orders/order-status-labels";
import { PageRefresher } from "@/app/_components/page-refresher";
import { cardPaymentSetupProblem } from "@/lib/payments/card-payment-setup";
import { cardPaymentClosedReason } from "@/lib/payments/payment-methods-open";
import { cardPaymentState } from "@/lib/payments/card-payment-state";
import {
  ApprovalForm,
  CancelOrderForm,
  ComplaintForm,
  ConfirmDeliveryForm,
  NoComplaintForm,
  OrderAgainForm,
  PayByCardForm,
  RatingForm,
} from "./order-forms";
import { finishLabel, processLabel, toleranceLabel } from "@/lib/catalogue/catalogue-labels";
import factsStyles from "@/app/_components/facts.module.css";
import pageHeadStyles from "@/app/_components/page-head.module.css";
import orderSummaryStyles from "@/app/_components/order-summary.module.css";
import styles from "./order.module.css";
import { badgeClass } from "@/app/_components/status-badge";
import { PurchaseReferenceFacts } from "@/app/_components/purchase-reference-facts";
import { countryName } from "@/lib/documents/country-name";
import { BankTransferBox } from "./bank-transfer-box";
import { loadBuyerCounteroffers } from "@/lib/counteroffers/load-buyer-counteroffers";
import { CounterofferDecision } from "./counteroffer-decision";
import { OrderLineQuality } from "@/app/_components/order-line-quality";

const paymentMethodPhrases = {
  INVOICE: "pay by invoice",
  CARD: "card payment",
  BANK_TRANSFER: "prepayment by bank transfer",
} as const;

export const metadata: Metadata = { title: "Order" };

export default async function OrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ orderId: string }>;
  searchParams: Promise<{ placed?: string; alreadyPlaced?: string; payment?: string }>;
}) {
  const { orderId } = await params;
  const { placed, alreadyPlaced, payment } = await searchParams;
  const user = await requirePermission("shop.view", `/orders/${orderId}`);
  const order = await orNotFoundPage(loadBuyerOrder(getPrisma(), user.companyId, orderId));
  const { days: complaintWindowDays } = await loadComplaintWindow(getPrisma());
  const now = new Date();
  const invoice = order.invoices.find((candidate) => candidate.kind === "BUYER_INVOICE");
  const creditNotes = order.invoices.filter((candidate) => candidate.kind === "CREDIT_NOTE");
  const address = order.shippingAddress as OrderAddress;
  const awaitingCard = order.status === "AWAITING_PAYMENT" && order.paymentMethod === "CARD";
  const cardUnavailable = cardPaymentSetupProblem() ? cardPaymentClosedReason : null;
  // A delayed method (SEPA Direct Debit) waiting for, or refused by, the bank (decision 0029).
  const cardState = awaitingCard ? cardPaymentState(order.payments) : null;
  const started = order.lines.some(
    (line) => !["AWAITING_MATCH", "OFFERED", "UNMATCHED", "CANCELLED"].includes(line.status),
  );
  const mayCancel =
    may(user.role, "order.cancel") &&
    !started &&
    order.status !== "CANCELLED" &&
    order.status !== "COMPLETED";
  // Once a partner has the job the buyer cannot cancel alone: the page says whom to ask instead.
  const cancelClosed =
    may(user.role, "order.cancel") && started && order.status !== "CANCELLED" && order.status !== "COMPLETED";
  const refunds = order.payments.flatMap((attempt) => attempt.refunds);
  const counteroffers = await loadBuyerCounteroffers(getPrisma(), user.companyId, order.id);
  return (
    <>
      {placed && (
        <div className="alert ok confirmation" role="status">
          <strong>Thank you: order {order.number} is placed.</strong>{" "}
          {order.status === "AWAITING_APPROVAL"
            ? "It is above your company's approval limit and waits for an admin."
            : order.status === "CONFIRMED"
              ? "It is confirmed and goes to a manufacturing partner now. A confirmation is on its way by e-mail."
              : "We start once the payment has arrived."}
        </div>
      )}
      {alreadyPlaced && (
        <div className="alert warn" role="status">
          <strong>These parts were already ordered as {order.number}</strong>, placed{" "}
          {formatDeadline(order.createdAt)} (perhaps in another tab or window). Nothing was ordered twice:
          this is that order.
        </div>
      )}
      {payment === "returned" && awaitingCard && cardState?.kind !== "processing" && (
        <div className="alert ok" role="status">
          <PageRefresher everyMs={2000} />
          Thank you. Stripe is confirming your payment; this page updates by itself in a moment.
        </div>
      )}
      {payment === "cancelled" && awaitingCard && (
        <div className="alert warn" role="status">
          The payment was not completed, and nothing was charged. Pay below when you are ready.
        </div>
      )}
      <div className={pageHeadStyles.pageHead}>
        <h1>Order {order.number}</h1>
        <span className={badgeClass(order.status)} data-testid="order-status">
          {orderStatusLabels[order.status]}
        </span>
      </div>
      <p className="muted">
        Placed {formatDeadline(order.createdAt)} by {order.placedBy.name}
        {order.approvedBy && order.approvedBy.name !== order.placedBy.name
          ? ` · approved by ${order.approvedBy.name}`
          : ""}{" "}
        · {paymentMethodPhrases[order.paymentMethod]} · ships to {address.company}, {address.line},{" "}
        {address.postalCode} {address.city}, {countryName(address.countryCode)}
      </p>
      {order.status === "AWAITING_APPROVAL" && may(user.role, "order.approve") && (
        <div className="card">
          <p>
            This order ({formatEuros(order.subtotalCents)} net) is above your company&apos;s approval limit of{" "}
            {formatEuros(order.buyerCompany.orderApprovalLimitCents ?? 0)}.
          </p>
          <ApprovalForm orderId={order.id} />
        </div>
      )}
      {awaitingCard && (
        <div className={`card ${styles.paymentBox}`}>
          <h2>Payment</h2>
          {cardState?.kind === "processing" ? (
            <p className="alert warn" role="status" data-testid="payment-processing">
              <strong>Payment processing.</strong> Your bank has not confirmed your payment of{" "}
              {formatEuros(cardState.payment.amountCents)} yet (submitted{" "}
              {formatDeadline(cardState.payment.updatedAt)}). A direct debit takes a few business days. We
              place the order with a manufacturing partner as soon as the money has arrived and tell you by
              e-mail; you need not pay again.
            </p>
          ) : cardUnavailable ? (
            <p className="alert warn">{cardUnavailable}</p>
          ) : (
            <>
              {cardState?.kind === "failed-at-bank" && (
                <p className="alert error" role="alert" data-testid="payment-failed">
                  Your payment of {formatEuros(cardState.payment.amountCents)} did not go through: your bank
                  did not confirm it, so the money was not collected. Please pay again.
                </p>
              )}
              <p>
                We place the order with a manufacturing partner as soon as your card payment of{" "}
                {formatEuros(order.totalCents)} has arrived. You pay on Stripe&apos;s secure page.
              </p>
              {may(user.role, "order.pay") ? (
                <PayByCardForm orderId={order.id} totalLabel={formatEuros(order.totalCents)} />
              ) : (
                <p className="muted">A purchaser or admin of your company pays it.</p>
              )}
            </>
          )}
        </div>
      )}
      <BankTransferBox order={order} />
      <div className={styles.orderLayout}>
        <div className={styles.orderLines}>
          {order.lines.map((line) => {
            const steps = orderLineTimeline({ order, line, changes: order.statusChanges });
            // Complaints open when the parts can have arrived: from shipping on.
            const arrivedAt = line.deliveredAt ?? (line.status === "SHIPPED" ? line.shippedAt : null);
            const complaintUntil = arrivedAt ? complaintWindowEnd(arrivedAt, complaintWindowDays) : null;
            const windowOpen = complaintUntil !== null && complaintUntil > now;
            // Giving up the window needs the parts delivered and no complaint waiting for operations.
            const mayConfirmNoComplaint =
              windowOpen &&
              line.status === "DELIVERED" &&
              !line.noComplaintConfirmedAt &&
              !line.complaints.some((complaint) => complaint.status === "OPEN") &&
              may(user.role, "order.confirmDelivery");
            return (
              <section
                key={line.id}
                className={`card ${styles.orderLine}`}
                aria-label={line.part.originalFileName}
              >
                <div className={styles.orderLineHead}>
                  <h2 className="file-name">
                    {line.quantity} ×{" "}
                    <Link href={`/parts/${line.part.id}`}>{line.part.originalFileName}</Link>
                  </h2>
                  <strong className="amount">{formatEuros(line.totalPriceCents)}</strong>
                </div>
                <p className="muted">
                  {processLabel(line.process)} · {line.quote.material.name} · {finishLabel(line.finish)} ·{" "}
                  {toleranceLabel(line.toleranceClass)} · {formatEuros(line.unitPriceCents)} per part ·
                  delivery by {formatDay(line.deliveryDate)}
                </p>
                <CounterofferDecision
                  counteroffers={counteroffers.filter((counteroffer) => counteroffer.orderLineId === line.id)}
                  mayDecide={may(user.role, "order.place")}
                  now={now}
                  paymentReturned={payment === "returned"}
                />
                <ol className={styles.timeline} aria-label="Progress" data-testid="timeline">
                  {steps.map((step) => (
                    <li
                      key={step.key}
                      className={step.state}
                      aria-current={step.state === "current" ? "step" : undefined}
                    >
                      <span className={styles.timelineLabel}>{step.label}</span>
                      {step.at && <span className="hint">{formatDeadline(step.at)}</span>}
                      {step.detail && <span className="hint">{step.detail}</span>}
                    </li>
                  ))}
                </ol>
                <OrderLineQuality orderId={order.id} orderLineId={line.id} />
                {line.status === "SHIPPED" && may(user.role, "order.confirmDelivery") && (
                  <ConfirmDeliveryForm orderId={order.id} orderLineId={line.id} />
                )}
                {line.status === "DELIVERED" && !line.rating && may(user.role, "order.rate") && (
                  <RatingForm orderId={order.id} orderLineId={line.id} />
                )}
                {line.rating && <p className="muted">You rated this part {"★".repeat(line.rating.stars)}.</p>}
                {line.complaints.map((complaint) => (
                  <p key={complaint.id} className="alert warn">
                    Complaint of {formatDeadline(complaint.createdAt)}: {complaint.status.toLowerCase()}
                    {complaint.resolution ? ` · ${complaint.resolution}` : ""}
                  </p>
                ))}
                {line.noComplaintConfirmedAt && (
                  <p className="muted">
                    You confirmed no complaint on {formatDeadline(line.noComplaintConfirmedAt)}.
                  </p>
                )}
                {complaintUntil && windowOpen && (
                  <div className={styles.afterDelivery}>
                    {may(user.role, "order.complain") && (
                      <ComplaintForm
                        orderId={order.id}
                        orderLineId={line.id}
                        until={formatDeadline(complaintUntil)}
                      />
                    )}
                    {mayConfirmNoComplaint && (
                      <NoComplaintForm
                        orderId={order.id}
                        orderLineId={line.id}
                        fileName={line.part.originalFileName}
                        until={formatDeadline(complaintUntil)}
                      />
                    )}
                  </div>
                )}
              </section>
            );
          })}
        </div>
        <aside className={`card ${orderSummaryStyles.orderSummary}`}>
          <h2>Totals</h2>
          <dl className={factsStyles.facts}>
            <dt>Net</dt>
            <dd className="amount">{formatEuros(order.subtotalCents)}</dd>
            <dt>VAT</dt>
            <dd className="amount">{formatEuros(order.vatCents)}</dd>
            <dt>Total</dt>
            <dd className="amount">
              <strong>{formatEuros(order.totalCents)}</strong>
            </dd>
            <PurchaseReferenceFacts order={order} />
          </dl>
          <h2>Documents</h2>
          <ul className={orderSummaryStyles.documents}>
            <li>
              <a href={`/api/v1/orders/${order.id}/documents/confirmation.pdf`}>Order confirmation (PDF)</a>
            </li>
            {invoice && (
              <li>
                <a href={`/api/v1/orders/${order.id}/documents/invoice.pdf`}>
                  Invoice {invoice.number} (PDF),{" "}
                  {invoice.status === "PAID"
                    ? "paid"
                    : invoice.status === "VOID"
                      ? "cancelled by credit note"
                      : `due ${formatDeadlineDay(invoice.dueAt)}`}
                </a>
              </li>
            )}
            {creditNotes.map((creditNote) => (
              <li key={creditNote.id}>
                <a href={`/api/v1/orders/${order.id}/credit-notes/${creditNote.id}`}>
                  Credit note {creditNote.number} (PDF), {formatEuros(creditNote.totalCents)}
                </a>
              </li>
            ))}
          </ul>
          {order.payments.some((attempt) => attempt.status !== "PENDING" && attempt.status !== "FAILED") && (
            <>
              <h2>Payments</h2>
              <ul className={orderSummaryStyles.documents} data-testid="payments">
                {order.payments
                  .filter((attempt) => attempt.status !== "PENDING" && attempt.status !== "FAILED")
                  .map((attempt) => (
                    <li key={attempt.id}>
                      {attempt.method === "BANK_TRANSFER"
                        ? "Bank transfer"
                        : attempt.status === "PROCESSING"
                          ? "Payment"
                          : "Card payment"}{" "}
                      {formatEuros(attempt.amountCents)}, {formatDeadline(attempt.updatedAt)}
                      {/* A direct debit not yet confirmed by the bank is no payment yet (decision 0029). */}
                      {attempt.status === "PROCESSING" && ": processing at your bank, not yet paid"}
                    </li>
                  ))}
                {refunds
                  .filter((refund) => !refunds.some((other) => other.followsRefundId === refund.id))
                  .map((refund) => (
                    <li key={refund.id} data-testid="refund">
                      Refund {formatEuros(refund.amountCents)}: {buyerRefundWords(refund)}
                    </li>
                  ))}
              </ul>
            </>
          )}
          <OrderAgainForm orderId={order.id} />
          {cancelClosed && (
            <p className="hint" data-testid="cancel-closed">
              A manufacturing partner has taken on these parts, so the order can no longer be cancelled here.
              To ask for a cancellation, <a href={`#buyer-message-${order.id}-text`}>write to operations</a>{" "}
              below: they ask the partner what can still be stopped.
            </p>
          )}
          {mayCancel && (
            <CancelOrderForm
              orderId={order.id}
              refundNote={
                order.payments.some((attempt) => attempt.status === "SUCCEEDED" && attempt.method === "CARD")
                  ? `We refund ${formatEuros(order.totalCents)} to your card.`
                  : invoice
                    ? `A credit note cancels invoice ${invoice.number}.`
                    : order.payments.some((attempt) => attempt.method === "BANK_TRANSFER")
                      ? "We transfer what you have paid back to your account."
                      : "Nothing has been charged."
              }
            />
          )}
        </aside>
      </div>
      <OrderMessagesSection orderId={order.id} />
    </>
  );
}

/**
 * A refund as the buyer reads it: done only once Stripe (or operations' bank transfer) says so; a card
 * refund that failed is never shown as paid.
 */
function buyerRefundWords(refund: { status: string; method: string; creditNoteId: string | null }): string {
  if (refund.status === "SUCCEEDED")
    return refund.method === "BANK_TRANSFER" ? "transferred to your bank account" : "back on your card";
  if (refund.status === "PENDING")
    return "on its way to your card, not there yet (your card issuer confirms it, usually within a few days)";
  return refund.creditNoteId
    ? "your card issuer sent it back; the money is still yours and we pay it another way"
    : "your card could not take it; we pay it another way and write to you";
}
