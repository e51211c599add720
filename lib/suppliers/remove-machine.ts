import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import { assertSupplierAdmin, type SupplierEditor } from "./assert-supplier-admin";

/** Removes one of the supplier's own machines; another company's machine does not exist for it. Admins only. */
export async function removeMachine(db: Database, editor: SupplierEditor, machineId: string) {
  assertSupplierAdmin(editor, "remove machines");
  return db.$transaction(async (tx) => {
    const machine = await tx.machine.findFirst({ where: { id: machineId, companyId: editor.companyId } });
    if (!machine)
      throw new AppError("not_found", "This machine is not in your profile (any more). Reload the page.");
    await tx.machine.delete({ where: { id: machine.id } });
    await recordAuditLog(tx, {
      actorUserId: editor.userId,
      companyId: editor.companyId,
      action: "supplier.machine.remove",
      entityType: "Company",
      entityId: editor.companyId,
      data: {
        machineId: machine.id,
        process: machine.process,
        name: machine.name,
        count: machine.count,
        envelopeMm: [machine.envelopeXMm, machine.envelopeYMm, machine.envelopeZMm],
      },
    });
    return machine;
  });
}
