import { apiRoute } from "@/lib/api/api-route";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { parseExportPeriod } from "@/lib/exports/dates/export-period";
import { fileDownload } from "@/lib/exports/file-download";
import { loadOrdersCsv } from "@/lib/exports/orders/load-orders-csv";

/** Every order placed in a period (`?from=…&to=…`, Berlin days) as CSV with buyer and partner, for operations. */
export const GET = apiRoute(async ({ request }) => {
  await requireApiPermission("ops.console");
  const period = parseExportPeriod(new URL(request.url).searchParams);
  const { csv, fileName } = await loadOrdersCsv(getPrisma(), { audience: "operations", period });
  return fileDownload(csv, fileName, "text/csv; charset=utf-8");
});
