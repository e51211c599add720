import type { Database } from "../db/prisma";

/** Every supplier with what operations need at a glance: status, processes, latest audit, next certificate expiry. */
export async function listSuppliers(db: Database) {
  const suppliers = await db.company.findMany({
    where: { kind: "SUPPLIER" },
    orderBy: [{ status: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      status: true,
      countryCode: true,
      city: true,
      supplierProcesses: { select: { process: true }, orderBy: { process: "asc" } },
      audits: {
        where: { status: { in: ["APPROVED", "APPROVED_WITH_CONDITIONS"] } },
        orderBy: { decidedAt: "desc" },
        take: 1,
        select: { status: true, expiresAt: true },
      },
      certificates: { orderBy: { validUntil: "asc" }, take: 1, select: { kind: true, validUntil: true } },
      weeklyCapacities: { select: { process: true, machineHoursPerWeek: true } },
    },
  });
  return suppliers.map((supplier) => ({
    id: supplier.id,
    name: supplier.name,
    status: supplier.status,
    countryCode: supplier.countryCode,
    city: supplier.city,
    processes: supplier.supplierProcesses.map((row) => row.process),
    latestAudit: supplier.audits[0] ?? null,
    nextCertificateExpiry: supplier.certificates[0] ?? null,
    machineHoursPerWeek: supplier.weeklyCapacities.reduce((sum, row) => sum + row.machineHoursPerWeek, 0),
  }));
}
