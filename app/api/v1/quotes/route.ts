import { createQuoteViaApi } from "@/lib/public-api-buyer/buyer-order-handlers";
import { createQuoteOperation } from "@/lib/public-api-buyer/buyer-operations";
import { publicApiRoute } from "@/lib/public-api/public-api-route";

export const POST = publicApiRoute(createQuoteOperation, createQuoteViaApi);
