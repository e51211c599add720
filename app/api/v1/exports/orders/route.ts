import { apiRoute } from "@/lib/api/api-route";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { fileDownload } from "@/lib/exports/file-download";
import { loadOrdersCsv } from "@/lib/exports/orders/load-orders-csv";

/** The buyer company's orders as CSV, one row per line (linked from the orders page). */
export const GET = apiRoute(async () => {
  const user = await requireApiPermission("shop.view");
  const { csv, fileName } = await loadOrdersCsv(getPrisma(), {
    audience: "buyer",
    companyId: user.companyId,
  });
  return fileDownload(csv, fileName, "text/csv; charset=utf-8");
});
