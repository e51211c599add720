import { createPdfWriter } from "../documents/create-pdf-writer";
import { platformLegalDetails } from "../documents/platform-legal-details";
import { purchaseReferenceLines } from "../documents/purchase-reference-lines";
import { formatEuros } from "../money/format-euros";
import type { QuoteDocument } from "./quote-document";
import { formatDeadline } from "../dates/format-deadline";
import { formatDay, formatDayOfMoment } from "@/lib/dates/format-day";

/** "1.2 MB" for a file size. */
export function readableBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "80 × 40 × 12 mm" for the part's bounding box, as the part page writes it (× is in WinAnsi, the PDF fonts' set). */
export const partSizeText = (edgesMm: number[]) =>
  edgesMm.length ? `${edgesMm.map((edge) => Number(edge.toFixed(1))).join(" × ")} mm` : "";

/** Why prices are net and when VAT is added, as checkout applies it (lib/money/vat-for-delivery.ts). */
export const quoteVatNote =
  "All prices are net, excluding VAT. German VAT (19 %) is added for delivery in Germany; none is charged " +
  "to a business elsewhere in the EU with a confirmed VAT ID (reverse charge) or for delivery outside the EU.";

/**
 * A quote for a purchaser's internal approval (A4, pdf-lib's built-in fonts): number, date and validity,
 * the part (file name, file size, dimensions), what it is made as by name (process, material, finish,
 * tolerance), quantity with unit and total price net, the VAT rule, the delivery date, the buyer's
 * purchase-order number and cost centre when given, and the platform's legal details and terms.
 */
export async function renderQuotePdf(quote: QuoteDocument, termsUrl: string): Promise<Uint8Array> {
  const doc = await createPdfWriter(`Quote ${quote.number}`);
  const { bold, write, right, paragraph } = doc;

  doc.y -= 36;
  if (quote.companyName) {
    write("Prepared for", 50, 9, bold);
    doc.y -= 13;
    write(quote.companyName, 50);
    doc.y -= 13;
    if (quote.preparedBy) {
      write(`Requested by ${quote.preparedBy}`, 50);
      doc.y -= 13;
    }
  }
  for (const line of purchaseReferenceLines(quote.reference)) {
    write(line, 50);
    doc.y -= 13;
  }
  doc.y -= 10;
  write(`Quote ${quote.number}`, 50, 11, bold);
  doc.y -= 14;
  write(`Date ${formatDayOfMoment(quote.issuedAt)} · valid until ${formatDeadline(quote.validUntil)}`, 50);
  doc.y -= 28;

  write("Part", 50, 9, bold);
  write("Qty", 330, 9, bold);
  right("Unit", 455, 9, bold);
  right("Amount", 545, 9, bold);
  doc.y -= 6;
  doc.rule();
  doc.y -= 14;
  write(quote.fileName.slice(0, 55), 50, 10, bold);
  write(String(quote.quantity), 330);
  right(formatEuros(quote.unitPriceCents), 455);
  right(formatEuros(quote.totalPriceCents), 545);
  doc.y -= 13;
  const facts: [string, string][] = [
    [
      "File",
      `${readableBytes(quote.fileSizeBytes)}${quote.partSizeMm.length ? ` · ${partSizeText(quote.partSizeMm)}` : ""}`,
    ],
    ["Process", quote.processName],
    ["Material", quote.materialName],
    ["Finish", quote.finishName],
    ["Tolerance", quote.toleranceName],
    ["Delivery", `delivered by ${formatDay(quote.deliveryDate)}`],
  ];
  for (const [label, value] of facts) {
    write(label, 60, 9, bold);
    write(value.slice(0, 90), 130, 9);
    doc.y -= 12;
  }
  doc.y -= 6;
  doc.rule(300, 545, doc.y + 6);
  doc.y -= 8;
  doc.totals([
    ...(quote.smallOrderSurchargeCents > 0
      ? ([
          ["Parts", quote.totalPriceCents - quote.smallOrderSurchargeCents],
          ["Small-order surcharge", quote.smallOrderSurchargeCents],
        ] as [string, number][])
      : []),
    ["Total, net", quote.totalPriceCents],
  ]);
  doc.y -= 10;
  paragraph(quoteVatNote, 9);
  doc.y -= 10;
  paragraph(
    `This quote is valid until ${formatDeadline(quote.validUntil)}. Prices are frozen when the order is placed; the ` +
      `delivery date holds for an order placed while the quote is valid. The part is made by an audited ` +
      `manufacturing partner of ours; we are your contracting party and guarantee the specification.`,
    9,
  );
  doc.y -= 10;
  paragraph(`Our terms of business apply: ${termsUrl}`, 9);
  doc.newPageBelow(90);
  doc.y -= 16;
  doc.rule();
  doc.y -= 12;
  const platform = platformLegalDetails();
  write(platform.name, 50, 8, bold);
  doc.y -= 10;
  write(platform.addressLines.join(", "), 50, 8);
  doc.y -= 10;
  write(`VAT ID ${platform.vatNumber}`, 50, 8);
  return doc.save();
}
