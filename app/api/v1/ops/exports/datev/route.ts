import { apiRoute } from "@/lib/api/api-route";
import { recordAuditLog } from "@/lib/audit-log/record-audit-log";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { parseExportPeriod } from "@/lib/exports/dates/export-period";
import { loadDatevExport } from "@/lib/exports/datev/load-datev-export";
import { fileDownload } from "@/lib/exports/file-download";

/**
 * The DATEV posting batch of a period's invoices, credit notes and self-billing invoices, for the tax
 * adviser; who downloaded which period is in the audit log.
 */
export const GET = apiRoute(async ({ request }) => {
  const user = await requireApiPermission("ops.payments.manage");
  const period = parseExportPeriod(new URL(request.url).searchParams);
  const db = getPrisma();
  const { bytes, fileName, bookingCount } = await loadDatevExport(db, period);
  await recordAuditLog(db, {
    actorUserId: user.id,
    action: "export.downloaded",
    entityType: "Export",
    entityId: "datev",
    data: { format: "DATEV", from: period.from, to: period.to, rows: bookingCount },
  });
  return fileDownload(new Uint8Array(bytes), fileName, "text/csv; charset=windows-1252");
});
