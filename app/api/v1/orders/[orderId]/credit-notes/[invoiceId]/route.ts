import { apiRoute } from "@/lib/api/api-route";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { areaForRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { loadCreditNote } from "@/lib/orders/load-credit-note";
import { renderCreditNotePdf } from "@/lib/orders/render-credit-note-pdf";

/** A credit note of an order as PDF, for the buyer's users and for operations; for anyone else it does not exist. */
export const GET = apiRoute<{ orderId: string; invoiceId: string }>(async ({ params }) => {
  const user = await requireApiPermission("order.documents.view");
  const area = areaForRole(user.role);
  const creditNote =
    area === "supplier"
      ? null
      : await loadCreditNote(getPrisma(), params.invoiceId, {
          companyId: user.companyId,
          isOperations: area === "ops",
        });
  if (!creditNote || creditNote.orderId !== params.orderId)
    throw new AppError("not_found", "There is no such credit note on this order.");
  const bytes = await renderCreditNotePdf(creditNote);
  return new Response(bytes as unknown as BodyInit, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${creditNote.number}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
});
