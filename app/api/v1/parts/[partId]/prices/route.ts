import { listPartPricesViaApi } from "@/lib/public-api-buyer/buyer-part-handlers";
import { listPartPricesOperation } from "@/lib/public-api-buyer/buyer-operations";
import { publicApiRoute } from "@/lib/public-api/public-api-route";

export const GET = publicApiRoute(listPartPricesOperation, listPartPricesViaApi);
