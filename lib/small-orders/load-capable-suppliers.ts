import type { IsoDate } from "../../quoting-engine/pricing/working-days";
import type { ManufacturingProcess } from "../db/generated/enums";
import type { Database, TransactionClient } from "../db/prisma";
import { Prisma, type AuditStatus } from "../db/generated/client";
import { queryRawRows } from "../db/transaction-pg-client";
import { fitsEnvelope } from "../matching/rank-candidates";
import { sheetMachineRefusal, type SheetLineNeeds } from "../matching/sheet-machine-refusal";
import { sheetMachineCapabilityOf, type StoredSheetMachine } from "../matching/sheet-machine-capability-of";
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
  // One statement (issue 22, docs/decisions/0120): Prisma's nested select sent four, one per relation, and
  // each statement through Prisma costs the web server about half a millisecond; this runs on every price.
  // Floats and dates come back inside JSON, which pg and Prisma decode alike (queryRawRows).
  const rows = await queryRawRows<{
    costIndex: number;
    minOrderValueCents: number | null;
    maxOrderValueCents: number | null;
    machines: { envelopeXMm: number; envelopeYMm: number; envelopeZMm: number }[];
    sheetMetalMachines: StoredSheetMachine[];
    audit: { status: AuditStatus; expiresAt: IsoDate | null } | null;
  }>(
    db,
    Prisma.sql`/* prepared */
      SELECT c."minOrderValueCents", c."maxOrderValueCents",
             to_json(c."costIndex") AS "costIndex",
             COALESCE((SELECT json_agg(json_build_object('envelopeXMm', m."envelopeXMm",
                                'envelopeYMm', m."envelopeYMm", 'envelopeZMm', m."envelopeZMm"))
                         FROM "Machine" m
                        WHERE m."companyId" = c."id" AND m."process" = ${line.process}::"ManufacturingProcess"),
                      '[]') AS "machines",
             COALESCE((SELECT json_agg(s) FROM "SheetMetalMachine" s WHERE s."companyId" = c."id"), '[]')
               AS "sheetMetalMachines",
             (SELECT json_build_object('status', a."status", 'expiresAt', a."expiresAt")
                FROM "SupplierAudit" a
               WHERE a."supplierCompanyId" = c."id" AND a."decidedAt" IS NOT NULL
               ORDER BY a."decidedAt" DESC LIMIT 1) AS "audit"
        FROM "Company" c
       WHERE c."kind" = 'SUPPLIER' AND c."status" = 'ACTIVE'
         AND EXISTS (SELECT 1 FROM "SupplierProcess" sp
                      WHERE sp."companyId" = c."id" AND sp."process" = ${line.process}::"ManufacturingProcess")
         AND EXISTS (SELECT 1 FROM "SupplierMaterial" sm JOIN "Material" mat ON mat."id" = sm."materialId"
                      WHERE sm."companyId" = c."id" AND mat."code" = ${line.materialCode})`,
  );
  const suppliers = rows.map(({ audit, ...row }) => ({ ...row, audits: audit ? [audit] : [] }));
  return suppliers
    .filter((supplier) => {
      const audit = supplier.audits[0];
      if (!audit || (audit.status !== "APPROVED" && audit.status !== "APPROVED_WITH_CONDITIONS"))
        return false;
      if (audit.expiresAt && audit.expiresAt < line.today) return false;
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
