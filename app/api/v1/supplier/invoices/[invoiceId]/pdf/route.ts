import { apiRoute } from "@/lib/api/api-route";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { areaForRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { loadSelfBillingInvoice } from "@/lib/payouts/load-self-billing-invoice";
import { renderSelfBillingPdf } from "@/lib/payouts/render-self-billing-pdf";

/**
 * A supplier's self-billing invoice as PDF, for that supplier's users and for operations; for anyone else
 * it does not exist.
 */
export const GET = apiRoute<{ invoiceId: string }>(async ({ params }) => {
  const user = await requireApiPermission("supplier.invoices.view");
  const area = areaForRole(user.role);
  const invoice =
    area === "buyer"
      ? null
      : await loadSelfBillingInvoice(getPrisma(), params.invoiceId, {
          companyId: user.companyId,
          isOperations: area === "ops",
        });
  if (!invoice) throw new AppError("not_found", "There is no such self-billing invoice for your company.");
  const bytes = await renderSelfBillingPdf(invoice);
  return new Response(bytes as unknown as BodyInit, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${invoice.number}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
});
