import { apiRoute } from "@/lib/api/api-route";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { fileDownload } from "@/lib/exports/file-download";
import { loadJobsCsv } from "@/lib/exports/orders/load-jobs-csv";

/** The partner's jobs as CSV with the partner's own prices (linked from the jobs page). */
export const GET = apiRoute(async () => {
  const user = await requireApiPermission("supplier.portal");
  return fileDownload(await loadJobsCsv(getPrisma(), user.companyId), "jobs.csv", "text/csv; charset=utf-8");
});
