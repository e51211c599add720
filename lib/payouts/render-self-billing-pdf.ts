import { createPdfWriter } from "../documents/create-pdf-writer";
import type {
  InvoiceStatus,
  ManufacturingProcess,
  PayoutMethod,
  PayoutStatus,
  SupplierVatTreatment,
} from "../db/generated/enums";
import { formatEuros } from "../money/format-euros";
import { platformLegalDetails } from "../documents/platform-legal-details";
import { payoutMethodLabels } from "./payout-method-labels";
import { processLabel } from "../catalogue/catalogue-labels";
import { formatDayOfMoment } from "@/lib/dates/format-day";

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
  /** The VAT rule as issued (lib/supplier-tax/supplier-vat-notes.ts). */
  vatNote: string;
  /** Null on self-billing invoices issued before the rule was kept (issue 19). */
  vatTreatment: SupplierVatTreatment | null;
  vatPercent: number;
  orderNumber: string | null;
  /** The supplier: the supplier, in whose name the platform issues the invoice. */
  supplier: {
    name: string;
    addressLines: string[];
    vatNumber: string | null;
    /** Steuernummer in ELSTER's 13-digit form, as issued. */
    taxNumber: string | null;
    /** When VIES confirmed vatNumber, for reverse charge. */
    vatIdConfirmedAt: Date | null;
  };
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

function payoutLine(payout: NonNullable<SelfBillingInvoice["payout"]>): string {
  const method = payoutMethodLabels[payout.method].toLowerCase();
  switch (payout.status) {
    case "PAID":
      return `Paid${payout.paidAt ? ` on ${formatDayOfMoment(payout.paidAt)}` : ""} by ${method}${payout.transferReference ? ` (reference ${payout.transferReference})` : ""}.`;
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

/** The supplier's tax numbers the invoice names (§ 14 (4) no. 2 UStG); older invoices may have none. */
function supplierTaxLines(supplier: SelfBillingInvoice["supplier"]): string[] {
  const lines = [
    supplier.taxNumber ? `Steuernummer / tax number: ${supplier.taxNumber}` : null,
    supplier.vatNumber ? `USt-IdNr. / VAT ID: ${supplier.vatNumber}` : null,
  ].filter((line): line is string => line !== null);
  return lines.length > 0 ? lines : ["Tax number: not given"];
}

/**
 * A supplier's self-billing invoice (Gutschrift, § 14 (2) sentence 2 UStG) as a one-document PDF (A4) with
 * what § 14 (4) asks: issued by the platform, the recipient of the supply, in the supplier's name and for
 * its account; both parties' names and addresses, the supplier's tax number or VAT ID and the platform's
 * VAT ID, the number and date, one row per part (quantity, description, day of supply, net), net per rate,
 * the VAT rate and amount or the reason for none (reverse charge with both VAT IDs, § 14a (3); small
 * business, § 19), the word "Gutschrift", and how the payout stands. PDF's built-in fonts.
 */
export async function renderSelfBillingPdf(invoice: SelfBillingInvoice): Promise<Uint8Array> {
  const title = `Self-billing invoice ${invoice.number}`;
  // The recipient: the platform buys the supplier's parts and issues the invoice for it.
  const platform = platformLegalDetails();
  const doc = await createPdfWriter(title);
  const { bold, write, right, paragraph } = doc;

  doc.y -= 30;
  // § 14 (4) no. 10 UStG: a self-billing invoice must say "Gutschrift".
  paragraph("Gutschrift (self-billing invoice, § 14 (2) sentence 2 UStG)", 12, bold);
  paragraph(
    `Issued by ${platform.name}, the recipient of the supply, in the name and for the account of ${invoice.supplier.name}, the supplier.`,
  );
  doc.y -= 14;

  write("Supplier (leistender Unternehmer)", 50, 9, bold);
  write("Recipient (Leistungsempfänger)", 300, 9, bold);
  doc.y -= 13;
  const supplierLines = [
    invoice.supplier.name,
    ...invoice.supplier.addressLines,
    ...supplierTaxLines(invoice.supplier),
  ];
  const recipientLines = [
    platform.name,
    ...platform.addressLines,
    `USt-IdNr. / VAT ID: ${platform.vatNumber}`,
  ];
  for (let index = 0; index < Math.max(supplierLines.length, recipientLines.length); index++) {
    if (supplierLines[index]) write(supplierLines[index]!.slice(0, 44), 50);
    if (recipientLines[index]) write(recipientLines[index]!, 300);
    doc.y -= 13;
  }
  doc.y -= 10;
  write(`Gutschrift-Nr. / Invoice number: ${invoice.number}`, 50, 10, bold);
  doc.y -= 13;
  write(
    `Rechnungsdatum / Invoice date: ${formatDayOfMoment(invoice.issuedAt)}${invoice.orderNumber ? ` · order ${invoice.orderNumber}` : ""}`,
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
        line.deliveredAt ? `Lieferdatum / date of supply ${formatDayOfMoment(line.deliveredAt)}` : null,
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
  doc.totals(
    invoice.vatTreatment === "GERMAN_VAT"
      ? [
          [`Nettobetrag / Net at ${invoice.vatPercent} %`, invoice.netCents],
          [`Umsatzsteuer / VAT ${invoice.vatPercent} %`, invoice.vatCents],
          ["Gesamtbetrag / Total", invoice.totalCents],
        ]
      : [
          ["Nettobetrag / Net", invoice.netCents],
          [
            invoice.vatTreatment === "REVERSE_CHARGE"
              ? "Umsatzsteuer / VAT 0 %: reverse charge (see below)"
              : invoice.vatNote,
            invoice.vatCents,
          ],
          ["Gesamtbetrag / Total", invoice.totalCents],
        ],
  );
  if (invoice.vatTreatment === "REVERSE_CHARGE") {
    doc.y -= 6;
    paragraph(
      `${invoice.vatNote}. Supplier's VAT ID ${invoice.supplier.vatNumber ?? "-"}${invoice.supplier.vatIdConfirmedAt ? ` (confirmed by VIES on ${formatDayOfMoment(invoice.supplier.vatIdConfirmedAt)})` : ""}; recipient's VAT ID ${platform.vatNumber} (§ 14a (3) UStG).`,
      9,
    );
  }
  doc.y -= 20;
  if (invoice.payout) paragraph(payoutLine(invoice.payout), 9);
  return doc.save();
}
