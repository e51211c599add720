import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import { assertSupplierAdmin, type SupplierEditor } from "./assert-supplier-admin";

const materialsSchema = z.object({
  materialIds: z
    .array(z.string().trim().min(1, "Choose materials from the list."), {
      error: "Choose materials from the list.",
    })
    .min(1, "Tick at least one material you work with; without one you receive no jobs.")
    .max(500, "Choose materials from the list.")
    .transform((ids) => [...new Set(ids)]),
});

export type SupplierMaterialsInput = z.input<typeof materialsSchema>;

/**
 * Replaces the materials a supplier works with. Only active materials that one of its offered
 * processes uses can be chosen, as the matcher looks a line's material up among them. Admins only;
 * logged with the material codes before and after.
 */
export async function setSupplierMaterials(db: Database, editor: SupplierEditor, input: unknown) {
  assertSupplierAdmin(editor, "change the materials");
  const { materialIds } = materialsSchema.parse(input);
  const companyId = editor.companyId;
  return db.$transaction(async (tx) => {
    const offered = (await tx.supplierProcess.findMany({ where: { companyId } })).map((row) => row.process);
    const usable = await tx.material.findMany({
      where: { id: { in: materialIds }, active: true, processes: { hasSome: offered } },
      select: { id: true, code: true },
    });
    if (usable.length !== materialIds.length)
      throw new AppError(
        "validation_failed",
        "Some of the chosen materials are not used by a process you offer. Reload the page and choose again.",
        { field: "materialIds" },
      );
    const before = await tx.supplierMaterial.findMany({
      where: { companyId },
      select: { material: { select: { code: true } } },
    });
    await tx.supplierMaterial.deleteMany({ where: { companyId, materialId: { notIn: materialIds } } });
    await tx.supplierMaterial.createMany({
      data: materialIds.map((materialId) => ({ companyId, materialId })),
      skipDuplicates: true,
    });
    const codes = usable.map((material) => material.code).sort();
    await recordAuditLog(tx, {
      actorUserId: editor.userId,
      companyId,
      action: "supplier.materials",
      entityType: "Company",
      entityId: companyId,
      data: { from: before.map((row) => row.material.code).sort(), to: codes },
    });
    return codes;
  });
}
