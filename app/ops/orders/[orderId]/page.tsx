import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { formatDay, formatMoment } from "@/app/_components/format-dates";
import { requirePermission } from "@/lib/auth/require-permission";
import type {
  ComplaintStatus,
  InvoiceKind,
  LedgerAccount,
  OrderLineStatus,
  PaymentMethod,
  PaymentStatus,
  PayoutStatus,
  RefundStatus,
} from "@/lib/db/generated/enums";
import { getPrisma } from "@/lib/db/prisma";
import { orNotFoundPage } from "@/lib/errors/or-not-found-page";
import { loadOrderMoney, type OrderMoney } from "@/lib/ledger/load-order-money";
import { formatEuros } from "@/lib/money/format-euros";
import { orderStatusLabels } from "@/lib/orders/order-status-labels";
import {
  CancelOrderForm,
  ComplaintDecisionForm,
  RefundForm,
  RemakeForm,
  ReofferForm,
} from "./ops-order-forms";
import { OrderHistoryList } from "./order-history-list";
import { AmountCell } from "@/app/_components/amount-cell";
import { StackTable } from "@/app/_components/stack-table";
import { payoutMethodLabels } from "@/lib/payouts/payout-method-labels";
import { previewReoffer, reofferableLineStatuses } from "@/lib/matching/reoffer-order-line";
import { loadOrderHistory } from "@/lib/orders/load-order-history";
import { quoteDay } from "@/lib/quotes/quote-day";
import { shift } from "@/quoting-engine/pricing/working-days";

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

const offerStatusLabels: Record<string, string> = {
  PENDING: "Waiting for an answer",
  ACCEPTED: "Accepted",
  REJECTED: "Rejected",
  EXPIRED: "Expired",
  WITHDRAWN: "Withdrawn",
};

const searchSchema = z.object({ done: doneSchema.optional().catch(undefined) });

const lineStatusLabels: Record<OrderLineStatus, string> = {
  AWAITING_MATCH: "Finding a partner",
  OFFERED: "Offered to a partner",
  UNMATCHED: "No partner found",
  ACCEPTED: "Accepted",
  IN_PRODUCTION: "In production",
  QUALITY_CHECK: "Quality check",
  SHIPPED: "Shipped",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
};

const paymentMethodLabels: Record<PaymentMethod, string> = { CARD: "Card", INVOICE: "Invoice" };

const paymentStatusLabels: Record<PaymentStatus, string> = {
  PENDING: "Waiting",
  SUCCEEDED: "Paid",
  FAILED: "Failed",
  REFUNDED: "Refunded",
  PARTIALLY_REFUNDED: "Partly refunded",
};

const refundStatusLabels: Record<RefundStatus, string> = {
  PENDING: "On its way",
  SUCCEEDED: "Refunded",
  FAILED: "Failed",
};

const complaintStatusLabels: Record<ComplaintStatus, string> = {
  OPEN: "Open",
  UPHELD: "Upheld",
  REJECTED: "Rejected",
};

const invoiceKindLabels: Record<InvoiceKind, string> = {
  BUYER_INVOICE: "Invoice",
  CREDIT_NOTE: "Credit note",
  SELF_BILLING: "Self-billing invoice",
};

const payoutStatusLabels: Record<PayoutStatus, string> = {
  PENDING: "To be paid",
  HELD: "Held",
  PAID: "Paid",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
};

const accountLabels: Record<LedgerAccount, string> = {
  BUYER: "Buyer",
  VAT: "VAT",
  SUPPLIER: "Partner",
  MARGIN: "Margin",
};

const ledgerAccounts: LedgerAccount[] = ["BUYER", "VAT", "SUPPLIER", "MARGIN"];

function totalLabel(account: LedgerAccount): string {
  return `Total ${account === "VAT" ? "VAT" : accountLabels[account].toLowerCase()}`;
}

type Invoice = OrderMoney["invoices"][number];

function invoiceStatusLabel(invoice: Invoice): string {
  if (invoice.status === "PAID") return "Paid";
  if (invoice.status === "VOID") return "Void";
  return invoice.kind === "CREDIT_NOTE" ? "Issued" : "Unpaid";
}

/** The PDF of each kind of document; each route lets operations through. */
function pdfHref(orderId: string, invoice: Invoice): string {
  if (invoice.kind === "BUYER_INVOICE") return `/api/v1/orders/${orderId}/documents/invoice.pdf`;
  if (invoice.kind === "CREDIT_NOTE") return `/api/v1/orders/${orderId}/credit-notes/${invoice.id}`;
  return `/api/v1/supplier/invoices/${invoice.id}/pdf`;
}

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
  const partOfLine = new Map(order.lines.map((line) => [line.id, line.part.originalFileName]));
  const complaints = order.lines.flatMap((line) => line.complaints.map((complaint) => ({ complaint, line })));
  const refunds = order.payments.flatMap((payment) => payment.refunds);
  const totals = order.ledgerTotals;
  const balanced = totals.BUYER === totals.VAT + totals.SUPPLIER + totals.MARGIN;
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
      <div className="page-head">
        <h1>Order {order.number}</h1>
        <span className={`badge ${order.status}`} data-testid="order-status">
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
        <dl className="facts">
          <dt>Buyer</dt>
          <dd>{order.buyerCompany.name}</dd>
          <dt>Placed</dt>
          <dd>
            {formatDay(order.createdAt)} by {order.placedBy.name} ({order.placedBy.email})
          </dd>
          <dt>Payment</dt>
          <dd>{paymentMethodLabels[order.paymentMethod]}</dd>
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
              <dd>{formatDay(order.cancelledAt)}</dd>
            </>
          )}
        </dl>
      </div>

      <section aria-labelledby="lines-heading">
        <h2 id="lines-heading">Lines</h2>
        <StackTable
          columns={[
            "Part",
            "Quantity",
            "Partner",
            "Status",
            "Delivery",
            { label: "Buyer price", className: "amount" },
            { label: "Partner price", className: "amount" },
          ]}
        >
          {order.lines.map((line) => (
            <tr key={line.id}>
              <td data-label="Part">
                <div>
                  <span className="file-name">{line.part.originalFileName}</span>
                  {line.remakeOfLineId && (
                    <span className="hint">
                      {" "}
                      · remake of {partOfLine.get(line.remakeOfLineId) ?? "another line"}: {line.remakeReason}
                    </span>
                  )}
                </div>
              </td>
              <td data-label="Quantity">{line.quantity}</td>
              <td data-label="Partner">{line.supplierCompany?.name ?? "–"}</td>
              <td data-label="Status">
                <span className={`badge ${line.status}`}>{lineStatusLabels[line.status]}</span>
              </td>
              <td data-label="Delivery">{formatDay(line.deliveryDate)}</td>
              <AmountCell label="Buyer price" cents={line.totalPriceCents} />
              <AmountCell label="Partner price" cents={line.supplierTotalCents} />
            </tr>
          ))}
        </StackTable>
      </section>

      <section aria-labelledby="offers-heading">
        <h2 id="offers-heading">Offers per line</h2>
        <div className="line-offers">
          {order.lines.map((line) => {
            const offers = history.offersByLine.get(line.id) ?? [];
            const pendingOffer = offers.find((offer) => offer.status === "PENDING");
            const headingId = `line-${line.id}-heading`;
            return (
              <article key={line.id} className="card" aria-labelledby={headingId}>
                <div className="page-head">
                  <h3 id={headingId} className="file-name">
                    {line.quantity} × {line.part.originalFileName}
                  </h3>
                  <span className={`badge ${line.status}`}>{lineStatusLabels[line.status]}</span>
                </div>
                {offers.length === 0 ? (
                  <p className="muted">No offers yet.</p>
                ) : (
                  <StackTable
                    columns={[
                      "Partner",
                      "Status",
                      "Rank · score",
                      { label: "Price", className: "amount" },
                      "Offered",
                      "Offered by",
                      "Deadline or answer",
                      "Why",
                    ]}
                  >
                    {offers.map((offer) => (
                      <tr key={offer.id}>
                        <td data-label="Partner">{offer.supplier}</td>
                        <td data-label="Status">
                          <span className={`badge ${offer.status}`}>{offerStatusLabels[offer.status]}</span>
                        </td>
                        <td data-label="Rank · score">
                          {offer.rank} · {offer.score.toFixed(3)}
                        </td>
                        <AmountCell label="Price" cents={offer.supplierPriceCents} />
                        <td data-label="Offered">{formatMoment(offer.createdAt)}</td>
                        <td data-label="Offered by">{offer.offeredBy ?? "the matcher"}</td>
                        <td data-label="Deadline or answer">
                          {offer.status === "WITHDRAWN"
                            ? "withdrawn, not answered"
                            : offer.respondedAt
                              ? `answered ${formatMoment(offer.respondedAt)}`
                              : offer.status === "PENDING"
                                ? `expires ${formatMoment(offer.expiresAt)}`
                                : `expired ${formatMoment(offer.expiresAt)}`}
                        </td>
                        <td data-label="Why">{offer.why ?? "–"}</td>
                      </tr>
                    ))}
                  </StackTable>
                )}
                {lineCanBeOffered(line.status) && (
                  <ReofferForm
                    orderId={order.id}
                    orderLineId={line.id}
                    suppliers={suppliersByLine.get(line.id) ?? []}
                    currentSupplierId={pendingOffer?.supplierCompanyId ?? null}
                  />
                )}
                {(line.status === "SHIPPED" || line.status === "DELIVERED") &&
                  line.supplierCompany &&
                  order.status !== "CANCELLED" && (
                    <RemakeForm
                      orderId={order.id}
                      orderLineId={line.id}
                      supplierName={line.supplierCompany.name}
                      quantity={line.quantity}
                      earliestDate={earliestRemakeDate}
                    />
                  )}
              </article>
            );
          })}
        </div>
      </section>

      <section aria-labelledby="complaints-heading">
        <h2 id="complaints-heading">Complaints</h2>
        {complaints.length === 0 ? (
          <p className="muted">No complaints on this order.</p>
        ) : (
          <div className="complaint-cards">
            {complaints.map(({ complaint, line }) => {
              const payout = order.payouts.find((candidate) => candidate.orderLineId === line.id);
              const complaintRefunds = refunds.filter((refund) => refund.complaintId === complaint.id);
              return (
                <article
                  key={complaint.id}
                  className="card"
                  aria-labelledby={`complaint-${complaint.id}-heading`}
                >
                  <div className="page-head">
                    <h3 id={`complaint-${complaint.id}-heading`} className="file-name">
                      {line.part.originalFileName}
                    </h3>
                    <span className={`badge ${complaint.status}`}>
                      {complaintStatusLabels[complaint.status]}
                    </span>
                  </div>
                  <p className="hint">
                    Filed {formatDay(complaint.createdAt)} by {complaint.createdBy.name} · partner{" "}
                    {line.supplierCompany?.name ?? "none"} · line{" "}
                    {lineStatusLabels[line.status].toLowerCase()}
                    {payout
                      ? ` · partner's payout ${formatEuros(payout.amountCents)}, ${payoutStatusLabels[payout.status].toLowerCase()}`
                      : " · no payout yet"}
                  </p>
                  <blockquote className="complaint-text">{complaint.text}</blockquote>
                  {complaint.status === "OPEN" ? (
                    <ComplaintDecisionForm
                      orderId={order.id}
                      complaintId={complaint.id}
                      payoutPaid={payout?.status === "PAID"}
                    />
                  ) : (
                    <p>
                      <strong>
                        {complaintStatusLabels[complaint.status]}
                        {complaint.decidedAt ? ` on ${formatDay(complaint.decidedAt)}` : ""}:
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
                      <span className={`badge ${payment.status}`}>{paymentStatusLabels[payment.status]}</span>
                    </td>
                    <AmountCell label="Refunded" cents={payment.refundedCents} />
                    <td data-label="Stripe">
                      <span className="hint ids">
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
                    <span className={`badge ${refund.status}`}>{refundStatusLabels[refund.status]}</span>
                    {refund.failureReason && <span className="hint"> · {refund.failureReason}</span>}
                  </td>
                  <td data-label="Done">{refund.completedAt ? formatMoment(refund.completedAt) : "–"}</td>
                  <td data-label="Stripe and credit note">
                    <span className="hint ids">
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

      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">Documents</h2>
        {order.invoices.length === 0 ? (
          <p className="muted">No documents yet: the invoice is issued when the order is confirmed.</p>
        ) : (
          <StackTable
            columns={[
              "Document",
              "Kind",
              "To",
              "Status",
              { label: "Net", className: "amount" },
              { label: "VAT", className: "amount" },
              { label: "Total", className: "amount" },
              "Issued",
              "Due or paid",
            ]}
          >
            {order.invoices.map((invoice) => (
              <tr key={invoice.id}>
                <td data-label="Document">
                  <a href={pdfHref(order.id, invoice)}>
                    {invoice.number}
                    <span className="visually-hidden"> (PDF)</span>
                  </a>
                </td>
                <td data-label="Kind">{invoiceKindLabels[invoice.kind]}</td>
                <td data-label="To">{invoice.company.name}</td>
                <td data-label="Status">
                  <span className={`badge ${invoice.status}`}>{invoiceStatusLabel(invoice)}</span>
                </td>
                <AmountCell label="Net" cents={invoice.netCents} />
                <AmountCell label="VAT" cents={invoice.vatCents} />
                <AmountCell label="Total" cents={invoice.totalCents} />
                <td data-label="Issued">{formatDay(invoice.issuedAt)}</td>
                <td data-label="Due or paid">
                  {invoice.paidAt
                    ? `paid ${formatDay(invoice.paidAt)}`
                    : invoice.status === "ISSUED" && invoice.kind !== "CREDIT_NOTE"
                      ? `due ${formatDay(invoice.dueAt)}`
                      : "–"}
                </td>
              </tr>
            ))}
          </StackTable>
        )}
      </section>

      <section aria-labelledby="payouts-heading">
        <h2 id="payouts-heading">Payouts</h2>
        {order.payouts.length === 0 ? (
          <p className="muted">
            No payouts yet: a partner&apos;s payout is created when its delivery is confirmed.
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
              const reason = payout.status === "HELD" ? payout.heldReason : payout.failureReason;
              return (
                <tr key={payout.id}>
                  <td data-label="Partner">{payout.supplierCompany.name}</td>
                  <td data-label="Part" className="file-name">
                    {payout.orderLine.part.originalFileName}
                  </td>
                  <AmountCell label="Amount" cents={payout.amountCents} />
                  <td data-label="Method">{payoutMethodLabels[payout.method]}</td>
                  <td data-label="Status">
                    <span className={`badge ${payout.status}`}>{payoutStatusLabels[payout.status]}</span>
                    {reason && <span className="hint"> · {reason}</span>}
                  </td>
                  <td data-label="Transfer">
                    <span className="hint ids">
                      {payout.stripeTransferId ?? payout.transferReference ?? "–"}
                    </span>
                  </td>
                  <td data-label="Invoice">{payout.invoice?.number ?? "–"}</td>
                  <td data-label="Paid">{payout.paidAt ? formatDay(payout.paidAt) : "–"}</td>
                </tr>
              );
            })}
          </StackTable>
        )}
      </section>

      <section aria-labelledby="ledger-heading">
        <h2 id="ledger-heading">Ledger</h2>
        {order.ledgerEntries.length === 0 ? (
          <p className="muted">No ledger entries yet: they are written when the invoice is issued.</p>
        ) : (
          <>
            <div className="table-wrap">
              <table className="stack ledger">
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Description</th>
                    <th scope="col">Account</th>
                    <th scope="col" className="amount">
                      Amount
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {order.ledgerEntries.map((entry) => (
                    <tr key={entry.id}>
                      <td data-label="Date">{formatDay(entry.createdAt)}</td>
                      <td data-label="Description">{entry.description}</td>
                      <td data-label="Account">{accountLabels[entry.account]}</td>
                      <AmountCell label="Amount" cents={entry.amountCents} />
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  {ledgerAccounts.map((account) => (
                    <tr key={account}>
                      <th scope="row" colSpan={3}>
                        {totalLabel(account)}
                      </th>
                      {/* On a phone the row heading is hidden and this cell's label names the account. */}
                      <td data-label={totalLabel(account)} className="amount">
                        {formatEuros(totals[account])}
                      </td>
                    </tr>
                  ))}
                </tfoot>
              </table>
            </div>
            <p className={`alert ${balanced ? "ok" : "error"} ledger-balance`} data-testid="ledger-balance">
              Buyer charged {formatEuros(totals.BUYER)} {balanced ? "=" : "≠"} partner{" "}
              {formatEuros(totals.SUPPLIER)} + margin {formatEuros(totals.MARGIN)} + VAT{" "}
              {formatEuros(totals.VAT)}
              {!balanced && ". The ledger does not balance: run the ledger check on the payments page."}
            </p>
          </>
        )}
      </section>

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
                  ? `Goes back to the buyer's card, with a credit note. Still refundable: ${formatEuros(order.refundableCents)}.`
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
