import { createPdfWriter } from "../documents/create-pdf-writer";
import { drawPaymentDetails } from "../documents/draw-payment-details";
import type { OrderAddress } from "./checkout-fields";
import type { BuyerOrder } from "./load-buyer-order";
import { formatEuros } from "../money/format-euros";
import { drawVatDetails } from "../vat/draw-vat-details";
import { finishLabel, processLabel, toleranceLabel } from "../catalogue/catalogue-labels";
import { countryName } from "../documents/country-name";
import { purchaseReferenceLines } from "../documents/purchase-reference-lines";
import { formatDay, formatDayOfMoment } from "@/lib/dates/format-day";

/**
 * The order confirmation or the buyer's invoice as a one-document PDF (A4), from the frozen order: the
 * seller (the platform), the buyer's addresses and VAT number, one row per part with quantity, unit and
 * line price, and the totals with the VAT rule that applied. No fonts to download: PDF's built-in ones.
 */
export async function renderOrderPdf(
  order: BuyerOrder,
  kind: "confirmation" | "invoice" | "pro-forma",
): Promise<Uint8Array> {
  const invoice = order.invoices.find((candidate) => candidate.kind === "BUYER_INVOICE");
  if (kind === "invoice" && !invoice) throw new Error("This order has no invoice yet.");
  const doc = await createPdfWriter(
    kind === "invoice"
      ? `Invoice ${invoice!.number}`
      : kind === "pro-forma"
        ? `Pro-forma invoice ${order.number}`
        : `Order confirmation ${order.number}`,
  );
  const { bold, write, right } = doc;

  doc.y -= 36;
  const billing = order.billingAddress as OrderAddress;
  const shipping = order.shippingAddress as OrderAddress;
  const addressLines = (address: OrderAddress) =>
    [
      address.company,
      address.name,
      address.line,
      `${address.postalCode ?? ""} ${address.city ?? ""}`,
      countryName(address.countryCode),
    ].filter((line): line is string => Boolean(line && line.trim()));
  write("Bill to", 50, 9, bold);
  write("Ship to", 300, 9, bold);
  doc.y -= 13;
  const billingLines = addressLines(billing);
  const shippingLines = addressLines(shipping);
  for (let index = 0; index < Math.max(billingLines.length, shippingLines.length); index++) {
    if (billingLines[index]) write(billingLines[index]!, 50);
    if (shippingLines[index]) write(shippingLines[index]!, 300);
    doc.y -= 13;
  }
  for (const line of purchaseReferenceLines(order)) {
    write(line, 50);
    doc.y -= 13;
  }
  doc.y -= 10;
  const dated = kind === "invoice" ? invoice!.issuedAt : order.createdAt;
  write(
    `Order ${order.number} · ${kind === "invoice" ? "invoice date" : "ordered"} ${formatDayOfMoment(dated)}`,
    50,
  );
  if (kind === "invoice") {
    doc.y -= 13;
    write(
      `Payment due ${formatDayOfMoment(invoice!.dueAt)} (${Math.round((invoice!.dueAt.getTime() - invoice!.issuedAt.getTime()) / 86_400_000)} days)`,
      50,
    );
  }
  doc.y -= 28;
  write("Part", 50, 9, bold);
  write("Qty", 330, 9, bold);
  right("Unit", 455, 9, bold);
  right("Amount", 545, 9, bold);
  doc.y -= 6;
  doc.rule();
  doc.y -= 14;
  for (const line of order.lines) {
    doc.newPageBelow(120);
    write(line.part.originalFileName.slice(0, 60), 50, 10, bold);
    write(String(line.quantity), 330);
    right(formatEuros(line.unitPriceCents), 455);
    right(formatEuros(line.totalPriceCents), 545);
    doc.y -= 12;
    write(
      `${processLabel(line.process)} · ${line.quote.material.name} · ${finishLabel(line.finish)} · ${toleranceLabel(line.toleranceClass)} · delivery ${formatDay(line.deliveryDate)}`.slice(
        0,
        110,
      ),
      50,
      8,
    );
    if (line.smallOrderSurchargeCents > 0) {
      doc.y -= 10;
      write(
        `Amount includes a small-order surcharge of ${formatEuros(line.smallOrderSurchargeCents)}`,
        50,
        8,
      );
    }
    doc.y -= 18;
  }
  doc.rule(300, 545, doc.y + 6);
  doc.y -= 8;
  doc.totals([
    ["Net", order.subtotalCents],
    [billing.vatNote ?? "VAT", order.vatCents],
    ["Total", order.totalCents],
  ]);
  drawVatDetails(doc, order);
  doc.y -= 20;
  drawPaymentDetails(doc, order, kind);
  return doc.save();
}
