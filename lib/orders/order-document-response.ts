import "server-only";
import { getPrisma } from "../db/prisma";
import { AppError } from "../errors/app-error";
import {
  asOriginallyInvoiced,
  asSupplementInvoice,
  loadInvoicedSupplements,
} from "../counteroffers/supplement-invoice-views";
import { loadBuyerOrder } from "./load-buyer-order";
import { renderOrderPdf } from "./render-order-pdf";

const documents = {
  "confirmation.pdf": "confirmation",
  "invoice.pdf": "invoice",
  "pro-forma.pdf": "pro-forma",
} as const;

function pdfResponse(bytes: Uint8Array, name: string): Response {
  return new Response(bytes as unknown as BodyInit, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${name}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}

/**
 * One of a buyer company's order documents as a PDF response, for the web app's session route and the
 * public API alike: `confirmation.pdf` always, `invoice.pdf` once issued, `pro-forma.pdf` (the request
 * for prepayment with the bank details) for bank transfer orders, a supplementary invoice by its number.
 */
export async function orderDocumentResponse(
  companyId: string,
  orderId: string,
  document: string,
): Promise<Response> {
  const db = getPrisma();
  // Own keys only: "constructor" from the URL must not find Object's constructor.
  const kind = Object.hasOwn(documents, document) ? documents[document as keyof typeof documents] : undefined;
  // A supplementary invoice for a counteroffer's price difference, by its number (docs/decisions/0047).
  const supplementNumber = /^(INV-\d{4}-\d{6})\.pdf$/.exec(document)?.[1];
  if (supplementNumber) {
    const order = await loadBuyerOrder(db, companyId, orderId);
    const view = asSupplementInvoice(order, await loadInvoicedSupplements(db, order.id), supplementNumber);
    if (!view) throw new AppError("not_found", "This order has no supplementary invoice of that number.");
    return pdfResponse(await renderOrderPdf(view, "invoice"), supplementNumber);
  }
  if (!kind)
    throw new AppError("not_found", "Documents are confirmation.pdf, invoice.pdf and pro-forma.pdf.");
  const order = await loadBuyerOrder(db, companyId, orderId);
  const invoice = order.invoices.find((candidate) => candidate.kind === "BUYER_INVOICE");
  if (kind === "invoice" && !invoice)
    throw new AppError(
      "not_found",
      "This order has no invoice yet: it is issued when the order is confirmed.",
    );
  if (kind === "pro-forma" && order.paymentMethod !== "BANK_TRANSFER")
    throw new AppError("not_found", "Only orders paid in advance by bank transfer have a pro-forma invoice.");
  // The first invoice as issued, before any counteroffer's supplementary invoice (docs/decisions/0047).
  const bytes = await renderOrderPdf(
    kind === "invoice" ? asOriginallyInvoiced(order, await loadInvoicedSupplements(db, order.id)) : order,
    kind,
  );
  return pdfResponse(bytes, kind === "invoice" ? invoice!.number : `${order.number}-${kind}`);
}
