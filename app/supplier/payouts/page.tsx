import type { Metadata } from "next";
import { requireArea } from "@/lib/auth/current-user";
import { getPrisma } from "@/lib/db/prisma";
import { formatEuros } from "@/lib/orders/format-euros";
import { formatDay } from "@/app/_components/format-dates";

export const metadata: Metadata = { title: "Payouts" };

const payoutStatusLabels = {
  PENDING: "Being paid",
  HELD: "Held",
  PAID: "Paid",
  FAILED: "Failed, operations are on it",
} as const;

export default async function SupplierPayoutsPage() {
  const user = await requireArea("supplier", "/supplier/payouts");
  const db = getPrisma();
  const [payouts, invoices] = await Promise.all([
    db.payout.findMany({
      where: { supplierCompanyId: user.companyId },
      orderBy: { createdAt: "desc" },
      take: 200,
      include: { order: { select: { number: true } }, invoice: { select: { number: true } } },
    }),
    db.invoice.findMany({
      where: { companyId: user.companyId, kind: "SELF_BILLING" },
      orderBy: { issuedAt: "desc" },
      take: 200,
    }),
  ]);
  return (
    <>
      <h1>Payouts and invoices</h1>
      <p className="muted">
        You are paid after delivery is confirmed (by the buyer, or automatically 7 days after delivery without
        a complaint). We issue the invoice for you (self-billing) and pay it by transfer.
      </p>
      <h2>Payouts</h2>
      {payouts.length === 0 ? (
        <p className="muted">No payouts yet: they appear here once a delivered job is confirmed.</p>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Invoice</th>
                <th scope="col">Amount</th>
                <th scope="col">Status</th>
                <th scope="col">Paid</th>
              </tr>
            </thead>
            <tbody>
              {payouts.map((payout) => (
                <tr key={payout.id}>
                  <td data-label="Order">{payout.order.number}</td>
                  <td data-label="Invoice">{payout.invoice?.number ?? "–"}</td>
                  <td data-label="Amount" className="amount">
                    {formatEuros(payout.amountCents)}
                  </td>
                  <td data-label="Status">
                    {payoutStatusLabels[payout.status]}
                    {payout.heldReason && <span className="hint"> · {payout.heldReason}</span>}
                  </td>
                  <td data-label="Paid">{payout.paidAt ? formatDay(payout.paidAt) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Self-billing invoices</h2>
      {invoices.length === 0 ? (
        <p className="muted">No invoices yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">Invoice</th>
                <th scope="col">Issued</th>
                <th scope="col">Net</th>
                <th scope="col">VAT</th>
                <th scope="col">Total</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {invoices.map((invoice) => (
                <tr key={invoice.id}>
                  <td data-label="Invoice">{invoice.number}</td>
                  <td data-label="Issued">{formatDay(invoice.issuedAt)}</td>
                  <td data-label="Net" className="amount">
                    {formatEuros(invoice.netCents)}
                  </td>
                  <td data-label="VAT" className="amount">
                    {formatEuros(invoice.vatCents)}
                  </td>
                  <td data-label="Total" className="amount">
                    {formatEuros(invoice.totalCents)}
                  </td>
                  <td data-label="Status">
                    {invoice.status === "PAID" ? "Paid" : invoice.status === "VOID" ? "Void" : "Open"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
