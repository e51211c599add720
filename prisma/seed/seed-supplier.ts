import { auditChecklistItemKeys } from "../../lib/audits/audit-checklist";
import type { ManufacturingProcess } from "../../lib/db/generated/enums";
import type { TransactionClient } from "../../lib/db/prisma";
import type { SupplierSeed } from "./demo-suppliers";

const day = (isoDate: string) => new Date(`${isoDate}T00:00:00.000Z`);

/** When the demo's foreign VAT IDs count as confirmed by VIES (fixed, so seeding twice writes the same). */
const demoViesConfirmation = new Date("2026-12-01T00:00:00.000Z");

/** Issue 19: the supplier's VAT ID and tax number; another member state's ID as confirmed by VIES. */
function taxDetails(supplier: SupplierSeed) {
  const vatNumber = supplier.tax?.vatNumber ?? null;
  const asksVies = vatNumber !== null && !vatNumber.startsWith("DE");
  return {
    vatNumber,
    taxNumber: supplier.tax?.taxNumber ?? null,
    vatIdStatus: asksVies ? ("CONFIRMED" as const) : null,
    vatIdConfirmedAt: asksVies ? demoViesConfirmation : null,
  };
}

/**
 * Writes one supplier (company `seed_company_<key>`): its processes and weekly capacity, its materials, its
 * machines, its certificates and its audit, in that order. The audit is written without its auditor: the
 * auditor's account is written after the suppliers, and the caller links it then.
 */
export async function seedSupplier(tx: TransactionClient, supplier: SupplierSeed): Promise<void> {
  const companyId = `seed_company_${supplier.key}`;
  const company = {
    kind: "SUPPLIER",
    status: supplier.status,
    name: supplier.name,
    countryCode: supplier.countryCode,
    city: supplier.city,
    region: supplier.region ?? null,
    latitude: supplier.latitude,
    longitude: supplier.longitude,
    minOrderValueCents: 5_000,
    maxOrderValueCents: 5_000_000,
    addressLine: supplier.address?.addressLine ?? null,
    postalCode: supplier.address?.postalCode ?? null,
    ...taxDetails(supplier),
  } as const;
  await tx.company.upsert({
    where: { id: companyId },
    create: { id: companyId, ...company },
    update: company,
  });

  for (const [process, hours] of Object.entries(supplier.capacity) as [ManufacturingProcess, number][]) {
    await tx.supplierProcess.upsert({
      where: { companyId_process: { companyId, process } },
      create: { companyId, process },
      update: {},
    });
    await tx.weeklyCapacity.upsert({
      where: { companyId_process: { companyId, process } },
      create: { companyId, process, machineHoursPerWeek: hours },
      update: { machineHoursPerWeek: hours },
    });
  }
  for (const code of supplier.materials) {
    const materialId = `seed_material_${code}`;
    await tx.supplierMaterial.upsert({
      where: { companyId_materialId: { companyId, materialId } },
      create: { companyId, materialId },
      update: {},
    });
  }
  for (const [index, machine] of supplier.machines.entries()) {
    const data = {
      companyId,
      process: machine.process,
      name: machine.name,
      count: machine.count,
      envelopeXMm: machine.envelopeMm[0],
      envelopeYMm: machine.envelopeMm[1],
      envelopeZMm: machine.envelopeMm[2],
    };
    const id = `seed_machine_${supplier.key}_${index}`;
    await tx.machine.upsert({ where: { id }, create: { id, ...data }, update: data });
  }
  for (const [index, machine] of (supplier.sheetMachines ?? []).entries()) {
    const id = `seed_sheet_machine_${supplier.key}_${index}`;
    await tx.sheetMetalMachine.upsert({
      where: { id },
      create: { id, companyId, ...machine },
      update: { companyId, ...machine },
    });
  }
  for (const [index, certificate] of supplier.certificates.entries()) {
    const data = {
      companyId,
      kind: certificate.kind,
      number: certificate.number,
      issuer: certificate.issuer,
      validFrom: day("2025-01-01"),
      validUntil: day(certificate.validUntil),
    };
    const id = `seed_certificate_${supplier.key}_${index}`;
    await tx.certificate.upsert({ where: { id }, create: { id, ...data }, update: data });
  }
  const audit =
    supplier.status === "ACTIVE"
      ? ({
          status: "APPROVED",
          auditorId: "seed_user_olga",
          decidedAt: day("2026-06-01"),
          expiresAt: day("2027-06-01"),
          checklist: Object.fromEntries(
            auditChecklistItemKeys.map((key) => [key, { result: "passed", method: "on-site", note: "" }]),
          ),
        } as const)
      : ({ status: "PENDING", checklist: {} } as const);
  const auditId = `seed_audit_${supplier.key}`;
  // The auditor must exist before the audit that names it; users are written after the suppliers, so the
  // caller links it then.
  await tx.supplierAudit.upsert({
    where: { id: auditId },
    create: { id: auditId, supplierCompanyId: companyId, ...audit, auditorId: null },
    update: { ...audit, auditorId: null },
  });
}
