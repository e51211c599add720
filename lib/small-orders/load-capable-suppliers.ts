import type { IsoDate } from "../../quoting-engine/pricing/working-days";
import type { ManufacturingProcess } from "../db/generated/enums";
import type { Database, TransactionClient } from "../db/prisma";
import { isoDateOf } from "../db/iso-date-of";
import { fitsEnvelope } from "../matching/rank-candidates";
import { sheetMachineRefusal, type SheetLineNeeds } from "../matching/sheet-machine-refusal";
import { sheetMachineCapabilityOf } from "../matching/sheet-machine-capability-of";
import type { CapableSupplier } from "./small-order-check";

/**
 * The partners who could make a line, by the matcher's rules that do not depend on the order
 * (rank-candidates.ts): active, with a current approved audit, offering the process and the material, with
 * a machine whose envelope holds the part turned any way, or for a laser-cut or sheet-metal line (`sheet`)
 * a laser that cuts its blank and thickness (and a press brake that bends it), as the matcher checks. Certificates, "made in", capacity and earlier
 * offers depend on the checkout and the day, so they are left to the matcher; the order-value rules are
 * what the caller checks with the result.
 */
export async function loadCapableSuppliers(
  db: Database | TransactionClient,
  line: {
    process: ManufacturingProcess;
    materialCode: string;
    partSizeMm: readonly number[];
    today: IsoDate;
    /** A sheet line's needs (sheet-needs-of-report.ts): checked against the lasers and press brakes. */
    sheet?: SheetLineNeeds;
  },
): Promise<CapableSupplier[]> {
  const suppliers = await db.company.findMany({
    where: {
      kind: "SUPPLIER",
      status: "ACTIVE",
      supplierProcesses: { some: { process: line.process } },
      supplierMaterials: { some: { material: { code: line.materialCode } } },
    },
    select: {
      costIndex: true,
      minOrderValueCents: true,
      maxOrderValueCents: true,
      machines: {
        where: { process: line.process },
        select: { envelopeXMm: true, envelopeYMm: true, envelopeZMm: true },
      },
      sheetMetalMachines: true,
      audits: {
        where: { decidedAt: { not: null } },
        orderBy: { decidedAt: "desc" },
        take: 1,
        select: { status: true, expiresAt: true },
      },
    },
  });
  return suppliers
    .filter((supplier) => {
      const audit = supplier.audits[0];
      if (!audit || (audit.status !== "APPROVED" && audit.status !== "APPROVED_WITH_CONDITIONS"))
        return false;
      if (audit.expiresAt && isoDateOf(audit.expiresAt) < line.today) return false;
      if (line.sheet)
        return (
          sheetMachineRefusal(line.sheet, supplier.sheetMetalMachines.map(sheetMachineCapabilityOf)) === null
        );
      return (
        line.partSizeMm.length !== 3 ||
        supplier.machines.some((machine) =>
          fitsEnvelope(line.partSizeMm, [machine.envelopeXMm, machine.envelopeYMm, machine.envelopeZMm]),
        )
      );
    })
    .map(({ costIndex, minOrderValueCents, maxOrderValueCents }) => ({
      costIndex,
      minOrderValueCents,
      maxOrderValueCents,
    }));
}
