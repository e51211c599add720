import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { formatMoment } from "@/app/_components/format-dates";
import { requirePermission } from "@/lib/auth/require-permission";
import type { OrderLineStatus } from "@/lib/db/generated/enums";
import { getPrisma } from "@/lib/db/prisma";
import { orNotFoundPage } from "@/lib/errors/or-not-found-page";
import { loadOrderMoney } from "@/lib/ledger/load-order-money";
import { formatEuros } from "@/lib/money/format-euros";
import { orderStatusLabels } from "@/lib/orders/order-status-labels";
import { CancelOrderForm, RefundForm } from "./ops-order-forms";
import { OrderHistoryList } from "./order-history-list";
import { previewReoffer, reofferableLineStatuses } from "@/lib/matching/reoffer-order-line";
import { loadOrderHistory } from "@/lib/orders/load-order-history";
import { quoteDay } from "@/lib/quotes/quote-day";
import { shift } from "@/quoting-engine/pricing/working-days";
import { ComplaintsSection } from "./complaints-section";
import { CounteroffersSection } from "./counteroffers-section";
import { loadOrderCounteroffers } from "@/lib/counteroffers/load-order-counteroffers";
import { MessagesSection } from "./messages-section";
import { DocumentsSection } from "./documents-section";
import { LedgerSection } from "./ledger-section";
import { LineOffersSection } from "./line-offers-section";
import { paymentMethodLabels } from "@/lib/orders/payment-method-labels";
import { AcceptedTermsFacts } from "./accepted-terms-facts";
import { OrderLinesSection } from "./order-lines-section";
import { QualitySection } from "./quality-section";
import { PaymentsSection } from "./payments-section";
import { PayoutsSection } from "./payouts-section";
import { badgeClass } from "@/app/_components/status-badge";
import factsStyles from "@/app/_components/facts.module.css";
import { PurchaseReferenceFacts } from "@/app/_components/purchase-reference-facts";
import pageHeadStyles from "@/app/_components/page-head.module.css";

export const metadata: Metadata = { title: "Order · operations" };

const doneSchema = z.enum([
  "complaint-decided",
  "refund-card",
  "refund-credit-note",
  "cancelled",
  "reoffered",
  "remake-recorded",
  "remake-matching",
]);

/** What the page says after one of its forms: each action redirects here with `done`. */
const notices: Record<z.infer<typeof doneSchema>, string> = {
  "complaint-decided": "The complaint is decided. The buyer and the partner are told by e-mail.",
  "refund-card":
    "The refund is on its way to the buyer's card; its credit note follows once Stripe has refunded.",
  "refund-credit-note": "A credit note is issued: it lowers what the buyer owes on the invoice.",
  cancelled:
    "The order is cancelled and its money goes back to the buyer (see Payments and Documents). The buyer is told by e-mail.",
  reoffered: "The line is offered to the partner you chose, who is told by e-mail. See Offers below.",
  "remake-recorded":
    "The remake is recorded as a new line for the same partner. The buyer and the partner are told by e-mail.",
  "remake-matching":
    "The remake is a new line the matcher now offers to a partner, at the price the platform pays. The buyer is told by e-mail.",
};

const searchSchema = z.object({ done: doneSchema.optional().catch(undefined) });

export default async function OpsOrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ orderId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { orderId } = await params;
  await requirePermission("ops.console", `/ops/orders/${orderId}`);
  const { done } = searchSchema.parse(await searchParams);
  const db = getPrisma();
  const order = await orNotFoundPage(loadOrderMoney(db, orderId));
  const lineCanBeOffered = (status: OrderLineStatus) =>
    (reofferableLineStatuses as readonly string[]).includes(status) &&
    (order.status === "CONFIRMED" || order.status === "IN_PROGRESS");
  const offerableLines = order.lines.filter((line) => lineCanBeOffered(line.status));
  const [history, ...previews] = await Promise.all([
    loadOrderHistory(db, orderId),
    ...offerableLines.map((line) => previewReoffer(db, line.id)),
  ]);
  const suppliersByLine = new Map(offerableLines.map((line, index) => [line.id, previews[index] ?? []]));
  const earliestRemakeDate = shift(quoteDay(), 1);
  // Shipped parts cannot be cancelled (cancelOrder refuses); a refund is the way then.
  const cancellable = !order.lines.some((line) => line.status === "SHIPPED" || line.status === "DELIVERED");
  return (
    <>
      {done && (
        <div className="alert ok confirmation" role="status">
          {notices[done]}
        </div>
      )}
      <p className="muted">
        <Link href="/ops/exceptions">← Exceptions</Link> · <Link href="/ops/payments">Payments</Link>
      </p>
      <div className={pageHeadStyles.pageHead}>
        <h1>Order {order.number}</h1>
        <span className={badgeClass(order.status)} data-testid="order-status">
          {orderStatusLabels[order.status]}
        </span>
      </div>
      {/* The actions sit below the long history and ledger: these links reach them in one step. */}
      <nav className="hint" aria-label="On this page">
        <a href="#offers-heading">Offers per line</a> · <a href="#history-heading">History</a>
        {order.status !== "CANCELLED" && (
          <>
            {" "}
            · <a href="#refund-heading">Refund</a>
            {cancellable && (
              <>
                {" "}
                · <a href="#cancel-heading">Cancel the order</a>
              </>
            )}
          </>
        )}
      </nav>
      <div className="card">
        <dl className={factsStyles.facts}>
          <dt>Buyer</dt>
          <dd>{order.buyerCompany.name}</dd>
          <dt>Placed</dt>
          <dd>
            {formatMoment(order.createdAt)} by {order.placedBy.name} ({order.placedBy.email})
          </dd>
          <dt>Payment</dt>
          <dd>{paymentMethodLabels[order.paymentMethod]}</dd>
          <AcceptedTermsFacts order={order} />
          <PurchaseReferenceFacts order={order} />
          <dt>Net</dt>
          <dd>{formatEuros(order.subtotalCents)}</dd>
          <dt>VAT</dt>
          <dd>{formatEuros(order.vatCents)}</dd>
          <dt>Total</dt>
          <dd>
            <strong>{formatEuros(order.totalCents)}</strong>
          </dd>
          {order.cancelledAt && (
            <>
              <dt>Cancelled</dt>
              <dd>{formatMoment(order.cancelledAt)}</dd>
            </>
          )}
        </dl>
      </div>

      <OrderLinesSection order={order} />
      <QualitySection orderId={order.id} />
      <LineOffersSection
        order={order}
        offersByLine={history.offersByLine}
        suppliersByLine={suppliersByLine}
        earliestRemakeDate={earliestRemakeDate}
      />
      <CounteroffersSection counteroffers={await loadOrderCounteroffers(getPrisma(), order.id)} />
      <ComplaintsSection order={order} />
      <MessagesSection orderId={order.id} lines={order.lines} />
      <PaymentsSection order={order} />
      <DocumentsSection order={order} />
      <PayoutsSection order={order} />
      <LedgerSection order={order} />

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <OrderHistoryList events={history.events} />
      </section>

      {order.status !== "CANCELLED" && (
        <>
          <section aria-labelledby="refund-heading">
            <h2 id="refund-heading">Refund</h2>
            <RefundForm
              orderId={order.id}
              refundableHint={
                order.paymentMethod === "CARD"
                  ? `Goes back to the buyer's card; the credit note and the buyer's e-mail follow once Stripe confirms it. Still refundable: ${formatEuros(order.refundableCents)}.`
                  : `Issued as a credit note against the invoice. Still refundable: ${formatEuros(order.refundableCents)}.`
              }
            />
          </section>
          {cancellable && (
            <section aria-labelledby="cancel-heading">
              <h2 id="cancel-heading">Cancel the order</h2>
              <CancelOrderForm orderId={order.id} orderNumber={order.number} />
            </section>
          )}
        </>
      )}
    </>
  );
}
