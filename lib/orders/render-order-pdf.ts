import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { processLabels } from "../catalogue/process-labels";
import { toleranceLabels } from "../quotes/tolerance-codes";
import type { OrderAddress } from "./checkout-fields";
import type { BuyerOrder } from "./load-buyer-order";
import { formatEuros } from "./format-euros";

/** The standard PDF fonts speak WinAnsi only: anything else becomes its nearest plain character. */
function winAnsi(text: string): string {
  return text
    .replace(/[\u2212\u2013\u2014]/g, "-")
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/[^\x20-\x7e\u00a0-\u00ff\u20ac]/g, "?");
}

/**
 * The order confirmation or the buyer's invoice as a one-document PDF (A4), from the frozen order: the
 * seller (the platform), the buyer's addresses and VAT number, one row per part with quantity, unit and
 * line price, and the totals with the VAT rule that applied. No fonts to download: PDF's built-in ones.
 */
export async function renderOrderPdf(
  order: BuyerOrder,
  kind: "confirmation" | "invoice",
): Promise<Uint8Array> {
  const invoice = order.invoices.find((candidate) => candidate.kind === "BUYER_INVOICE");
  if (kind === "invoice" && !invoice) throw new Error("This order has no invoice yet.");
  const pdf = await PDFDocument.create();
  pdf.setTitle(kind === "invoice" ? `Invoice ${invoice!.number}` : `Order confirmation ${order.number}`);
  pdf.setProducer("Instant Quote");
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page = pdf.addPage([595.28, 841.89]);
  let y = 790;
  const write = (text: string, x: number, size = 10, useFont: PDFFont = font, target: PDFPage = page) =>
    target.drawText(winAnsi(text), { x, y, size, font: useFont, color: rgb(0.1, 0.12, 0.16) });
  const right = (text: string, xRight: number, size = 10, useFont: PDFFont = font) =>
    write(text, xRight - useFont.widthOfTextAtSize(winAnsi(text), size), size, useFont);

  write("Instant Quote GmbH", 50, 10, bold);
  right(
    kind === "invoice" ? `Invoice ${invoice!.number}` : `Order confirmation ${order.number}`,
    545,
    14,
    bold,
  );
  y -= 14;
  write("Musterstrasse 1, 10115 Berlin, Germany · VAT DE000000000", 50, 8);
  y -= 36;
  const billing = order.billingAddress as OrderAddress;
  const shipping = order.shippingAddress as OrderAddress;
  const addressLines = (address: OrderAddress) =>
    [
      address.company,
      address.name,
      address.line,
      `${address.postalCode ?? ""} ${address.city ?? ""}`,
      address.countryCode,
    ].filter((line): line is string => Boolean(line && line.trim()));
  write("Bill to", 50, 9, bold);
  write("Ship to", 300, 9, bold);
  y -= 13;
  const billingLines = addressLines(billing);
  const shippingLines = addressLines(shipping);
  for (let index = 0; index < Math.max(billingLines.length, shippingLines.length); index++) {
    if (billingLines[index]) write(billingLines[index]!, 50);
    if (shippingLines[index]) write(shippingLines[index]!, 300);
    y -= 13;
  }
  if (order.vatNumber) {
    write(`VAT number: ${order.vatNumber}`, 50);
    y -= 13;
  }
  y -= 10;
  const dated = kind === "invoice" ? invoice!.issuedAt : order.createdAt;
  write(
    `Order ${order.number} · ${kind === "invoice" ? "invoice date" : "ordered"} ${dated.toISOString().slice(0, 10)}`,
    50,
  );
  if (kind === "invoice") {
    y -= 13;
    write(
      `Payment due ${invoice!.dueAt.toISOString().slice(0, 10)} (${order.buyerCompany.paymentTermsDays} days)`,
      50,
    );
  }
  y -= 28;
  write("Part", 50, 9, bold);
  write("Qty", 330, 9, bold);
  right("Unit", 455, 9, bold);
  right("Amount", 545, 9, bold);
  y -= 6;
  page.drawLine({ start: { x: 50, y }, end: { x: 545, y }, thickness: 0.5, color: rgb(0.6, 0.6, 0.6) });
  y -= 14;
  for (const line of order.lines) {
    if (y < 120) {
      page = pdf.addPage([595.28, 841.89]);
      y = 790;
    }
    write(line.part.originalFileName.slice(0, 60), 50, 10, bold);
    write(String(line.quantity), 330);
    right(formatEuros(line.unitPriceCents), 455);
    right(formatEuros(line.totalPriceCents), 545);
    y -= 12;
    write(
      `${processLabels[line.process]} · ${line.quote.material.name} · ${line.finish} · ${toleranceLabels[line.toleranceClass]} · delivery ${line.deliveryDate.toISOString().slice(0, 10)}`.slice(
        0,
        110,
      ),
      50,
      8,
    );
    y -= 18;
  }
  page.drawLine({
    start: { x: 300, y: y + 6 },
    end: { x: 545, y: y + 6 },
    thickness: 0.5,
    color: rgb(0.6, 0.6, 0.6),
  });
  y -= 8;
  for (const [label, cents, useBold] of [
    ["Net", order.subtotalCents, false],
    [billing.vatNote ?? "VAT", order.vatCents, false],
    ["Total", order.totalCents, true],
  ] as const) {
    right(label, 455, 10, useBold ? bold : font);
    right(formatEuros(cents), 545, 10, useBold ? bold : font);
    y -= 15;
  }
  y -= 20;
  write(
    order.paymentMethod === "INVOICE"
      ? "Payment by bank transfer, quoting the invoice number."
      : "Paid by card through Stripe.",
    50,
    9,
  );
  return pdf.save();
}
