import { z } from "zod";
import { ManufacturingProcess } from "../db/generated/enums";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import { assertSupplierAdmin, type SupplierEditor } from "./assert-supplier-admin";
import { numberField } from "./profile-fields";
import { processLabel } from "../catalogue/catalogue-labels";

const envelopeMm = (axis: "X" | "Y" | "Z") =>
  numberField(`Enter the working envelope in ${axis} in millimetres, from 1 to 5000.`, {
    min: 1,
    max: 5000,
  });

const machineSchema = z.object({
  process: z.enum(ManufacturingProcess, { error: "Choose the process this machine is for." }),
  name: z
    .string({ error: "Enter the machine's make and model, e.g. DMG Mori DMU 50." })
    .trim()
    .min(2, "Enter the machine's make and model, e.g. DMG Mori DMU 50.")
    .max(120, "Keep the machine's name under 120 characters."),
  count: numberField("Enter how many of these machines you run, a whole number from 1 to 100.", {
    min: 1,
    max: 100,
    integer: true,
  }),
  envelopeXMm: envelopeMm("X"),
  envelopeYMm: envelopeMm("Y"),
  envelopeZMm: envelopeMm("Z"),
});

export type MachineInput = z.input<typeof machineSchema>;

/**
 * Adds a machine (or several of one model) for a process the supplier offers. The matcher offers a
 * line only to suppliers with a machine whose envelope (X × Y × Z, mm) holds the part. Admins only.
 */
export async function addMachine(db: Database, editor: SupplierEditor, input: unknown) {
  assertSupplierAdmin(editor, "add machines");
  const machine = machineSchema.parse(input);
  const companyId = editor.companyId;
  return db.$transaction(async (tx) => {
    const offered = await tx.supplierProcess.findUnique({
      where: { companyId_process: { companyId, process: machine.process } },
    });
    if (!offered)
      throw new AppError(
        "validation_failed",
        `You do not offer ${processLabel(machine.process)} yet: tick it under Processes and save, then add its machines.`,
        { field: "process" },
      );
    const created = await tx.machine.create({ data: { companyId, ...machine } });
    await recordAuditLog(tx, {
      actorUserId: editor.userId,
      companyId,
      action: "supplier.machine.add",
      entityType: "Company",
      entityId: companyId,
      data: { machineId: created.id, ...machine },
    });
    return created;
  });
}
