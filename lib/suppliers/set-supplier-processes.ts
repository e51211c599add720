import { z } from "zod";
import { ManufacturingProcess } from "../db/generated/enums";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { withTransactionRetry } from "../db/with-transaction-retry";
import { assertSupplierAdmin, type SupplierEditor } from "./assert-supplier-admin";
import { numberField } from "./profile-fields";

/** Every hour of the week on 50 machines: more is a typing error, not a factory. */
export const maxMachineHoursPerWeek = 168 * 50;

const processesSchema = z.object({
  /** The processes offered, each with its machine hours per week; a process left out is not offered. */
  offeredProcesses: z
    .partialRecord(
      z.enum(ManufacturingProcess, { error: "Choose processes from the list." }),
      numberField(
        `Enter the machine hours per week as a number from 0 to ${maxMachineHoursPerWeek} (168 h on 50 machines).`,
        { min: 0, max: maxMachineHoursPerWeek },
      ),
    )
    .refine((offered) => Object.keys(offered).length > 0, "Tick at least one process you offer."),
});

export type SupplierProcessesInput = z.input<typeof processesSchema>;

/**
 * Replaces the processes a supplier offers and its weekly machine hours for each. A process no longer
 * offered loses its capacity row, and materials that no offered process uses are dropped with it;
 * machines stay (they count again when the process comes back), and jobs already accepted are kept.
 * Admins only; logged with the processes and hours before and after.
 */
export async function setSupplierProcesses(db: Database, editor: SupplierEditor, input: unknown) {
  assertSupplierAdmin(editor, "change the processes and capacity");
  const { offeredProcesses } = processesSchema.parse(input);
  // In the enum's order, so two saves of the same supplier lock its capacity rows in the same order.
  const offered = Object.values(ManufacturingProcess).filter((process) => process in offeredProcesses);
  const companyId = editor.companyId;
  return withTransactionRetry(() =>
    db.$transaction(async (tx) => {
      const before = await tx.weeklyCapacity.findMany({
        where: { companyId },
        select: { process: true, machineHoursPerWeek: true },
        orderBy: { process: "asc" },
      });
      await tx.supplierProcess.deleteMany({ where: { companyId, process: { notIn: offered } } });
      await tx.supplierProcess.createMany({
        data: offered.map((process) => ({ companyId, process })),
        skipDuplicates: true,
      });
      // Plain Prisma deletes and upserts: they lock the capacity rows the way the matcher does before it
      // books hours (lib/matching/match-order-line.ts), so a booking never counts a half-saved capacity.
      await tx.weeklyCapacity.deleteMany({ where: { companyId, process: { notIn: offered } } });
      for (const process of offered) {
        const machineHoursPerWeek = offeredProcesses[process]!;
        await tx.weeklyCapacity.upsert({
          where: { companyId_process: { companyId, process } },
          create: { companyId, process, machineHoursPerWeek },
          update: { machineHoursPerWeek },
        });
      }
      const droppedMaterials = await tx.supplierMaterial.deleteMany({
        where: { companyId, material: { NOT: { processes: { hasSome: offered } } } },
      });
      await recordAuditLog(tx, {
        actorUserId: editor.userId,
        companyId,
        action: "supplier.processes",
        entityType: "Company",
        entityId: companyId,
        data: {
          from: before,
          to: offered.map((process) => ({ process, machineHoursPerWeek: offeredProcesses[process]! })),
          droppedMaterials: droppedMaterials.count,
        },
      });
      return { offered, droppedMaterials: droppedMaterials.count };
    }),
  );
}
