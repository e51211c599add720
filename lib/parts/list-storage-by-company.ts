import type { Database } from "../db/prisma";

export interface CompanyStorage {
  /** Null for the visitors' parts nobody has claimed yet. */
  companyId: string | null;
  name: string;
  parts: number;
  /** Sum of the uploaded files' sizes (a file uploaded twice counts twice, though it is stored once). */
  bytes: number;
  lastUploadAt: Date | null;
}

/**
 * How much each company has uploaded, largest first, with unclaimed visitor uploads as one row of their
 * own (what the nightly clean-up removes after VISITOR_PART_RETENTION_DAYS).
 */
export async function listStorageByCompany(db: Database): Promise<CompanyStorage[]> {
  const groups = await db.part.groupBy({
    by: ["companyId"],
    _count: { _all: true },
    _sum: { sizeBytes: true },
    _max: { createdAt: true },
  });
  const companyIds = groups.map((group) => group.companyId).filter((id): id is string => id !== null);
  const companies = await db.company.findMany({
    where: { id: { in: companyIds } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(companies.map((company) => [company.id, company.name]));
  return groups
    .map((group) => ({
      companyId: group.companyId,
      name: group.companyId ? (nameOf.get(group.companyId) ?? group.companyId) : "Visitors (not claimed yet)",
      parts: group._count._all,
      bytes: Number(group._sum.sizeBytes ?? 0n),
      lastUploadAt: group._max.createdAt,
    }))
    .sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
}
