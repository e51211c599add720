import { createPdfWriter } from "../documents/create-pdf-writer";
import type { InvoiceStatus, ManufacturingProcess, PayoutMethod, PayoutStatus } from "../db/generated/enums";
import { formatEuros } from "../money/format-euros";
import { platformLegalDetails } from "../documents/platform-legal-details";
import { payoutMethodLabels } from "./payout-method-labels";
import { processLabel } from "../catalogue/catalogue-labels";

/** Everything a self-billing invoice shows, as loadSelfBillingInvoice reads it. */
export interface SelfBillingInvoice {
  id: string;
  number: string;
  status: InvoiceStatus;
  issuedAt: Date;
  currency: string;
  netCents: number;
  vatCents: number;
  totalCents: number;
  /** The VAT rule for the supplier's country, from vatForSupplierSupply. */
  vatNote: string;
  orderNumber: string | null;
  /** The supplier: the supplier, in whose name the platform issues the invoice. */
  supplier: { name: string; addressLines: string[]; vatNumber: string | null };
  lines: {
    partName: string;
    process: ManufacturingProcess;
    materialName: string;
    quantity: number;
    netCents: number;
    /** The day of supply the invoice must state: when delivery was confirmed. */
    deliveredAt: Date | null;
  }[];
  payout: {
    status: PayoutStatus;
    method: PayoutMethod;
    paidAt: Date | null;
    heldReason: string | null;
    failureReason: string | null;
    transferReference: string | null;
  } | null;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

function payoutLine(payout: NonNullable<SelfBillingInvoice["payout"]>): string {
  const method = payoutMethodLabels[payout.method].toLowerCase();
  switch (payout.status) {
    case "PAID":
      return `Paid${payout.paidAt ? ` on ${day(payout.paidAt)}` : ""} by ${method}${payout.transferReference ? ` (reference ${payout.transferReference})` : ""}.`;
    case "PENDING":
      return `Being paid by ${method}.`;
    case "WAITING":
      return "Due when the buyer's complaint window closes.";
    case "HELD":
      return `Payout held: ${payout.heldReason ?? "operations will tell you why."}`;
    case "FAILED":
      return `Payout by ${method} failed${payout.failureReason ? `: ${payout.failureReason}` : ""}. Operations are on it.`;
    case "CANCELLED":
      return "Payout cancelled.";
  }
}

/**
 * A supplier's self-billing invoice (Gutschrift, § 14 (2) UStG) as a one-document PDF (A4): issued by the
 * platform, the recipient of the supply, in the supplier's name and for its account; the supplier with its
 * address and VAT number, one row per part with the day of supply, net, VAT with the rule for the
 * supplier's country, total and how the payout stands. PDF's built-in fonts, nothing to download.
 */
export async function renderSelfBillingPdf(invoice: SelfBillingInvoice): Promise<Uint8Array> {
  const title = `Self-billing invoice ${invoice.number}`;
  // The recipient: the platform buys the supplier's parts and issues the invoice for it.
  const platform = platformLegalDetails();
  const doc = await createPdfWriter(title);
  const { bold, write, right, paragraph } = doc;

  doc.y -= 30;
  paragraph("Gutschrift (self-billing)", 12, bold);
  paragraph(
    `Issued by ${platform.name} (the recipient) in the name and for the account of ${invoice.supplier.name}.`,
  );
  doc.y -= 14;

  write("Supplier", 50, 9, bold);
  write("Recipient", 300, 9, bold);
  doc.y -= 13;
  const supplierLines = [
    invoice.supplier.name,
    ...invoice.supplier.addressLines,
    invoice.supplier.vatNumber ? `VAT number: ${invoice.supplier.vatNumber}` : "VAT number: not given",
  ];
  const recipientLines = [platform.name, ...platform.addressLines, `VAT number: ${platform.vatNumber}`];
  for (let index = 0; index < Math.max(supplierLines.length, recipientLines.length); index++) {
    if (supplierLines[index]) write(supplierLines[index]!.slice(0, 40), 50);
    if (recipientLines[index]) write(recipientLines[index]!, 300);
    doc.y -= 13;
  }
  doc.y -= 10;
  write(
    `Invoice date ${day(invoice.issuedAt)}${invoice.orderNumber ? ` · order ${invoice.orderNumber}` : ""}`,
    50,
  );
  if (invoice.status === "VOID") {
    doc.y -= 13;
    write("This invoice is void.", 50, 10, bold);
  }
  doc.y -= 28;

  write("Part", 50, 9, bold);
  write("Qty", 400, 9, bold);
  right("Net amount", 545, 9, bold);
  doc.y -= 6;
  doc.rule();
  doc.y -= 14;
  for (const line of invoice.lines) {
    doc.newPageBelow(160);
    write(line.partName.slice(0, 60), 50, 10, bold);
    write(String(line.quantity), 400);
    right(formatEuros(line.netCents), 545);
    doc.y -= 12;
    write(
      [
        processLabel(line.process),
        line.materialName,
        line.deliveredAt ? `supplied ${day(line.deliveredAt)}` : null,
      ]
        .filter(Boolean)
        .join(" · ")
        .slice(0, 110),
      50,
      8,
    );
    doc.y -= 18;
  }
  doc.rule(300, 545, doc.y + 6);
  doc.y -= 8;
  doc.totals([
    ["Net", invoice.netCents],
    [invoice.vatNote, invoice.vatCents],
    ["Total", invoice.totalCents],
  ]);
  doc.y -= 20;
  if (invoice.payout) paragraph(payoutLine(invoice.payout), 9);
  return doc.save();
}
