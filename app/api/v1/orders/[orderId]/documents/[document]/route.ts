import { apiRoute } from "@/lib/api/api-route";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { loadBuyerOrder } from "@/lib/orders/load-buyer-order";
import { renderOrderPdf } from "@/lib/orders/render-order-pdf";
import {
  asOriginallyInvoiced,
  asSupplementInvoice,
  loadInvoicedSupplements,
} from "@/lib/counteroffers/supplement-invoice-views";

const documents = {
  "confirmation.pdf": "confirmation",
  "invoice.pdf": "invoice",
  "pro-forma.pdf": "pro-forma",
} as const;

/**
 * An order's documents as PDF: `confirmation.pdf` always, `invoice.pdf` once the invoice is issued,
 * `pro-forma.pdf` (the request for prepayment with the bank details) for bank transfer orders.
 */
export const GET = apiRoute<{ orderId: string; document: string }>(async ({ params }) => {
  const user = await requireApiPermission("shop.view");
  // Own keys only: "constructor" from the URL must not find Object's constructor.
  const kind = Object.hasOwn(documents, params.document)
    ? documents[params.document as keyof typeof documents]
    : undefined;
  // A supplementary invoice for a counteroffer's price difference, by its number (docs/decisions/0047).
  const supplementNumber = /^(INV-\d{4}-\d{6})\.pdf$/.exec(params.document)?.[1];
  if (supplementNumber) {
    const order = await loadBuyerOrder(getPrisma(), user.companyId, params.orderId);
    const view = asSupplementInvoice(
      order,
      await loadInvoicedSupplements(getPrisma(), order.id),
      supplementNumber,
    );
    if (!view) throw new AppError("not_found", "This order has no supplementary invoice of that number.");
    return new Response((await renderOrderPdf(view, "invoice")) as unknown as BodyInit, {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="${supplementNumber}.pdf"`,
        "cache-control": "private, no-store",
      },
    });
  }
  if (!kind)
    throw new AppError("not_found", "Documents are confirmation.pdf, invoice.pdf and pro-forma.pdf.");
  const order = await loadBuyerOrder(getPrisma(), user.companyId, params.orderId);
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
    kind === "invoice"
      ? asOriginallyInvoiced(order, await loadInvoicedSupplements(getPrisma(), order.id))
      : order,
    kind,
  );
  const name = kind === "invoice" ? invoice!.number : `${order.number}-${kind}`;
  return new Response(bytes as unknown as BodyInit, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${name}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
});
