import { createPdfWriter } from "../documents/create-pdf-writer";
import type { PaymentMethod } from "../db/generated/enums";
import { drawVatDetails } from "../vat/draw-vat-details";
import type { OrderVatDetails } from "../vat/order-vat-details";
import { purchaseReferenceLines, type PurchaseReference } from "../documents/purchase-reference-lines";
import { formatDayOfMoment } from "@/lib/dates/format-day";

/** Everything a buyer's credit note shows, as loadCreditNote reads it. */
export interface CreditNote extends OrderVatDetails {
  id: string;
  number: string;
  issuedAt: Date;
  currency: string;
  /** Credited amounts, positive. */
  netCents: number;
  vatCents: number;
  totalCents: number;
  orderId: string;
  orderNumber: string;
  /** The invoice the note credits; null only for data from before invoices were issued. */
  invoiceNumber: string | null;
  billingAddressLines: string[];
  /** The order's VAT rule, which the credit follows. */
  vatNote: string;
  /** Why the money was given back, from the refund; null when the credit came without one. */
  reason: string | null;
  paymentMethod: PaymentMethod;
  /** The buyer's purchase-order number and cost centre from the order. */
  purchaseReference?: PurchaseReference;
}

/**
 * A buyer's credit note (CN-…) as a one-document PDF (A4), laid out like the invoice it credits: the
 * seller (the platform), the buyer's billing address and VAT number, the invoice and order it refers to,
 * the reason, the credited net, VAT and total, and where the money went (back to the card, or off the
 * amount due on the invoice).
 */
export async function renderCreditNotePdf(creditNote: CreditNote): Promise<Uint8Array> {
  const title = `Credit note ${creditNote.number}`;
  const doc = await createPdfWriter(title);
  const { bold, write, right, paragraph } = doc;

  doc.y -= 36;
  write("Bill to", 50, 9, bold);
  doc.y -= 13;
  for (const line of creditNote.billingAddressLines) {
    write(line, 50);
    doc.y -= 13;
  }
  for (const line of purchaseReferenceLines(creditNote.purchaseReference)) {
    write(line, 50);
    doc.y -= 13;
  }
  doc.y -= 10;
  const credited = creditNote.invoiceNumber ? ` for invoice ${creditNote.invoiceNumber}` : "";
  paragraph(`${title}${credited} (order ${creditNote.orderNumber})`, 11, bold);
  write(`Date ${formatDayOfMoment(creditNote.issuedAt)}`, 50);
  doc.y -= 13;
  if (creditNote.reason) paragraph(`Reason: ${creditNote.reason}`);
  doc.y -= 20;

  write("Credited", 50, 9, bold);
  right("Amount", 545, 9, bold);
  doc.y -= 6;
  doc.rule();
  doc.y -= 16;
  doc.totals([
    ["Net", creditNote.netCents],
    [creditNote.vatNote, creditNote.vatCents],
    ["Total credited", creditNote.totalCents],
  ]);
  drawVatDetails(doc, creditNote);
  doc.y -= 20;
  paragraph(
    creditNote.paymentMethod === "CARD"
      ? "Refunded to your card."
      : `Deducted from the amount due ${creditNote.invoiceNumber ? `on invoice ${creditNote.invoiceNumber}` : `for order ${creditNote.orderNumber}`}.`,
    9,
  );
  return doc.save();
}
