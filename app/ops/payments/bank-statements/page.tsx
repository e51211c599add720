import type { Metadata } from "next";
import Link from "next/link";
import { AmountCell } from "@/app/_components/amount-cell";
import { formatDay, formatMoment } from "@/app/_components/format-dates";
import { StackTable } from "@/app/_components/stack-table";
import { requirePermission } from "@/lib/auth/require-permission";
import { loadBankStatementsOverview } from "@/lib/bank-transfers/load-bank-statements-overview";
import { formatPaymentReference } from "@/lib/bank-transfers/payment-reference";
import { getPrisma } from "@/lib/db/prisma";
import { formatEuros } from "@/lib/money/format-euros";
import { formatIban } from "@/lib/payouts/validate-iban";
import { AssignEntryForm, SettleCreditForm, UploadStatementForm } from "./bank-statement-forms";
import opsStyles from "../../ops.module.css";
import styles from "./bank-statements.module.css";

export const metadata: Metadata = { title: "Bank statements" };

export default async function BankStatementsPage() {
  await requirePermission("ops.console", "/ops/payments/bank-statements");
  const { unmatched, openCredits, waitingOrders, statements } = await loadBankStatementsOverview(getPrisma());
  return (
    <>
      <p className="muted">
        <Link href="/ops/payments">← Payments</Link>
      </p>
      <h1>Bank statements</h1>
      <p className="muted">
        Buyers who pay in advance transfer the money with their order&apos;s reference. Upload the
        account&apos;s statement: each incoming payment is matched by its reference and amount, a paid order
        goes to a partner at once.
      </p>

      <section aria-labelledby="upload-heading">
        <h2 id="upload-heading">Upload a statement</h2>
        <UploadStatementForm />
      </section>

      <section aria-labelledby="unmatched-heading">
        <h2 id="unmatched-heading">Payments without a known reference</h2>
        {unmatched.length === 0 ? (
          <p className="muted">Every incoming payment is matched to an order.</p>
        ) : (
          <StackTable columns={["Booked", "Amount", "Payer", "Reference text", "Book to order"]}>
            {unmatched.map((entry) => (
              <tr key={entry.id}>
                <td data-label="Booked">{formatDay(entry.bookingDate)}</td>
                <AmountCell label="Amount" cents={entry.amountCents} />
                <td data-label="Payer">
                  {entry.counterpartyName ?? "–"}
                  {entry.counterpartyIban && (
                    <span className={`hint ${styles.iban}`}>{formatIban(entry.counterpartyIban)}</span>
                  )}
                </td>
                <td data-label="Reference text" className={styles.remittance}>
                  {entry.remittanceInfo || "–"}
                </td>
                <td data-label="Book to order" className={opsStyles.formCell}>
                  <AssignEntryForm
                    entryId={entry.id}
                    label={`${formatEuros(entry.amountCents)} of ${formatDay(entry.bookingDate)}`}
                  />
                </td>
              </tr>
            ))}
          </StackTable>
        )}
      </section>

      <section aria-labelledby="credits-heading">
        <h2 id="credits-heading">Credits to refund or keep</h2>
        <p className="hint">
          Money beyond what an order needed, or for an order that was cancelled or already paid. Transfer it
          back to the payer&apos;s IBAN, then record it; or keep it and say why.
        </p>
        {openCredits.length === 0 ? (
          <p className="muted">No credit is open.</p>
        ) : (
          <StackTable columns={["Booked", "Credit", "Received", "Order", "Payer", "Done"]}>
            {openCredits.map((entry) => (
              <tr key={entry.id}>
                <td data-label="Booked">{formatDay(entry.bookingDate)}</td>
                <AmountCell label="Credit" cents={entry.surplusCents} />
                <AmountCell label="Received" cents={entry.amountCents} />
                <td data-label="Order">
                  {entry.order ? (
                    <Link href={`/ops/orders/${entry.order.id}`}>{entry.order.number}</Link>
                  ) : (
                    "–"
                  )}
                </td>
                <td data-label="Payer">
                  {entry.counterpartyName ?? "–"}
                  {entry.counterpartyIban && (
                    <span className={`hint ${styles.iban}`}>{formatIban(entry.counterpartyIban)}</span>
                  )}
                </td>
                <td data-label="Done" className={opsStyles.formCell}>
                  <SettleCreditForm
                    entryId={entry.id}
                    label={`${formatEuros(entry.surplusCents)} of ${formatDay(entry.bookingDate)}`}
                  />
                </td>
              </tr>
            ))}
          </StackTable>
        )}
      </section>

      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">Orders waiting for their transfer</h2>
        {waitingOrders.length === 0 ? (
          <p className="muted">No prepayment order is waiting for money.</p>
        ) : (
          <StackTable columns={["Order", "Buyer", "Placed", "Reference", "Total", "Missing", "Reminded"]}>
            {waitingOrders.map((order) => (
              <tr key={order.id}>
                <td data-label="Order">
                  <Link href={`/ops/orders/${order.id}`}>{order.number}</Link>
                </td>
                <td data-label="Buyer">{order.buyerCompany.name}</td>
                <td data-label="Placed">{formatMoment(order.createdAt)}</td>
                <td data-label="Reference" className={styles.reference}>
                  {order.paymentReference ? formatPaymentReference(order.paymentReference) : "–"}
                </td>
                <AmountCell label="Total" cents={order.totalCents} />
                <AmountCell label="Missing" cents={order.openCents} />
                <td data-label="Reminded">
                  {order.prepaymentRemindedAt ? formatMoment(order.prepaymentRemindedAt) : "not yet"}
                </td>
              </tr>
            ))}
          </StackTable>
        )}
      </section>

      <section aria-labelledby="statements-heading">
        <h2 id="statements-heading">Statements uploaded</h2>
        {statements.length === 0 ? (
          <p className="muted">No statement has been uploaded yet.</p>
        ) : (
          <StackTable columns={["Uploaded", "File", "Format", "Incoming", "New", "Outgoing (ignored)"]}>
            {statements.map((statement) => (
              <tr key={statement.id}>
                <td data-label="Uploaded">{formatMoment(statement.createdAt)}</td>
                <td data-label="File" className="file-name">
                  {statement.fileName}
                </td>
                <td data-label="Format">{statement.format === "CAMT053" ? "CAMT.053" : "CSV"}</td>
                <td data-label="Incoming" className="amount">
                  {statement.creditsRead}
                </td>
                <td data-label="New" className="amount">
                  {statement.creditsNew}
                </td>
                <td data-label="Outgoing (ignored)" className="amount">
                  {statement.debitsIgnored}
                </td>
              </tr>
            ))}
          </StackTable>
        )}
      </section>
    </>
  );
}
