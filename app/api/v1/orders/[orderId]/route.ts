import { getOrderViaApi } from "@/lib/public-api-buyer/buyer-order-handlers";
import { getOrderOperation } from "@/lib/public-api-buyer/buyer-operations";
import { publicApiRoute } from "@/lib/public-api/public-api-route";

export const GET = publicApiRoute(getOrderOperation, getOrderViaApi);
