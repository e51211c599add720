import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { publicApiRoute } from "@/lib/public-api/public-api-route";
import { findJobForApi } from "@/lib/supplier-api/list-jobs-for-api";
import { updateJobStatusOperation } from "@/lib/supplier-api/supplier-api-operations";
import { updateJobStatus } from "@/lib/suppliers/update-job-status";

/** The partner reports progress on its job, through the order-line status machine (decision 0060). */
export const POST = publicApiRoute(updateJobStatusOperation, async ({ key, params, body }) => {
  const db = getPrisma();
  await updateJobStatus(db, { userId: key.createdByUserId, companyId: key.companyId }, params.jobId, {
    to: body.status,
  });
  const job = await findJobForApi(db, key.companyId, params.jobId);
  if (!job) throw new AppError("not_found", "There is no such job for your company.");
  return { status: 200, body: job };
});
