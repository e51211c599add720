import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { publicApiRoute } from "@/lib/public-api/public-api-route";
import { findJobForApi } from "@/lib/supplier-api/list-jobs-for-api";
import { getJobOperation } from "@/lib/supplier-api/supplier-api-operations";

/** One of the partner's jobs (public API, docs/decisions/0060). */
export const GET = publicApiRoute(getJobOperation, async ({ key, params }) => {
  const job = await findJobForApi(getPrisma(), key.companyId, params.jobId);
  if (!job) throw new AppError("not_found", "There is no such job for your company.");
  return { status: 200, body: job };
});
