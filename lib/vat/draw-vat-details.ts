import type { PdfWriter } from "../documents/create-pdf-writer";
import { platformLegalDetails } from "../documents/platform-legal-details";
import type { OrderVatDetails } from "./order-vat-details";
import { formatDayOfMoment } from "@/lib/dates/format-day";

/**
 * The legal wording for a tax-exempt intra-community supply of goods (§ 14a (3) UStG asks for the note
 * and both VAT IDs). Not "Art. 196 / § 13b UStG": those shift the VAT on services; for goods the buyer
 * taxes its intra-community acquisition (Art. 138 and 20 of the Directive), which is what "reverse
 * charge" means to buyers (docs/decisions/0023).
 */
export const reverseChargeWording =
  "Reverse charge: tax-exempt intra-community supply (Art. 138 Council Directive 2006/112/EC; § 4 No. 1b, § 6a UStG). The recipient is liable for the VAT on the intra-community acquisition in its member state.";

export const exportWording = "Tax-exempt export delivery outside the EU (§ 4 No. 1a, § 6 UStG).";

/**
 * The VAT block of a buyer's invoice, order confirmation or credit note: the buyer's VAT ID (with VIES's
 * confirmation date and consultation number when reverse charge rests on it), the platform's VAT ID, and
 * the legal wording for reverse charge or export. Written at the cursor, below the totals.
 */
export function drawVatDetails(doc: PdfWriter, order: OrderVatDetails): void {
  doc.newPageBelow(110);
  doc.y -= 6;
  const confirmation =
    order.vatTreatment === "REVERSE_CHARGE" && order.vatIdConfirmedAt
      ? ` (confirmed through VIES on ${formatDayOfMoment(order.vatIdConfirmedAt)}${order.vatIdConsultationNumber ? `, consultation number ${order.vatIdConsultationNumber}` : ""})`
      : "";
  if (order.vatNumber) doc.paragraph(`Buyer's VAT ID: ${order.vatNumber}${confirmation}`, 9);
  doc.paragraph(`Seller's VAT ID: ${platformLegalDetails().vatNumber}`, 9);
  if (order.vatTreatment === "REVERSE_CHARGE") doc.paragraph(reverseChargeWording, 9, doc.bold);
  if (order.vatTreatment === "EXPORT") doc.paragraph(exportWording, 9);
}
