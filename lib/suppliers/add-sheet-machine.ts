import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import { assertSupplierAdmin, type SupplierEditor } from "./assert-supplier-admin";
import { numberField, optionalNumberField } from "./profile-fields";

const name = z
  .string({ error: "Enter the machine's make and model, e.g. Trumpf TruLaser 3030 fiber." })
  .trim()
  .min(2, "Enter the machine's make and model, e.g. Trumpf TruLaser 3030 fiber.")
  .max(120, "Keep the machine's name under 120 characters.");
const sheetEdge = (which: string) =>
  numberField(`Enter the sheet's ${which} edge in millimetres, from 100 to 12000.`, { min: 100, max: 12000 });
const thickness = (material: string) =>
  optionalNumberField(`Enter the thickest ${material} it cuts in millimetres (0 to 60), or leave it empty.`, {
    min: 0,
    max: 60,
  });

const laserSchema = z.object({
  kind: z.literal("LASER"),
  name,
  sheetXMm: sheetEdge("long"),
  sheetYMm: sheetEdge("short"),
  maxSteelMm: thickness("steel"),
  maxStainlessMm: thickness("stainless steel"),
  maxAluminiumMm: thickness("aluminium"),
});
const pressBrakeSchema = z.object({
  kind: z.literal("PRESS_BRAKE"),
  name,
  bendLengthMm: numberField("Enter the longest bend it makes in millimetres, from 100 to 12000.", {
    min: 100,
    max: 12000,
  }),
  tonnage: numberField("Enter its force in tonnes, from 5 to 3000.", { min: 5, max: 3000 }),
});
const sheetMachineSchema = z.discriminatedUnion("kind", [laserSchema, pressBrakeSchema], {
  error: "Choose whether it is a laser or a press brake.",
});

export type SheetMachineInput = z.input<typeof sheetMachineSchema>;

/**
 * Adds a fibre laser (sheet format, thickest sheet per material group) or a press brake (bend length,
 * tonnage) to the supplier's profile: the matcher offers sheet-metal and laser-cut lines only to
 * suppliers whose machines can make them (lib/matching/sheet-machine-refusal.ts). Admins only; the
 * supplier must offer laser cutting or sheet metal.
 */
export async function addSheetMachine(db: Database, editor: SupplierEditor, input: unknown) {
  assertSupplierAdmin(editor, "add lasers and press brakes");
  const machine = sheetMachineSchema.parse(input);
  const companyId = editor.companyId;
  return db.$transaction(async (tx) => {
    const offered = await tx.supplierProcess.count({
      where: { companyId, process: { in: ["SHEET_METAL", "LASER_CUTTING"] } },
    });
    if (offered === 0)
      throw new AppError(
        "validation_failed",
        "You offer neither laser cutting nor sheet metal yet: tick them under Processes and save, then add the machines.",
        { field: "kind" },
      );
    const created = await tx.sheetMetalMachine.create({ data: { companyId, ...machine } });
    await recordAuditLog(tx, {
      actorUserId: editor.userId,
      companyId,
      action: "supplier.sheet-machine.add",
      entityType: "Company",
      entityId: companyId,
      data: { machineId: created.id, ...machine },
    });
    return created;
  });
}
