import { formatDeadlineDay } from "@/lib/dates/format-deadline";
import { formatMoment } from "@/app/_components/format-dates";
import { AmountCell } from "@/app/_components/amount-cell";
import { StackTable } from "@/app/_components/stack-table";
import type { InvoiceKind } from "@/lib/db/generated/enums";
import type { OrderMoney } from "@/lib/ledger/load-order-money";
import { badgeClass } from "@/app/_components/status-badge";

const invoiceKindLabels: Record<InvoiceKind, string> = {
  BUYER_INVOICE: "Invoice",
  CREDIT_NOTE: "Credit note",
  SELF_BILLING: "Self-billing invoice",
};

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

/** Every document of the order (buyer invoice, credit notes, self-billing invoices), each a link to its PDF. */
export function DocumentsSection({ order }: { order: OrderMoney }) {
  return (
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
                <span className={badgeClass(invoice.status)}>{invoiceStatusLabel(invoice)}</span>
              </td>
              <AmountCell label="Net" cents={invoice.netCents} />
              <AmountCell label="VAT" cents={invoice.vatCents} />
              <AmountCell label="Total" cents={invoice.totalCents} />
              <td data-label="Issued">{formatMoment(invoice.issuedAt)}</td>
              <td data-label="Due or paid">
                {invoice.paidAt
                  ? `paid ${formatMoment(invoice.paidAt)}`
                  : invoice.status === "ISSUED" && invoice.kind !== "CREDIT_NOTE"
                    ? `due ${formatDeadlineDay(invoice.dueAt)}`
                    : "–"}
              </td>
            </tr>
          ))}
        </StackTable>
      )}
    </section>
  );
}
