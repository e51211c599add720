import type { InvoiceKind, SupplierVatTreatment, VatTreatment } from "@/lib/db/generated/enums";
import { berlinDate } from "../dates/berlin-date";
import type { DatevBooking } from "./build-datev-booking-batch";
import { datevSkr03Accounts as accounts } from "./datev-accounts";

/** An invoice, credit note or self-billing invoice as the export reads it. */
export interface InvoiceForDatev {
  number: string;
  kind: InvoiceKind;
  totalCents: number;
  vatCents: number;
  issuedAt: Date;
  dueAt: Date;
  note: string | null;
  supplierVatTreatment: SupplierVatTreatment | null;
  supplierVatId: string | null;
  company: { name: string; datevAccountNumber: number };
  order: { number: string; vatTreatment: VatTreatment | null; vatNumber: string | null } | null;
}

/**
 * The postings of the platform's documents (decision 0062). A buyer's invoice is a debit on the buyer's
 * debtor account against revenue, a credit note the same on the credit side; a self-billing invoice (the
 * platform's purchase from a partner, § 14 (2) UStG) is a credit on the partner's creditor account against
 * purchases. The revenue or purchases account follows the VAT rule the document was issued under, so the
 * adviser's VAT return gets each amount in its line. Documents of 0 € are left out (DATEV refuses them).
 */
export function datevBookingsForInvoices(invoices: readonly InvoiceForDatev[]): DatevBooking[] {
  return invoices.flatMap((invoice): DatevBooking[] => {
    if (invoice.totalCents === 0) return [];
    const isPurchase = invoice.kind === "SELF_BILLING";
    // A credit note lowers the receivable: the buyer's account is credited (H); an invoice is debited.
    const normalSide = invoice.kind === "BUYER_INVOICE" ? "S" : "H";
    const side = invoice.totalCents > 0 ? normalSide : normalSide === "S" ? "H" : "S";
    const reverseCharge = isPurchase
      ? invoice.supplierVatTreatment === "REVERSE_CHARGE"
      : revenueRuleOf(invoice) === "REVERSE_CHARGE";
    return [
      {
        amountCents: Math.abs(invoice.totalCents),
        side,
        account: invoice.company.datevAccountNumber,
        contraAccount: isPurchase ? purchasesAccountOf(invoice) : revenueAccountOf(invoice),
        documentDate: berlinDate(invoice.issuedAt),
        documentNumber: invoice.number,
        text: `${textPrefix[invoice.kind]} ${invoice.order?.number ?? invoice.number} ${invoice.company.name}`,
        orderNumber: invoice.order?.number,
        euVatId: reverseCharge
          ? ((isPurchase ? invoice.supplierVatId : invoice.order?.vatNumber) ?? undefined)
          : undefined,
        dueDate: invoice.dueAt.toISOString().slice(0, 10),
      },
    ];
  });
}

const textPrefix: Record<InvoiceKind, string> = {
  BUYER_INVOICE: "Rechnung",
  CREDIT_NOTE: "Gutschrift",
  SELF_BILLING: "Gutschrift Partner",
};

/** The VAT rule of a buyer's document: the order's; on older orders, read from the VAT charged. */
function revenueRuleOf(invoice: InvoiceForDatev): VatTreatment {
  if (invoice.order?.vatTreatment) return invoice.order.vatTreatment;
  if (invoice.vatCents !== 0) return "GERMAN_VAT";
  return invoice.order?.vatNumber ? "REVERSE_CHARGE" : "EXPORT";
}

function revenueAccountOf(invoice: InvoiceForDatev): number {
  const rule = revenueRuleOf(invoice);
  if (rule === "REVERSE_CHARGE") return accounts.revenueIntraCommunity;
  if (rule === "EXPORT") return accounts.revenueExport;
  return accounts.revenueGermanVat;
}

function purchasesAccountOf(invoice: InvoiceForDatev): number {
  const rule = invoice.supplierVatTreatment ?? (invoice.vatCents !== 0 ? "GERMAN_VAT" : "SMALL_BUSINESS");
  if (rule === "GERMAN_VAT") return accounts.purchasesGermanVat;
  if (rule === "REVERSE_CHARGE") return accounts.purchasesIntraCommunity;
  return accounts.purchasesWithoutVat;
}
