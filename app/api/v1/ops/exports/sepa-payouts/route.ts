import { apiRoute } from "@/lib/api/api-route";
import { recordAuditLog } from "@/lib/audit-log/record-audit-log";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { fileDownload } from "@/lib/exports/file-download";
import { loadSepaPayoutsFile } from "@/lib/exports/sepa/load-sepa-payouts-file";

/**
 * The SEPA credit-transfer file (pain.001.001.09) of the bank-transfer payouts waiting to be sent, for
 * upload to the platform's bank. Downloading marks nothing as paid (see loadSepaPayoutsFile).
 */
export const GET = apiRoute(async () => {
  const user = await requireApiPermission("ops.payments.manage");
  const db = getPrisma();
  const { xml, fileName, transferCount } = await loadSepaPayoutsFile(db);
  await recordAuditLog(db, {
    actorUserId: user.id,
    action: "export.downloaded",
    entityType: "Export",
    entityId: "sepa-payouts",
    data: { format: "SEPA pain.001", rows: transferCount },
  });
  return fileDownload(xml, fileName, "application/xml; charset=utf-8");
});
