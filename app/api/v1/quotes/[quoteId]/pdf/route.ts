import { apiRoute } from "@/lib/api/api-route";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { parseOrRefuse } from "@/lib/errors/parse-or-refuse";
import { purchaseReferenceSchema } from "@/lib/orders/purchase-reference-fields";
import { loadQuoteDocument } from "@/lib/quote-documents/load-quote-document";
import { quotePdfResponse } from "@/lib/quote-documents/quote-pdf-response";

/**
 * A quote of the buyer's company as PDF; `?purchaseOrderNumber=…&costCentre=…` prints the buyer's own
 * references on this copy (nothing is stored). Another company's quote does not exist here.
 */
export const GET = apiRoute<{ quoteId: string }>(async ({ request, params }) => {
  const user = await requireApiPermission("shop.view");
  const query = new URL(request.url).searchParams;
  const reference = parseOrRefuse(
    purchaseReferenceSchema,
    {
      purchaseOrderNumber: query.get("purchaseOrderNumber") ?? "",
      costCentre: query.get("costCentre") ?? "",
    },
    "The references are not valid:",
  );
  const document = await loadQuoteDocument(getPrisma(), {
    quoteId: params.quoteId,
    companyId: user.companyId,
  });
  return quotePdfResponse({ ...document, reference });
});
