import { shift } from "../../quoting-engine/pricing/working-days";
import { isoDateOf } from "../db/iso-date-of";
import { ManufacturingProcess } from "../db/generated/enums";
import type { Database } from "../db/prisma";
import { quoteDay } from "../quotes/quote-day";

/** How the materials list is grouped: processes that share their materials form one family. */
const processFamilies: { name: string; processes: ManufacturingProcess[] }[] = [
  { name: "CNC machining", processes: ["CNC_MILLING", "CNC_TURNING"] },
  { name: "Plastic 3D printing", processes: ["FDM", "SLA", "SLS", "MJF"] },
  { name: "Metal 3D printing", processes: ["METAL_PBF"] },
];

/** A certificate counts as expiring this many days before its last valid day. */
export const certificateWarningDays = 30;

export type CertificateValidity = "valid" | "expiring" | "expired";

/**
 * Everything the profile page shows of one supplier: location and order values, offered processes with
 * weekly hours, the materials its processes can use (grouped by process family, with the chosen ones
 * marked), machines, lasers and press brakes, certificates with their validity today, and blocked days from today on.
 */
export async function loadSupplierProfile(db: Database, companyId: string, now = new Date()) {
  const today = quoteDay(now);
  const [
    company,
    processes,
    capacities,
    chosenMaterials,
    machines,
    sheetMachines,
    certificates,
    blockedDays,
  ] = await Promise.all([
    db.company.findUniqueOrThrow({ where: { id: companyId } }),
    db.supplierProcess.findMany({ where: { companyId } }),
    db.weeklyCapacity.findMany({ where: { companyId } }),
    db.supplierMaterial.findMany({ where: { companyId }, select: { materialId: true } }),
    db.machine.findMany({ where: { companyId }, orderBy: [{ process: "asc" }, { createdAt: "asc" }] }),
    db.sheetMetalMachine.findMany({ where: { companyId }, orderBy: [{ kind: "asc" }, { createdAt: "asc" }] }),
    db.certificate.findMany({ where: { companyId }, orderBy: [{ validUntil: "asc" }, { kind: "asc" }] }),
    db.blockedDay.findMany({
      where: { companyId, day: { gte: new Date(`${today}T00:00:00Z`) } },
      orderBy: { day: "asc" },
    }),
  ]);
  const offered = Object.values(ManufacturingProcess).filter((process) =>
    processes.some((row) => row.process === process),
  );
  const materials = await db.material.findMany({
    where: { active: true, processes: { hasSome: offered } },
    orderBy: { name: "asc" },
    select: { id: true, code: true, name: true, processes: true },
  });
  const chosen = new Set(chosenMaterials.map((row) => row.materialId));
  const placed = new Set<string>();
  const materialGroups = processFamilies
    .map((family) => {
      const familyOffered = family.processes.filter((process) => offered.includes(process));
      const inFamily = materials.filter(
        (material) =>
          !placed.has(material.id) && material.processes.some((process) => familyOffered.includes(process)),
      );
      for (const material of inFamily) placed.add(material.id);
      return {
        family: family.name,
        processes: familyOffered,
        materials: inFamily.map((material) => ({
          id: material.id,
          code: material.code,
          name: material.name,
          processes: material.processes.filter((process) => familyOffered.includes(process)),
          chosen: chosen.has(material.id),
        })),
      };
    })
    .filter((group) => group.materials.length > 0);
  const warnFrom = shift(today, certificateWarningDays);
  const machineHoursPerWeek: Partial<Record<ManufacturingProcess, number>> = {};
  for (const row of capacities) machineHoursPerWeek[row.process] = row.machineHoursPerWeek;
  return {
    today,
    company,
    offeredProcesses: offered,
    machineHoursPerWeek,
    materialGroups,
    machines,
    sheetMachines,
    certificates: certificates.map((certificate) => {
      const validUntil = isoDateOf(certificate.validUntil);
      const validity: CertificateValidity =
        validUntil < today ? "expired" : validUntil <= warnFrom ? "expiring" : "valid";
      return {
        id: certificate.id,
        kind: certificate.kind,
        number: certificate.number,
        issuer: certificate.issuer,
        validFrom: isoDateOf(certificate.validFrom),
        validUntil,
        fileName: certificate.fileName,
        hasFile: Boolean(certificate.storageKey),
        validity,
      };
    }),
    blockedDays: blockedDays.map((row) => ({ id: row.id, day: isoDateOf(row.day), reason: row.reason })),
  };
}

export type SupplierProfile = Awaited<ReturnType<typeof loadSupplierProfile>>;
