import { listOrdersViaApi, placeOrderViaApi } from "@/lib/public-api-buyer/buyer-order-handlers";
import { listOrdersOperation, placeOrderOperation } from "@/lib/public-api-buyer/buyer-operations";
import { publicApiRoute } from "@/lib/public-api/public-api-route";

export const GET = publicApiRoute(listOrdersOperation, listOrdersViaApi);
export const POST = publicApiRoute(placeOrderOperation, placeOrderViaApi);
