import { formatDeadlineDay } from "@/lib/dates/format-deadline";
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { formatMoment } from "@/app/_components/format-dates";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { loadPaymentsOverview } from "@/lib/ledger/load-payments-overview";
import { formatIban } from "@/lib/payouts/validate-iban";
import { AmountCell } from "@/app/_components/amount-cell";
import {
  MarkInvoicePaidForm,
  MarkPayoutTransferredForm,
  RetryPayoutForm,
  RunLedgerCheckForm,
} from "./payment-forms";
import { StackTable } from "@/app/_components/stack-table";
import factsStyles from "@/app/_components/facts.module.css";
import styles from "../ops.module.css";
import { CardPaymentSetupNotice } from "./card-payment-setup-notice";
import { loadRefundsToActOn } from "@/lib/payments/load-refunds-to-act-on";
import { RefundsToActOn } from "./refunds-to-act-on";
import { payoutHeldReasonForOperations } from "@/lib/payouts/payout-held-reason-for-operations";

export const metadata: Metadata = { title: "Payments" };

const doneSchema = z.enum([
  "invoice-paid",
  "payout-transferred",
  "payout-retried-stripe",
  "payout-retried-bank",
  "refund-retried",
  "refund-by-bank",
]);

/** What the page says after a form whose row left its list: the form's action redirects here with `done`. */
const notices: Record<z.infer<typeof doneSchema>, string> = {
  "invoice-paid": "The invoice is marked paid and has left the overdue list.",
  "payout-transferred": "The transfer is recorded: the payout and its self-billing invoice are paid.",
  "payout-retried-stripe": "The payout is being sent again by Stripe transfer.",
  "payout-retried-bank":
    "The payout now waits for a bank transfer: it is listed under bank transfers to send.",
  "refund-retried":
    "The card refund is being sent to Stripe again: it waits under card refunds on their way.",
  "refund-by-bank": "The bank transfer is recorded: the buyer has the credit note and an e-mail.",
};

const searchSchema = z.object({ done: doneSchema.optional().catch(undefined) });

const complaintPreviewChars = 160;

function orderLink(order: { id: string; number: string } | null) {
  return order ? <Link href={`/ops/orders/${order.id}`}>{order.number}</Link> : "–";
}

export default async function OpsPaymentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission("ops.console", "/ops/payments");
  const { done } = searchSchema.parse(await searchParams);
  const [overview, refunds] = await Promise.all([
    loadPaymentsOverview(getPrisma()),
    loadRefundsToActOn(getPrisma()),
  ]);
  const { lastCheck, overdueInvoices, heldPayouts, failedPayouts, manualPayoutsToSend, openComplaints } =
    overview;
  const payoutsToActOn = heldPayouts.length + failedPayouts.length + manualPayoutsToSend.length;
  return (
    <>
      {done && (
        <div className="alert ok confirmation" role="status">
          {notices[done]}
        </div>
      )}
      <h1>Payments</h1>
      <CardPaymentSetupNotice />
      <p className="muted">
        The ledger check, buyers&apos; invoices past due, partner payouts that need a hand, open complaints
        and where each order&apos;s money went.
      </p>
      <p>
        <Link href="/ops/payments/bank-statements">Bank statements</Link>: upload the account&apos;s statement
        to match prepayments by bank transfer, assign unknown payments, refund credits.
      </p>

      <section aria-labelledby="check-heading">
        <h2 id="check-heading">Ledger check</h2>
        {lastCheck ? (
          <>
            <dl className={factsStyles.facts}>
              <dt>Last run</dt>
              <dd>{formatMoment(lastCheck.ranAt)}</dd>
              <dt>Orders checked</dt>
              <dd>{lastCheck.ordersChecked}</dd>
              <dt>Stripe</dt>
              <dd>{lastCheck.stripeChecked ? "compared" : "not compared (Stripe is not configured)"}</dd>
            </dl>
            {lastCheck.differences.length === 0 ? (
              <p className={`alert ok ${styles.checkResult}`}>
                No differences: every order&apos;s ledger balances and agrees with its documents, payments and
                payouts.
              </p>
            ) : (
              <div className={`table-wrap ${styles.checkResult}`}>
                <table className="stack">
                  <caption className="visually-hidden">Differences found by the last check</caption>
                  <thead>
                    <tr>
                      <th scope="col">Order</th>
                      <th scope="col">What</th>
                      <th scope="col">Expected</th>
                      <th scope="col">Found</th>
                    </tr>
                  </thead>
                  <tbody>
                    {lastCheck.differences.map((difference, index) => (
                      <tr key={`${difference.orderId}-${index}`}>
                        <td data-label="Order">
                          <Link href={`/ops/orders/${difference.orderId}`}>{difference.orderNumber}</Link>
                        </td>
                        <td data-label="What">{difference.what}</td>
                        <AmountCell label="Expected" cents={difference.expectedCents} />
                        <AmountCell label="Found" cents={difference.actualCents} />
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        ) : (
          <p className="muted">
            The check has not run yet: it runs every night at 04:07, or now with the button.
          </p>
        )}
        <RunLedgerCheckForm />
      </section>

      <section aria-labelledby="overdue-heading">
        <h2 id="overdue-heading">Overdue invoices</h2>
        {overdueInvoices.length === 0 ? (
          <p className="muted">No buyer invoice is past its due day.</p>
        ) : (
          <StackTable
            columns={["Invoice", "Buyer", "Order", "Total", "Due", "Days overdue", "Payment arrived"]}
          >
            {overdueInvoices.map((invoice) => (
              <tr key={invoice.id}>
                <td data-label="Invoice">{invoice.number}</td>
                <td data-label="Buyer">{invoice.company.name}</td>
                <td data-label="Order">{orderLink(invoice.order)}</td>
                <AmountCell label="Total" cents={invoice.totalCents} />
                <td data-label="Due">{formatDeadlineDay(invoice.dueAt)}</td>
                <td data-label="Days overdue" className="amount">
                  {invoice.daysOverdue}
                </td>
                <td data-label="Payment arrived" className={styles.formCell}>
                  <MarkInvoicePaidForm
                    invoiceId={invoice.id}
                    invoiceNumber={invoice.number}
                    today={overview.today}
                  />
                </td>
              </tr>
            ))}
          </StackTable>
        )}
      </section>

      <section aria-labelledby="payouts-heading">
        <h2 id="payouts-heading">Payouts to act on</h2>
        {payoutsToActOn === 0 && overview.retryingPayouts.length === 0 && (
          <p className="muted">No payout is held, failed or waiting for a bank transfer.</p>
        )}
        {heldPayouts.length > 0 && (
          <>
            <h3>Held</h3>
            <StackTable columns={["Partner", "Order", "Amount", "Why it waits"]}>
              {heldPayouts.map((payout) => (
                <tr key={payout.id}>
                  <td data-label="Partner">{payout.supplierCompany.name}</td>
                  <td data-label="Order">{orderLink(payout.order)}</td>
                  <AmountCell label="Amount" cents={payout.amountCents} />
                  <td data-label="Why it waits">
                    {payout.heldReason ? payoutHeldReasonForOperations(payout.heldReason) : "–"}
                  </td>
                </tr>
              ))}
            </StackTable>
          </>
        )}
        {failedPayouts.length > 0 && (
          <>
            <h3>Failed</h3>
            <StackTable columns={["Partner", "Order", "Amount", "Why it failed", "Once fixed"]}>
              {failedPayouts.map((payout) => (
                <tr key={payout.id}>
                  <td data-label="Partner">{payout.supplierCompany.name}</td>
                  <td data-label="Order">{orderLink(payout.order)}</td>
                  <AmountCell label="Amount" cents={payout.amountCents} />
                  <td data-label="Why it failed">{payout.failureReason ?? "–"}</td>
                  <td data-label="Once fixed" className={styles.formCell}>
                    <RetryPayoutForm
                      payoutId={payout.id}
                      payoutLabel={`to ${payout.supplierCompany.name} for ${payout.order.number}`}
                    />
                  </td>
                </tr>
              ))}
            </StackTable>
          </>
        )}
        {overview.retryingPayouts.length > 0 && (
          <>
            <h3>Waiting for Stripe balance</h3>
            <p className="hint">
              Stripe refused these transfers because the platform&apos;s available balance is too low (orders
              on invoice are paid to the bank account, not to Stripe). They are tried again automatically; a
              top-up of the Stripe balance lets the next attempt through.
            </p>
            <StackTable columns={["Partner", "Order", "Amount", "Attempts", "Next attempt"]}>
              {overview.retryingPayouts.map((payout) => (
                <tr key={payout.id}>
                  <td data-label="Partner">{payout.supplierCompany.name}</td>
                  <td data-label="Order">{orderLink(payout.order)}</td>
                  <AmountCell label="Amount" cents={payout.amountCents} />
                  <td data-label="Attempts">{payout.transferAttempts}</td>
                  <td data-label="Next attempt">
                    {payout.nextTransferAttemptAt ? formatMoment(payout.nextTransferAttemptAt) : "due now"}
                  </td>
                </tr>
              ))}
            </StackTable>
          </>
        )}
        {manualPayoutsToSend.length > 0 && (
          <>
            <h3>Bank transfers to send</h3>
            <p className="hint">
              These partners have no Stripe account that can receive payouts. Send each amount from the
              platform&apos;s bank account with the invoice number as the payment reference, then record it.
            </p>
            <StackTable
              columns={["Partner", "Account holder", "IBAN", "BIC", "Amount", "Invoice", "Order", "Sent"]}
            >
              {manualPayoutsToSend.map((payout) => {
                const supplier = payout.supplierCompany;
                return (
                  <tr key={payout.id}>
                    <td data-label="Partner">{supplier.name}</td>
                    <td data-label="Account holder">{supplier.bankAccountHolder ?? "–"}</td>
                    <td data-label="IBAN" className={styles.iban}>
                      {supplier.bankIban ? formatIban(supplier.bankIban) : "missing"}
                    </td>
                    <td data-label="BIC">{supplier.bankBic ?? "–"}</td>
                    <AmountCell label="Amount" cents={payout.amountCents} />
                    <td data-label="Invoice">
                      {payout.invoice ? (
                        <a href={`/api/v1/supplier/invoices/${payout.invoice.id}/pdf`}>
                          {payout.invoice.number}
                        </a>
                      ) : (
                        "–"
                      )}
                    </td>
                    <td data-label="Order">{orderLink(payout.order)}</td>
                    <td data-label="Sent" className={styles.formCell}>
                      <MarkPayoutTransferredForm
                        payoutId={payout.id}
                        payoutLabel={`to ${supplier.name} for ${payout.order.number}`}
                      />
                    </td>
                  </tr>
                );
              })}
            </StackTable>
          </>
        )}
      </section>

      <RefundsToActOn refunds={refunds} />

      <section aria-labelledby="complaints-heading">
        <h2 id="complaints-heading">Open complaints</h2>
        {openComplaints.length === 0 ? (
          <p className="muted">No complaint waits for a decision.</p>
        ) : (
          <>
            <p className="hint">Decide each complaint on its order&apos;s page.</p>
            <StackTable columns={["Filed", "Order", "Part", "Partner", "Buyer", "Complaint"]}>
              {openComplaints.map((complaint) => (
                <tr key={complaint.id}>
                  <td data-label="Filed">{formatMoment(complaint.createdAt)}</td>
                  <td data-label="Order">{orderLink(complaint.orderLine.order)}</td>
                  <td data-label="Part" className="file-name">
                    {complaint.orderLine.part.originalFileName}
                  </td>
                  <td data-label="Partner">{complaint.orderLine.supplierCompany?.name ?? "–"}</td>
                  <td data-label="Buyer">{complaint.buyerCompany.name}</td>
                  <td data-label="Complaint">
                    {complaint.text.length > complaintPreviewChars
                      ? `${complaint.text.slice(0, complaintPreviewChars)}…`
                      : complaint.text}
                  </td>
                </tr>
              ))}
            </StackTable>
          </>
        )}
      </section>

      <section aria-labelledby="ledger-heading">
        <h2 id="ledger-heading">Ledger per order</h2>
        {overview.recentOrders.length === 0 ? (
          <p className="muted">
            No order has ledger entries yet: they are written when an invoice is issued.
          </p>
        ) : (
          <>
            <p className="hint">
              The most recent orders with ledger entries, up to 50. Charged = VAT + partner + margin.
            </p>
            <StackTable
              columns={[
                "Order",
                "Placed",
                { label: "Charged", className: "amount" },
                { label: "VAT", className: "amount" },
                { label: "Partner", className: "amount" },
                { label: "Margin", className: "amount" },
              ]}
            >
              {overview.recentOrders.map((order) => (
                <tr key={order.orderId} data-testid="ledger-row">
                  <td data-label="Order">
                    <Link href={`/ops/orders/${order.orderId}`}>{order.orderNumber}</Link>
                  </td>
                  <td data-label="Placed">{formatMoment(order.createdAt)}</td>
                  <AmountCell label="Charged" cents={order.buyerCents} />
                  <AmountCell label="VAT" cents={order.vatCents} />
                  <AmountCell label="Partner" cents={order.supplierCents} />
                  <AmountCell label="Margin" cents={order.marginCents} />
                </tr>
              ))}
            </StackTable>
          </>
        )}
      </section>
    </>
  );
}
