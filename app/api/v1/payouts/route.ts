import { getPrisma } from "@/lib/db/prisma";
import { publicApiRoute } from "@/lib/public-api/public-api-route";
import { listPayoutsForApi } from "@/lib/supplier-api/list-payouts-for-api";
import { listPayoutsOperation } from "@/lib/supplier-api/supplier-api-operations";

/** The partner's payouts, a page at a time (public API, docs/decisions/0060). */
export const GET = publicApiRoute(listPayoutsOperation, async ({ key, query }) => ({
  status: 200,
  body: await listPayoutsForApi(getPrisma(), key.companyId, query),
}));
