import { getPrisma } from "@/lib/db/prisma";
import { publicApiRoute } from "@/lib/public-api/public-api-route";
import { listJobsForApi } from "@/lib/supplier-api/list-jobs-for-api";
import { listJobsOperation } from "@/lib/supplier-api/supplier-api-operations";

/** The partner's jobs, a page at a time (public API, docs/decisions/0060). */
export const GET = publicApiRoute(listJobsOperation, async ({ key, query }) => ({
  status: 200,
  body: await listJobsForApi(getPrisma(), key.companyId, query),
}));
