import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import type { SupplierEditor } from "./assert-supplier-admin";
import { assertSupplierMay } from "./assert-supplier-may";

/**
 * Opens a blocked day for production again; another company's day does not exist for it. Admins and
 * production staff.
 */
export async function unblockDay(db: Database, editor: SupplierEditor, blockedDayId: string) {
  assertSupplierMay(editor, "supplier.capacity.edit", "unblock days");
  return db.$transaction(async (tx) => {
    const blocked = await tx.blockedDay.findFirst({
      where: { id: blockedDayId, companyId: editor.companyId },
    });
    if (!blocked)
      throw new AppError("not_found", "This day is not blocked in your profile (any more). Reload the page.");
    await tx.blockedDay.delete({ where: { id: blocked.id } });
    await recordAuditLog(tx, {
      actorUserId: editor.userId,
      companyId: editor.companyId,
      action: "supplier.blocked-day.remove",
      entityType: "Company",
      entityId: editor.companyId,
      data: { blockedDayId: blocked.id, day: blocked.day.toISOString().slice(0, 10), reason: blocked.reason },
    });
    return blocked;
  });
}
