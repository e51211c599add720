import { getPrisma } from "@/lib/db/prisma";
import { publicApiRoute } from "@/lib/public-api/public-api-route";
import { listOffersForApi } from "@/lib/supplier-api/list-offers-for-api";
import { listOffersOperation } from "@/lib/supplier-api/supplier-api-operations";

/** The partner's offers, a page at a time (public API, docs/decisions/0060). */
export const GET = publicApiRoute(listOffersOperation, async ({ key, query }) => ({
  status: 200,
  body: await listOffersForApi(getPrisma(), key.companyId, query),
}));
