import { apiRoute } from "@/lib/api/api-route";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { orderDocumentResponse } from "@/lib/orders/order-document-response";
import { downloadOrderDocumentOperation } from "@/lib/public-api-buyer/buyer-operations";
import { keyOrSessionRoute } from "@/lib/public-api/key-or-session-route";
import { publicApiRoute } from "@/lib/public-api/public-api-route";

/**
 * An order's documents as PDF (lib/orders/order-document-response.ts). A request with an API key is the
 * public API's downloadOrderDocument (scope documents:read); without one, the signed-in buyer's.
 */
export const GET = keyOrSessionRoute(
  publicApiRoute(downloadOrderDocumentOperation, async ({ key, params }) =>
    orderDocumentResponse(key.companyId, params.orderId, params.document),
  ),
  apiRoute<{ orderId: string; document: string }>(async ({ params }) => {
    const user = await requireApiPermission("shop.view");
    return orderDocumentResponse(user.companyId, params.orderId, params.document);
  }),
);
