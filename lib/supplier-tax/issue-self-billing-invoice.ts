import type { Invoice } from "../db/generated/client";
import type { TransactionClient } from "../db/prisma";
import { nextDocumentNumber } from "../documents/next-document-number";
import { postLedgerEntries } from "../ledger/post-ledger-entries";
import { vatCents } from "../money/vat-cents";
import type { SupplierVat } from "./supplier-tax-standing";
import { emitInvoiceIssued } from "../webhooks/emit-invoice-issued";

export interface SelfBillingSupply {
  supplierCompanyId: string;
  supplierName: string;
  orderId: string;
  orderLineId: string;
  /** The supplier's accepted price for the line: the invoice's net. */
  netCents: number;
  currency: string;
  vatIdConfirmedAt: Date | null;
}

export interface IssuedSelfBillingInvoice {
  invoice: Invoice;
  /** What the supplier is paid: net plus the VAT the invoice shows. */
  grossCents: number;
}

/**
 * Issues a supplier's self-billing invoice (numbered SB-…) for a delivered line with the VAT rule its tax
 * details gave (supplierTaxStanding), keeping those details on the invoice as issued, and moves the
 * supplier's share from margin to supplier in the ledger (the German VAT on it is input VAT the platform
 * reclaims). Called only once the supplier's tax details are complete: an invoice without them would not
 * be one (§ 14 (4) no. 2 UStG).
 */
export async function issueSelfBillingInvoice(
  tx: TransactionClient,
  supply: SelfBillingSupply,
  vat: SupplierVat,
  now: Date,
): Promise<IssuedSelfBillingInvoice> {
  const supplierVatCents = vatCents(supply.netCents, vat.percent);
  const grossCents = supply.netCents + supplierVatCents;
  const invoice = await tx.invoice.create({
    data: {
      number: await nextDocumentNumber(tx, "SB", now),
      kind: "SELF_BILLING",
      companyId: supply.supplierCompanyId,
      orderId: supply.orderId,
      netCents: supply.netCents,
      vatCents: supplierVatCents,
      totalCents: grossCents,
      currency: supply.currency,
      issuedAt: now,
      dueAt: now,
      supplierVatTreatment: vat.treatment,
      supplierVatId: vat.vatId,
      supplierTaxNumber: vat.taxNumber,
      supplierVatIdConfirmedAt: vat.treatment === "REVERSE_CHARGE" ? supply.vatIdConfirmedAt : null,
    },
  });
  await emitInvoiceIssued(tx, invoice);
  await postLedgerEntries(tx, {
    orderId: supply.orderId,
    orderLineId: supply.orderLineId,
    currency: supply.currency,
    sourceType: "SelfBilling",
    sourceId: invoice.id,
    description: `Self-billing invoice ${invoice.number} for ${supply.supplierName}`,
    buyerCents: 0,
    vatCents: -supplierVatCents,
    supplierCents: grossCents,
    marginCents: -supply.netCents,
  });
  return { invoice, grossCents };
}
