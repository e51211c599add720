import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import { assertSupplierAdmin, type SupplierEditor } from "./assert-supplier-admin";

/** Removes one of the supplier's own lasers or press brakes. Admins only. */
export async function removeSheetMachine(db: Database, editor: SupplierEditor, machineId: string) {
  assertSupplierAdmin(editor, "remove lasers and press brakes");
  return db.$transaction(async (tx) => {
    const machine = await tx.sheetMetalMachine.findFirst({
      where: { id: machineId, companyId: editor.companyId },
    });
    if (!machine)
      throw new AppError("not_found", "This machine is not in your profile (any more). Reload the page.");
    await tx.sheetMetalMachine.delete({ where: { id: machine.id } });
    await recordAuditLog(tx, {
      actorUserId: editor.userId,
      companyId: editor.companyId,
      action: "supplier.sheet-machine.remove",
      entityType: "Company",
      entityId: editor.companyId,
      data: { machineId: machine.id, kind: machine.kind, name: machine.name },
    });
    return machine;
  });
}
